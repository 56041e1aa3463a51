/** Disputes and their mediation (纠纷调解, 人民调解法): published surface of the context. */
export * from './commands.js';
export * from './decide.js';
export * from './errors.js';
export * from './events.js';
export * from './rules.js';
export * from './state.js';
