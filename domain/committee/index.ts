/**
 * The owners' committee (业主委员会): the preparatory group, nominations and vetting, the election (an assembly
 * motion), seating, filing, membership and meetings. The context's only published surface.
 */
export * from './commands.js';
export * from './decide.js';
export * from './eligibility.js';
export * from './errors.js';
export * from './events.js';
export * from './majority.js';
export * from './rules.js';
export * from './state.js';
export * from './convening.js';
export * from './removal.js';
export * from './leaving.js';
export * from './transition.js';
export * from './acting.js';
export * from './actingDecide.js';
