/** Read models of residents' self-governance (居民会议). */
export * from './projection.js';
