/** The supervisory read model. */
export * from './trace.js';
