/** Three parties working together (三方联动): joint meetings, their resolutions and tasks, residents' requests dispatched and scored. Published surface. */
export * from './commands.js';
export * from './decide.js';
export * from './errors.js';
export * from './events.js';
export * from './parties.js';
export * from './scores.js';
export * from './state.js';
