/**
 * The funds' deadlines: an emergency release's post-hoc review after its settlement (维修资金办法 Art. 24;
 * 杭条例 Art. 73; the days: the pack's default, no statute fixes them), and a unit's top-up once its sub-account
 * falls below the threshold (维修资金办法 Art. 17; 沪规定 Art. 65: to 50% within 90 days). Status only.
 */
import { disclosureDueBy, fundRulePacks, fundsEventTypes, nextPeriod, periodBounds, periodOf, type FundsEvent, type Ledger } from '../../domain/funds/index.js';
import type { DeadlineChange, DeadlineSource } from '../platform/deadlines.js';

export const POST_HOC_REVIEW = 'emergency_post_hoc_review';
export const TOP_UP = 'sub_account_top_up';
export const DISCLOSURE = 'funds_disclosure';

/**
 * Disclosure deadlines (维修资金办法 Art. 30; 沪规定 Art. 66; 京条例 Art. 85): one per ledger and period, declared
 * by the first funds event recorded in or after the period's start (from the opening on), met when posted.
 * A compound with no funds event for a while gets its periods' deadlines with the next event.
 */
function disclosureChanges(compoundId: string, jurisdiction: keyof typeof fundRulePacks, at: Date, recall: (key: string) => Readonly<Record<string, string>> | undefined): DeadlineChange[] {
  const rules = fundRulePacks[jurisdiction];
  const out: DeadlineChange[] = [];
  for (const ledger of ['maintenance', 'public_income'] as Ledger[]) {
    const cadence = rules.disclosure[ledger];
    const key = `disclosure:${compoundId}:${ledger}`;
    const last = recall(key)?.period;
    const current = periodOf(at, cadence);
    let period = last ? nextPeriod(last) : current;
    let declared: string | null = null;
    for (let guard = 0; guard < 400 && periodBounds(period)!.from.getTime() <= at.getTime(); guard++, period = nextPeriod(period)) {
      const end = periodBounds(period)!.to;
      out.push({
        op: 'declare',
        deadline: { deadlineId: `${DISCLOSURE}:${ledger}:${period}`, compoundId, kind: DISCLOSURE, dueAt: disclosureDueBy(end, rules).toISOString(), source: { article: rules.disclosure.source, jurisdiction }, record: { type: 'disclosure_period', id: `${ledger}/${period}` } },
      });
      declared = period;
    }
    if (declared) out.push({ op: 'remember', key, facts: { period: declared } });
  }
  return out;
}

export function fundsDeadlineSource(): DeadlineSource {
  return {
    name: 'funds',
    handles: fundsEventTypes,
    changes(recorded, recall): DeadlineChange[] {
      const own = ownChanges(recorded, recall);
      const compoundId = recorded.streamId.replace(/^funds-/, '');
      const jurisdiction = (recorded.type === 'FundOpened' ? (recorded.data as { jurisdiction: string }).jurisdiction : recall(compoundId)?.jurisdiction) as keyof typeof fundRulePacks | undefined;
      if (!jurisdiction) return own;
      const disclosed = recorded.type === 'DisclosurePublished' ? (recorded.data as { statement: { ledger: string; period: string }; publishedAt: string }) : null;
      return [
        ...own,
        ...disclosureChanges(compoundId, jurisdiction, new Date(recorded.metadata.recordedAt), recall),
        ...(disclosed ? [{ op: 'meet' as const, deadlineId: `${DISCLOSURE}:${disclosed.statement.ledger}:${disclosed.statement.period}`, at: disclosed.publishedAt }] : []),
      ];
    },
  };
}

function ownChanges(recorded: Parameters<DeadlineSource['changes']>[0], recall: Parameters<DeadlineSource['changes']>[1]): DeadlineChange[] {
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
}
