/**
 * The owners' assembly (业主大会): motions on the matters of Civil Code Art. 278, their ballots and the
 * two-axis tally. Public API of the context.
 */
export * from './actor.js';
export * from './ballot.js';
export * from './commands.js';
export * from './decide.js';
export * from './errors.js';
export * from './events.js';
export * from './matters.js';
export * from './needed.js';
export * from './petition.js';
export * from './forms.js';
export * from './formTally.js';
export * from './proposals.js';
export * from './receipt.js';
export * from './roll.js';
export * from './rulePacks/index.js';
export * from './rules.js';
export * from './scope.js';
export * from './state.js';
export * from './streams.js';
export * from './tally.js';
export * from './upcasters.js';
export * from './thresholds.js';
export * from './wire.js';
