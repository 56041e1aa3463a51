/** Stream names of the hiring context. */
export const firmStreamId = (firmId: string): string => `firm-${firmId}`;
export const tenderStreamId = (tenderId: string): string => `tender-${tenderId}`;
/** One contract per tender: the contract's id is the tender's. */
export const contractStreamId = (contractId: string): string => `contract-${contractId}`;
/** The motion a tender puts to the owners: its id names the tender, so the decision leads back to it. */
export const tenderMotionId = (tenderId: string): string => `tender-${tenderId}`;
export const tenderOfMotion = (motionId: string): string | null => (motionId.startsWith('tender-') ? motionId.slice('tender-'.length) : null);
/** A fee adjustment's stream and its motion (`fee-<adjustmentId>`): the decision leads back to the adjustment. */
export const feeAdjustmentStreamId = (adjustmentId: string): string => `fee-adjustment-${adjustmentId}`;
export const feeAdjustmentMotionId = (adjustmentId: string): string => `fee-${adjustmentId}`;
export const feeAdjustmentOfMotion = (motionId: string): string | null => (motionId.startsWith('fee-') ? motionId.slice('fee-'.length) : null);
/** A satisfaction survey's stream. */
export const surveyStreamId = (surveyId: string): string => `survey-${surveyId}`;
