/**
 * Hiring the property firm (物业服务企业): firms as parties, tenders with sealed bids, the contract drawn from the
 * owners' decision, quarterly assessments releasing held-back fees, renewal, dismissal, handover, complaints and
 * disclosures. The context's only published surface.
 *
 * For the funds context: `HeldBackFeesReleased` (HeldBackFeesReleasedData) is the entry to book, one per
 * assessed period: `released` is paid to the firm from the OC's account, `withheld` stays there; their sum is
 * the period's `heldBack`, exactly.
 */
export * from './commands.js';
export * from './contract.js';
export * from './dates.js';
export * from './errors.js';
export * from './events.js';
export * from './firm.js';
export * from './feeAdjustment.js';
export * from './holdBack.js';
export * from './rules.js';
export * from './sealedBid.js';
export * from './streams.js';
export * from './survey.js';
export * from './surveyResults.js';
export * from './tender.js';

/** Event types other contexts may react to. */
export const HELD_BACK_FEES_RELEASED = 'HeldBackFeesReleased' as const;
export const SERVICE_ENDED = 'ServiceEnded' as const;
