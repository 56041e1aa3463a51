/** The hiring read model: documents, the projection, the views. */
export * from './docs.js';
export * from './projection.js';
export * from './view.js';
export * from './boardPage.js';
