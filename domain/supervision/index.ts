/** The supervision (监事会): the supervisory board and its audit opinions. Public API of the context. */
export * from './board.js';
export * from './errors.js';
