/** The notice board (公示栏) as page data: bars against thresholds, the motion page, the index and the Art. 13 checklist. */
export * from './bars.js';
export * from './indexPage.js';
export * from './labels.js';
export * from './motionPage.js';
export * from './communityPage.js';
export * from './fundsPage.js';
export * from './committeePage.js';
