/**
 * The funds as views: ledger balances per account (public to the compound's officers and its supervisory
 * board), one owner's sub-account (to that owner only), a release's phases. Unit numbers and amounts only,
 * never a person.
 */
import { accountKey, type FundState, type ReleaseState, type Transfer } from '../../domain/funds/index.js';
import { formatYuan } from '../../domain/shared/money.js';

export interface AccountView {
  readonly ledger: string;
  readonly account: string;
  readonly balance: string;
  readonly held: string;
  readonly available: string;
}

export function ledgerView(state: FundState) {
  if (state.status !== 'open') return null;
  const accounts: AccountView[] = [];
  const totals: Record<string, bigint> = {};
  for (const [key, a] of state.book.accounts) {
    const [ledger, ...rest] = key.split('/');
    accounts.push({ ledger: ledger!, account: rest.join('/'), balance: formatYuan(a.balance), held: formatYuan(a.held), available: formatYuan(a.balance - a.held) });
    totals[ledger!] = (totals[ledger!] ?? 0n) + a.balance;
  }
  accounts.sort((x, y) => (x.ledger + x.account < y.ledger + y.account ? -1 : 1));
  return {
    compoundId: state.compoundId,
    jurisdiction: state.jurisdiction,
    ratePerSquareMetre: formatYuan(state.rate),
    // Double entry: each ledger's posted balances sum to zero (the `sources` account carries what came in).
    ledgersBalance: Object.fromEntries(Object.entries(totals).map(([l, t]) => [l, formatYuan(t)])),
    accounts,
    topUpDue: [...state.topUpDue].sort(),
    releases: [...state.releases.values()].map(releaseView),
  };
}

export function subAccountView(state: FundState, unitId: string) {
  if (state.status !== 'open') return null;
  const a = state.book.accounts.get(accountKey('maintenance', `unit:${unitId}`)) ?? { balance: 0n, held: 0n };
  const transfers: Transfer[] = [];
  for (const { transfer } of state.transfers.values()) {
    if (transfer.ledger === 'maintenance' && (transfer.from === `unit:${unitId}` || transfer.to === `unit:${unitId}`)) transfers.push(transfer);
  }
  const first = state.firstDeposits.get(unitId);
  return {
    unitId,
    firstDeposit: first === undefined ? null : formatYuan(first),
    balance: formatYuan(a.balance),
    held: formatYuan(a.held),
    available: formatYuan(a.balance - a.held),
    topUpDue: state.topUpDue.has(unitId),
    transfers,
  };
}

export function releaseView(r: ReleaseState) {
  const status = r.voided ? 'void' : r.settled ? 'settled' : r.audit ? 'audited' : r.acceptedAt ? 'accepted' : r.advance ? 'advance_held' : r.kind === 'emergency' && (r.review !== 'approved' || (r.needsConfirmation && !r.confirmed)) ? (r.review === 'rejected' ? 'rejected' : 'awaiting_certification') : 'authorised';
  return {
    releaseId: r.releaseId,
    kind: r.kind,
    status,
    decisionId: r.decisionId,
    item: r.item,
    budget: formatYuan(r.budget),
    contractPrice: formatYuan(r.contractPrice),
    contractor: r.contractor,
    chargeScope: r.chargeScope,
    units: r.units.length,
    advance: r.advance ? formatYuan(r.advance.amount) : null,
    acceptedAt: r.acceptedAt,
    audit: r.audit ? { kind: r.audit.kind, amount: formatYuan(r.audit.amount) } : null,
    settled: r.settled ? { amount: formatYuan(r.settled.amount), at: r.settled.at, postHocReviewDueBy: r.settled.postHocReviewDueBy } : null,
    postHocReviewAt: r.postHocReviewAt,
  };
}
