/** The supervisory read model. */
export * from './flags.js';
export * from './trace.js';
