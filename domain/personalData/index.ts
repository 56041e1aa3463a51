/** Personal-data protection (个人信息保护, PIPL): erasure by key destruction and the record of staff reads. Public API. */
export * from './commands.js';
export * from './decide.js';
export * from './errors.js';
export * from './events.js';
export * from './ownership.js';
export * from './rules.js';
export * from './state.js';
