/**
 * The funds' deadlines: an emergency release's post-hoc review after its settlement (维修资金办法 Art. 24;
 * 杭条例 Art. 73; the days: the pack's default, no statute fixes them), and a unit's top-up once its sub-account
 * falls below the threshold (维修资金办法 Art. 17; 沪规定 Art. 65: to 50% within 90 days). Status only.
 */
import { fundRulePacks, type FundsEvent } from '../../domain/funds/index.js';
import type { DeadlineChange, DeadlineSource } from '../platform/deadlines.js';

export const POST_HOC_REVIEW = 'emergency_post_hoc_review';
export const TOP_UP = 'sub_account_top_up';

export function fundsDeadlineSource(): DeadlineSource {
  return {
    name: 'funds',
    handles: ['FundOpened', 'ReleaseSettled', 'PostHocReviewRecorded', 'TopUpRequired', 'TopUpMet'],
    changes(recorded, recall): DeadlineChange[] {
      const compoundId = recorded.streamId.replace(/^funds-/, '');
      const event = { type: recorded.type, data: recorded.data } as FundsEvent;
      const jurisdiction = (recall(compoundId)?.jurisdiction ?? 'national') as keyof typeof fundRulePacks;
      const rules = fundRulePacks[jurisdiction];
      switch (event.type) {
        case 'FundOpened':
          return [{ op: 'remember', key: compoundId, facts: { jurisdiction: event.data.jurisdiction } }];
        case 'ReleaseSettled':
          if (!event.data.postHocReviewDueBy) return [];
          return [
            {
              op: 'declare',
              deadline: { deadlineId: `${POST_HOC_REVIEW}:${event.data.releaseId}`, compoundId, kind: POST_HOC_REVIEW, dueAt: event.data.postHocReviewDueBy, source: { article: rules.sources.postHocReview, jurisdiction }, record: { type: 'release', id: event.data.releaseId } },
            },
          ];
        case 'PostHocReviewRecorded':
          return [{ op: 'meet', deadlineId: `${POST_HOC_REVIEW}:${event.data.releaseId}`, at: event.data.reviewedAt }];
        case 'TopUpRequired':
          return [
            {
              op: 'declare',
              deadline: { deadlineId: `${TOP_UP}:${event.data.unitId}:${event.data.requiredAt}`, compoundId, kind: TOP_UP, dueAt: event.data.dueBy, source: { article: rules.sources.topUp, jurisdiction }, record: { type: 'unit', id: event.data.unitId } },
            },
            { op: 'remember', key: `topup:${compoundId}:${event.data.unitId}`, facts: { requiredAt: event.data.requiredAt } },
          ];
        case 'TopUpMet': {
          const facts = recall(`topup:${compoundId}:${event.data.unitId}`);
          return facts ? [{ op: 'meet', deadlineId: `${TOP_UP}:${event.data.unitId}:${facts.requiredAt}`, at: event.data.metAt }] : [];
        }
        default:
          return [];
      }
    },
  };
}
