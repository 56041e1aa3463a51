/** The notice board (公示栏): whether a compound's board is public, and what Art. 13 requires it to show. Public API. */
export * from './commands.js';
export * from './decide.js';
export * from './errors.js';
export * from './events.js';
export * from './rules.js';
export * from './state.js';
