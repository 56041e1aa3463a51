/**
 * The funds (住宅专项维修资金 and 公共收益): double-entry ledgers in fen, releases by decision or certified
 * emergency in two phases, deposits and top-ups. Public API of the context.
 */
export * from './allocation.js';
export * from './book.js';
export * from './commands.js';
export * from './decide.js';
export * from './errors.js';
export * from './events.js';
export * from './ledger.js';
export * from './periods.js';
export * from './rules.js';
export * from './state.js';
export * from './statement.js';
