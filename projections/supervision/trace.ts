/**
 * The supervisory read model (监事会查账): every balance traced to its transfers, each transfer to its authority
 * (the decision with its budget, or the emergency certification) and evidence, and anomaly flags, each naming
 * the rule it breaks and linking the records. Pure: from the funds' events, the decisions as recorded now and
 * the time.
 */
import { Book, fenOf, fundRulePacks, transfersOf, voidedBy, type FundsEvent, type Transfer } from '../../domain/funds/index.js';
import { formatYuan } from '../../domain/shared/money.js';

export interface DecisionRef {
  readonly decisionId: string;
  readonly motionId: string;
  readonly matter: string;
  readonly budget: string | null;
  readonly revokedAt: string | null;
}

export interface Flag {
  readonly kind: 'split_releases' | 'overrun_without_reapproval' | 'emergency_review_overdue' | 'relies_on_revoked_decision';
  readonly rule: string;
  readonly records: readonly { readonly type: 'release' | 'decision' | 'transfer'; readonly id: string }[];
  readonly detail: string;
}

const DAY = 86_400_000;
/** Split releases: several to one contractor within this window, each under the threshold, together above it. */
export const SPLIT_WINDOW_DAYS = 90;

export function supervisoryTrace(events: readonly FundsEvent[], decisions: (id: string) => DecisionRef | null, now: Date) {
  const book = new Book();
  const transfers = new Map<string, Transfer>();
  const byAccount = new Map<string, string[]>();
  interface R { releaseId: string; kind: string; decisionId: string | null; contractor: string; budget: bigint; price: bigint; requestedAt: string; settled: bigint | null; reapproval: string | null; dueBy: string | null; reviewedAt: string | null; item: string | null }
  const releases = new Map<string, R>();
  let jurisdiction: keyof typeof fundRulePacks = 'national';
  for (const e of events) {
    for (const t of transfersOf(e)) {
      transfers.set(t.transferId, t);
      book.apply(t);
      for (const acct of [t.from, t.to]) {
        const key = `${t.ledger}/${acct}`;
        const list = byAccount.get(key);
        if (list) list.push(t.transferId);
        else byAccount.set(key, [t.transferId]);
      }
    }
    for (const id of voidedBy(e)) {
      const t = transfers.get(id);
      if (t) book.void(t);
    }
    switch (e.type) {
      case 'FundOpened':
        jurisdiction = e.data.jurisdiction;
        break;
      case 'ReleaseRequested':
      case 'EmergencyReleaseRequested':
        releases.set(e.data.releaseId, {
          releaseId: e.data.releaseId,
          kind: e.type === 'ReleaseRequested' ? 'decision' : 'emergency',
          decisionId: e.type === 'ReleaseRequested' ? e.data.decisionId : null,
          item: e.type === 'EmergencyReleaseRequested' ? e.data.item : null,
          contractor: e.data.contractor.name.trim(),
          budget: fenOf(e.data.budget),
          price: fenOf(e.data.contractPrice),
          requestedAt: e.data.requestedAt,
          settled: null,
          reapproval: null,
          dueBy: null,
          reviewedAt: null,
        });
        break;
      case 'ReleaseSettled': {
        const r = releases.get(e.data.releaseId)!;
        r.settled = fenOf(e.data.amount);
        r.reapproval = e.data.reapprovalDecisionId;
        r.dueBy = e.data.postHocReviewDueBy;
        break;
      }
      case 'PostHocReviewRecorded':
        releases.get(e.data.releaseId)!.reviewedAt = e.data.reviewedAt;
        break;
      default:
        break;
    }
  }
  const rules = fundRulePacks[jurisdiction];
  const flags: Flag[] = [];
  // Split releases: the approval threshold is the amount below which the settlement audit may be skipped
  // (杭条例 Art. 72 (2): ¥30,000), the same figure elsewhere as the reference.
  const threshold = rules.auditWaiverMaxFen ?? 3_000_000n;
  const byContractor = new Map<string, R[]>();
  for (const r of releases.values()) byContractor.set(r.contractor, [...(byContractor.get(r.contractor) ?? []), r]);
  for (const [contractor, list] of byContractor) {
    const small = list.filter((r) => (r.settled ?? r.price) <= threshold).sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
    for (let i = 0; i < small.length; i++) {
      const window = small.filter((r) => Date.parse(r.requestedAt) >= Date.parse(small[i]!.requestedAt) && Date.parse(r.requestedAt) - Date.parse(small[i]!.requestedAt) <= SPLIT_WINDOW_DAYS * DAY);
      const sum = window.reduce((s, r) => s + (r.settled ?? r.price), 0n);
      if (window.length >= 2 && sum > threshold) {
        flags.push({ kind: 'split_releases', rule: `${window.length} releases to ${contractor} within ${SPLIT_WINDOW_DAYS} days, each ≤ ¥${formatYuan(threshold)}, together ¥${formatYuan(sum)} (${rules.sources.auditWaiver})`, records: window.map((r) => ({ type: 'release', id: r.releaseId })), detail: 'one job split to stay under the approval threshold?' });
        break;
      }
    }
  }
  for (const r of releases.values()) {
    if (r.settled !== null && r.settled * 100n >= r.budget * rules.overrunPercent && !r.reapproval) {
      flags.push({ kind: 'overrun_without_reapproval', rule: rules.sources.overrun, records: [{ type: 'release', id: r.releaseId }, ...(r.decisionId ? [{ type: 'decision' as const, id: r.decisionId }] : [])], detail: `settled ¥${formatYuan(r.settled)} on a budget of ¥${formatYuan(r.budget)}` });
    }
    if (r.kind === 'emergency' && r.dueBy) {
      const late = r.reviewedAt ? Date.parse(r.reviewedAt) > Date.parse(r.dueBy) : now.getTime() > Date.parse(r.dueBy);
      if (late) flags.push({ kind: 'emergency_review_overdue', rule: rules.sources.postHocReview, records: [{ type: 'release', id: r.releaseId }], detail: r.reviewedAt ? `reviewed ${r.reviewedAt}, due ${r.dueBy}` : `no post-hoc review; due ${r.dueBy}` });
    }
    for (const id of [r.decisionId, r.reapproval]) {
      const d = id ? decisions(id) : null;
      if (d?.revokedAt) flags.push({ kind: 'relies_on_revoked_decision', rule: '物业管理条例 Art. 19; Civil Code Art. 280: a revoked decision authorises nothing', records: [{ type: 'release', id: r.releaseId }, { type: 'decision', id: d.decisionId }], detail: `revoked ${d.revokedAt}` });
    }
  }
  const accounts = [...book.accounts].map(([key, a]) => {
    const [ledger, ...rest] = key.split('/');
    return { ledger: ledger!, account: rest.join('/'), balance: formatYuan(a.balance), held: formatYuan(a.held), transfers: byAccount.get(key) ?? [] };
  });
  const traced = [...transfers.values()].map((t) => ({ ...t, authority: t.authority.kind === 'decision' ? { ...t.authority, decision: decisions(t.authority.decisionId) } : t.authority }));
  return { accounts, transfers: traced, releases: [...releases.values()].map((r) => ({ ...r, budget: formatYuan(r.budget), price: formatYuan(r.price), settled: r.settled === null ? null : formatYuan(r.settled) })), flags };
}
