/** Read models of the owners' assembly (业主大会). */
export * from './ballots.js';
export * from './docs.js';
export * from './motions.js';
export * from './projection.js';
export * from './tally.js';
export * from './view.js';
export * from './decisions.js';
export * from './figures.js';
export * from './objections.js';
export * from './petitions.js';
