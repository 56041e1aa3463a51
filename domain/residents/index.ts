/**
 * Residents' self-governance (居民自治): the residents' roll, residents' meetings (居民会议) and resident-
 * representative meetings (居民代表会议), requests to convene. Published surface of the context.
 */
export * from './commands.js';
export * from './decide.js';
export * from './errors.js';
export * from './events.js';
export * from './roll.js';
export * from './rules.js';
export * from './state.js';
