/** Read models of disputes and mediation (纠纷调解). */
export * from './projection.js';
