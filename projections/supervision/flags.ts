/**
 * The supervisory board's anomaly flags (监事会查账), each naming the rule it breaks and linking the records
 * that show it. Pure: from the funds' read model (releases, the compound's figures per quarter and the
 * disclosures), the decisions as the assembly records them now, the declared relationships, and the time.
 */
import { disclosureDueBy, fenOf, fenOfBalance, fundRulePacks, nextPeriod, periodBounds, periodOf, type FundRules } from '../../domain/funds/index.js';
import { formatYuan } from '../../domain/shared/money.js';
import { relatesTo, type RelationshipDeclaredData } from '../../domain/supervision/index.js';
import type { FundsMetaDoc, ReleaseDoc } from '../funds/index.js';

export interface DecisionRef {
  readonly decisionId: string;
  readonly motionId: string;
  readonly matter: string;
  readonly budget: string | null;
  readonly revokedAt: string | null;
}

export type FlagKind =
  | 'split_releases'
  | 'overrun_without_reapproval'
  | 'emergency_review_overdue'
  | 'relies_on_revoked_decision'
  | 'self_approval'
  | 'related_party_contractor'
  | 'income_top_up_missed'
  | 'disclosure_overdue';

export interface FlagRecord {
  readonly type: 'release' | 'decision' | 'transfer' | 'period' | 'disclosure' | 'declaration';
  readonly id: string;
}

export interface Flag {
  readonly kind: FlagKind;
  readonly rule: string;
  readonly records: readonly FlagRecord[];
  readonly detail: string;
}

const DAY = 86_400_000;
/** Split releases: several to one contractor within this window, each under the threshold, together above it. */
export const SPLIT_WINDOW_DAYS = 90;

export interface FlagInputs {
  readonly meta: FundsMetaDoc;
  readonly releases: readonly ReleaseDoc[];
  readonly decisions: (decisionId: string) => DecisionRef | null;
  readonly declarations: readonly RelationshipDeclaredData[];
  readonly now: Date;
}

export function supervisoryFlags({ meta, releases, decisions, declarations, now }: FlagInputs): Flag[] {
  const rules = fundRulePacks[meta.jurisdiction as keyof typeof fundRulePacks] ?? fundRulePacks.national;
  return [...splitReleases(releases, rules), ...perRelease(releases, rules, decisions, declarations, now), ...incomeTopUp(meta, rules, now), ...disclosures(meta, rules, now)];
}

const amountOf = (r: ReleaseDoc): bigint => fenOf(r.settled?.amount ?? r.contractPrice);

function splitReleases(releases: readonly ReleaseDoc[], rules: FundRules): Flag[] {
  // The approval threshold is the amount below which the settlement audit may be skipped (杭条例 Art. 72 (2):
  // ¥30,000), the same figure elsewhere as the reference.
  const threshold = rules.auditWaiverMaxFen ?? 3_000_000n;
  const byContractor = new Map<string, ReleaseDoc[]>();
  for (const r of releases) if (!r.voidedAt) byContractor.set(r.contractor.name.trim(), [...(byContractor.get(r.contractor.name.trim()) ?? []), r]);
  const flags: Flag[] = [];
  for (const [contractor, list] of byContractor) {
    const small = list.filter((r) => amountOf(r) <= threshold).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
    for (const first of small) {
      const start = Date.parse(first.requestedAt);
      const window = small.filter((r) => Date.parse(r.requestedAt) >= start && Date.parse(r.requestedAt) - start <= SPLIT_WINDOW_DAYS * DAY);
      const sum = window.reduce((s, r) => s + amountOf(r), 0n);
      if (window.length >= 2 && sum > threshold) {
        flags.push({ kind: 'split_releases', rule: `${window.length} releases to ${contractor} within ${SPLIT_WINDOW_DAYS} days, each ≤ ¥${formatYuan(threshold)}, together ¥${formatYuan(sum)} (${rules.sources.auditWaiver})`, records: window.map((r) => ({ type: 'release', id: r.releaseId })), detail: 'one job split to stay under the approval threshold?' });
        break;
      }
    }
  }
  return flags;
}

function perRelease(releases: readonly ReleaseDoc[], rules: FundRules, decisions: FlagInputs['decisions'], declarations: readonly RelationshipDeclaredData[], now: Date): Flag[] {
  const flags: Flag[] = [];
  for (const r of releases) {
    const release: FlagRecord = { type: 'release', id: r.releaseId };
    if (r.settled && fenOf(r.settled.amount) * 100n >= fenOf(r.budget) * rules.overrunPercent && !r.reapprovalDecisionId) {
      flags.push({ kind: 'overrun_without_reapproval', rule: rules.sources.overrun, records: [release, ...(r.decisionId ? [{ type: 'decision' as const, id: r.decisionId }] : [])], detail: `settled ¥${r.settled.amount} on a budget of ¥${r.budget}` });
    }
    if (r.kind === 'emergency' && r.settled?.postHocReviewDueBy) {
      const due = r.settled.postHocReviewDueBy;
      const late = r.postHocReviewAt ? Date.parse(r.postHocReviewAt) > Date.parse(due) : now.getTime() > Date.parse(due);
      if (late) flags.push({ kind: 'emergency_review_overdue', rule: rules.sources.postHocReview, records: [release], detail: r.postHocReviewAt ? `reviewed ${r.postHocReviewAt}, due ${due}` : `no post-hoc review; due ${due}` });
    }
    for (const id of [r.decisionId, r.reapprovalDecisionId]) {
      const d = id ? decisions(id) : null;
      if (d?.revokedAt) flags.push({ kind: 'relies_on_revoked_decision', rule: '物业管理条例 Art. 19; Civil Code Art. 280: a revoked decision authorises nothing', records: [release, { type: 'decision', id: d.decisionId }], detail: `revoked ${d.revokedAt}` });
    }
    // Self-approval: the one who asked approves a step, or an approver declared a relationship with the contractor.
    const requester = r.actors.requestedBy;
    const selfSteps = r.actors.approvals.filter((a) => a.personId === requester).map((a) => a.step);
    const relatedApprovers = r.actors.approvals.flatMap((a) => declarations.filter((d) => d.personId === a.personId && relatesTo(d.related, r.contractor)).map((d) => ({ step: a.step, declarationId: d.declarationId })));
    if (selfSteps.length > 0 || relatedApprovers.length > 0) {
      flags.push({
        kind: 'self_approval',
        rule: 'separation of duties: requesting and approving a release are different bodies (维修资金办法 Arts. 22–24); no approver related to the contractor (广州办法 Art. 49)',
        records: [release, ...relatedApprovers.map((x) => ({ type: 'declaration' as const, id: x.declarationId }))],
        detail: [selfSteps.length > 0 ? `the requester also approved: ${[...new Set(selfSteps)].join(', ')}` : '', relatedApprovers.length > 0 ? `an approver related to ${r.contractor.name}: ${[...new Set(relatedApprovers.map((x) => x.step))].join(', ')}` : ''].filter(Boolean).join('; '),
      });
    }
    const related = declarations.filter((d) => relatesTo(d.related, r.contractor));
    if (related.length > 0 && !r.voidedAt) {
      flags.push({
        kind: 'related_party_contractor',
        rule: 'a contractor related to an OC member or a supervisor (declared; 广州办法 Art. 49): the board examines the price and the choice',
        records: [release, ...related.map((d) => ({ type: 'declaration' as const, id: d.declarationId }))],
        detail: `${r.contractor.name}: ${related.map((d) => `${d.role} (${d.relation})`).join(', ')}`,
      });
    }
  }
  return flags;
}

/** Quarters ended by `now`, with public income in them (沪规定 Art. 51; 京条例 Art. 74). */
function incomeTopUp(meta: FundsMetaDoc, rules: FundRules, now: Date): Flag[] {
  const rule = rules.incomeTopUp;
  if (rule.kind === 'none') return [];
  const flags: Flag[] = [];
  for (const [quarter, q] of Object.entries(meta.quarters).sort(([a], [b]) => a.localeCompare(b))) {
    const bounds = periodBounds(quarter)!;
    if (now.getTime() < bounds.to.getTime()) continue;
    const income = fenOfBalance(q.income);
    const toFund = fenOfBalance(q.toFund);
    if (income <= 0n) continue;
    // Shanghai: more than half (超过 50%); Beijing: at least half (不低于 50%) while the fund is below 30%.
    const missed = rule.kind === 'more_than_half_each_quarter' ? toFund * 2n <= income : q.fundBelowThirtyPercent && toFund * 2n < income;
    if (missed) flags.push({ kind: 'income_top_up_missed', rule: rule.source, records: [{ type: 'period', id: quarter }], detail: `public income ¥${formatYuan(income)}, into the fund ¥${formatYuan(toFund)}` });
  }
  return flags;
}

/** Every period since the fund opened whose statement is due and not posted, or was posted late. */
function disclosures(meta: FundsMetaDoc, rules: FundRules, now: Date): Flag[] {
  const flags: Flag[] = [];
  for (const ledger of ['maintenance', 'public_income'] as const) {
    const cadence = rules.disclosure[ledger];
    for (let period = periodOf(new Date(meta.openedAt), cadence), guard = 0; guard < 400; period = nextPeriod(period), guard++) {
      const bounds = periodBounds(period)!;
      if (bounds.to.getTime() > now.getTime()) break;
      const dueBy = disclosureDueBy(bounds.to, rules);
      const posted = meta.disclosures[`${ledger}/${period}`];
      const records: FlagRecord[] = [{ type: 'period', id: `${ledger}/${period}` }, ...(posted ? [{ type: 'disclosure' as const, id: posted.disclosureId }] : [])];
      if (posted ? posted.late : now.getTime() > dueBy.getTime()) {
        flags.push({ kind: 'disclosure_overdue', rule: rules.disclosure.source, records, detail: posted ? `posted ${posted.publishedAt}, due ${dueBy.toISOString()}` : `not posted; due ${dueBy.toISOString()}` });
      }
    }
  }
  return flags;
}
