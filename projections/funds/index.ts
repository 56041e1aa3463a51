/** The funds' read model: the projection, its documents and the views rendered from them. */
export * from './docs.js';
export * from './projection.js';
export * from './view.js';
export * from './docsReader.js';
