/**
 * The funds as views, rendered from the funds' read model: ledger balances per account (to the compound's
 * officers and its supervisory board), one owner's sub-account (to that owner only), a release's phases,
 * the disclosures. Unit numbers and amounts only, never a person.
 */
import { fenOfBalance, type Transfer } from '../../domain/funds/index.js';
import { formatYuan } from '../../domain/shared/money.js';
import type { AccountDoc, DisclosureDoc, FundsMetaDoc, ReleaseDoc, TransferDoc } from './docs.js';

export interface AccountView {
  readonly ledger: string;
  readonly account: string;
  readonly balance: string;
  readonly held: string;
  readonly available: string;
  readonly transfers: number;
}

export const accountView = (a: AccountDoc): AccountView => ({ ledger: a.ledger, account: a.account, balance: a.balance, held: a.held, available: formatYuan(fenOfBalance(a.balance) - fenOfBalance(a.held)), transfers: a.transfers });

export function ledgerView(meta: FundsMetaDoc, accounts: readonly AccountDoc[], releases: readonly ReleaseDoc[]) {
  const totals: Record<string, bigint> = {};
  for (const a of accounts) totals[a.ledger] = (totals[a.ledger] ?? 0n) + fenOfBalance(a.balance);
  return {
    compoundId: meta.compoundId,
    jurisdiction: meta.jurisdiction,
    ratePerSquareMetre: meta.ratePerSquareMetre,
    // Double entry: each ledger's posted balances sum to zero (the `sources` account carries what came in).
    ledgersBalance: Object.fromEntries(Object.entries(totals).map(([l, t]) => [l, formatYuan(t)])),
    transfers: meta.seq,
    accounts: accounts.map(accountView),
    topUpDue: meta.topUpDue,
    releases: releases.map(releaseView),
  };
}

/** A transfer as shown: the transfer, whether it was reversed (by which) or its hold voided. */
export const transferView = (t: TransferDoc): Transfer & { seq: number; reversedBy: string | null; voided: boolean } => ({ ...t.transfer, seq: t.seq, reversedBy: t.reversedBy, voided: t.voided });

export function subAccountView(unitId: string, account: AccountDoc | undefined, topUpDue: boolean, transfers: readonly TransferDoc[]) {
  const a = account ?? { balance: '0.00', held: '0.00', firstDeposit: null };
  return {
    unitId,
    firstDeposit: a.firstDeposit,
    balance: a.balance,
    held: a.held,
    available: formatYuan(fenOfBalance(a.balance) - fenOfBalance(a.held)),
    topUpDue,
    transfers: transfers.map(transferView),
  };
}

export function releaseView(r: ReleaseDoc) {
  return {
    releaseId: r.releaseId,
    kind: r.kind,
    status: r.status,
    decisionId: r.decisionId,
    item: r.item,
    budget: r.budget,
    contractPrice: r.contractPrice,
    contractor: r.contractor,
    chargeScope: r.chargeScope,
    units: r.units,
    requestedAt: r.requestedAt,
    advance: r.advance,
    acceptedAt: r.acceptedAt,
    audit: r.audit,
    settled: r.settled,
    reapprovalDecisionId: r.reapprovalDecisionId,
    voidedAt: r.voidedAt,
    postHocReviewAt: r.postHocReviewAt,
  };
}

export const disclosureView = (d: DisclosureDoc) => ({ disclosureId: d.disclosureId, ...d.statement, dueBy: d.dueBy, publishedAt: d.publishedAt, late: d.late });
