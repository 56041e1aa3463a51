/** The funds' views (pure renderings of the funds' state). */
export * from './view.js';
