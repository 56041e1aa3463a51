/** Read models of three-party work (三方联动). */
export * from './projection.js';
