/** The committee's read model: the notice board and the elections. */
export * from './projection.js';
export * from './view.js';
