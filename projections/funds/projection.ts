/**
 * The funds projection: balances per account, every transfer (with its reversal and void), each account's
 * transfers in order, releases with their phases, disclosures, and per-quarter public-income figures, so that
 * reads (the ledgers, a sub-account, the supervisory trace) never fold the stream. Pure; O(transfers of the
 * event) per event: each transfer writes itself, one entry per account it touches and those accounts.
 */
import { fenOf, fenOfBalance, fundsEventTypes, periodOf, transfersOf, type FundsEvent, type Ledger, type Transfer } from '../../domain/funds/index.js';
import { isOwnAccount } from '../../domain/funds/statement.js';
import { formatYuan } from '../../domain/shared/money.js';
import type { RecordedEvent } from '../../domain/shared/log.js';
import type { DocChange, DocReader, Projection } from '../projection.js';
import {
  accountDocId,
  FUNDS_ACCOUNTS,
  FUNDS_DISCLOSURES,
  FUNDS_ENTRIES,
  FUNDS_META,
  FUNDS_RELEASES,
  FUNDS_TRANSFERS,
  seqKey,
  type AccountDoc,
  type FundsMetaDoc,
  type QuarterDoc,
  type ReleaseDoc,
  type ReleaseStatus,
  type TransferDoc,
} from './docs.js';

export const compoundOfFundsStream = (streamId: string): string => streamId.replace(/^funds-/, '');

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The phase a release is in, from its facts. */
function statusOf(r: Omit<ReleaseDoc, 'status'>): ReleaseStatus {
  if (r.voidedAt) return 'void';
  if (r.settled) return 'settled';
  if (r.audit) return 'audited';
  if (r.acceptedAt) return 'accepted';
  if (r.advance) return 'advance_held';
  if (r.kind === 'emergency' && (r.review !== 'approved' || (r.needsConfirmation && !r.confirmed))) return r.review === 'rejected' ? 'rejected' : 'awaiting_certification';
  return 'authorised';
}

class Batch {
  readonly changes: DocChange[] = [];
  private readonly accounts = new Map<string, Mutable<AccountDoc>>();
  private readonly transfers = new Map<string, Mutable<TransferDoc>>();
  constructor(
    readonly docs: DocReader,
    readonly compoundId: string,
    readonly meta: Mutable<FundsMetaDoc>,
  ) {}

  account(ledger: Ledger, account: string): Mutable<AccountDoc> {
    const id = accountDocId(this.compoundId, ledger, account);
    let a = this.accounts.get(id);
    if (!a) {
      a = { ...(this.docs.get<AccountDoc>(FUNDS_ACCOUNTS, id) ?? { compoundId: this.compoundId, ledger, account, balance: '0.00', held: '0.00', transfers: 0, firstDeposit: null }) };
      this.accounts.set(id, a);
    }
    return a;
  }

  transfer(id: string): Mutable<TransferDoc> | undefined {
    let t = this.transfers.get(id);
    if (!t) {
      const stored = this.docs.get<TransferDoc>(FUNDS_TRANSFERS, id);
      if (!stored) return undefined;
      t = { ...stored };
      this.transfers.set(id, t);
    }
    return t;
  }

  post(t: Transfer): void {
    const seq = ++this.meta.seq;
    const fen = fenOf(t.amount);
    this.transfers.set(t.transferId, { seq, compoundId: this.compoundId, transfer: t, reversedBy: null, voided: false });
    for (const acct of t.from === t.to ? [t.from] : [t.from, t.to]) {
      const a = this.account(t.ledger, acct);
      a.transfers += 1;
      const id = accountDocId(this.compoundId, t.ledger, acct);
      this.changes.push({ op: 'put', collection: FUNDS_ENTRIES, id: `${id}#${seqKey(seq)}`, parent: id, sortKey: seqKey(seq), doc: { seq, transferId: t.transferId } });
    }
    if (t.phase === 'pending') {
      const from = this.account(t.ledger, t.from);
      from.held = formatYuan(fenOfBalance(from.held) + fen);
      return;
    }
    const from = this.account(t.ledger, t.from);
    const to = this.account(t.ledger, t.to);
    from.balance = formatYuan(fenOfBalance(from.balance) - fen);
    to.balance = formatYuan(fenOfBalance(to.balance) + fen);
    if (t.ledger === 'maintenance') {
      const own = (isOwnAccount('maintenance', t.to) ? fen : 0n) - (isOwnAccount('maintenance', t.from) ? fen : 0n);
      this.meta.fundTotal = formatYuan(fenOfBalance(this.meta.fundTotal) + own);
    }
  }

  void(id: string): void {
    const t = this.transfer(id);
    if (!t || t.voided) return;
    t.voided = true;
    const from = this.account(t.transfer.ledger, t.transfer.from);
    from.held = formatYuan(fenOfBalance(from.held) - fenOf(t.transfer.amount));
  }

  quarter(at: string): Mutable<QuarterDoc> {
    const q = periodOf(new Date(at), 'quarter');
    const quarters = { ...this.meta.quarters };
    const doc = { ...(quarters[q] ?? { income: '0.00', toFund: '0.00', fundBelowThirtyPercent: false }) };
    quarters[q] = doc;
    this.meta.quarters = quarters;
    return doc;
  }

  finish(): DocChange[] {
    for (const [id, a] of this.accounts) this.changes.push({ op: 'put', collection: FUNDS_ACCOUNTS, id, parent: this.compoundId, sortKey: `${a.ledger}/${a.account}`, doc: a });
    for (const [id, t] of this.transfers) this.changes.push({ op: 'put', collection: FUNDS_TRANSFERS, id, parent: this.compoundId, sortKey: seqKey(t.seq), doc: t });
    this.changes.push({ op: 'put', collection: FUNDS_META, id: this.compoundId, doc: this.meta });
    return this.changes;
  }
}

function applyRelease(b: Batch, e: FundsEvent, actor: string | null, at: string): void {
  if (e.type === 'ReleaseRequested' || e.type === 'EmergencyReleaseRequested') {
    const d = e.data;
    const base: Omit<ReleaseDoc, 'status'> = {
      compoundId: b.compoundId,
      releaseId: d.releaseId,
      kind: e.type === 'ReleaseRequested' ? 'decision' : 'emergency',
      decisionId: e.type === 'ReleaseRequested' ? e.data.decisionId : null,
      item: e.type === 'EmergencyReleaseRequested' ? e.data.item : null,
      budget: d.budget,
      contractPrice: d.contractPrice,
      contractor: d.contractor,
      chargeScope: d.chargeScope,
      units: d.units.length,
      requestedAt: d.requestedAt,
      review: e.type === 'EmergencyReleaseRequested' ? 'pending' : 'approved',
      needsConfirmation: e.type === 'EmergencyReleaseRequested' ? e.data.needsConfirmation : false,
      confirmed: e.type !== 'EmergencyReleaseRequested',
      advance: null,
      advanceTransfers: [],
      acceptedAt: null,
      audit: null,
      settled: null,
      settlementTransfers: [],
      reapprovalDecisionId: null,
      voidedAt: null,
      postHocReviewAt: null,
      actors: { requestedBy: actor, approvals: [] },
    };
    b.changes.push({ op: 'put', collection: FUNDS_RELEASES, id: d.releaseId, parent: b.compoundId, sortKey: `${d.requestedAt}|${d.releaseId}`, doc: { ...base, status: statusOf(base) } });
    return;
  }
  const releaseId = (e.data as { releaseId?: string }).releaseId;
  if (!releaseId) return;
  const stored = b.docs.get<ReleaseDoc>(FUNDS_RELEASES, releaseId);
  if (!stored) return;
  const r: Mutable<ReleaseDoc> = { ...stored };
  const approve = (step: string) => {
    if (actor) r.actors = { ...r.actors, approvals: [...r.actors.approvals, { step, personId: actor }] };
  };
  switch (e.type) {
    case 'EmergencyReviewed':
      r.review = e.data.outcome;
      approve('review');
      break;
    case 'EmergencyConfirmed':
      r.confirmed = true;
      approve('confirmation');
      break;
    case 'AdvanceHeld':
      r.advance = e.data.amount;
      r.advanceTransfers = e.data.transfers.map((t) => t.transferId);
      approve('advance');
      break;
    case 'WorksAccepted':
      r.acceptedAt = e.data.acceptedAt;
      approve('acceptance');
      break;
    case 'SettlementAudited':
      r.audit = { kind: 'audited', amount: e.data.auditedAmount };
      break;
    case 'SettlementAuditWaived':
      r.audit = { kind: 'waived', amount: e.data.amount };
      approve('audit_waiver');
      break;
    case 'ReleaseSettled':
      r.settled = { amount: e.data.amount, at: e.data.settledAt, postHocReviewDueBy: e.data.postHocReviewDueBy };
      r.settlementTransfers = e.data.transfers.map((t) => t.transferId);
      r.reapprovalDecisionId = e.data.reapprovalDecisionId;
      approve('settlement');
      break;
    case 'ReleaseVoided':
      r.voidedAt = e.data.voidedAt;
      break;
    case 'PostHocReviewRecorded':
      r.postHocReviewAt = e.data.reviewedAt;
      break;
    default:
      return;
  }
  void at;
  b.changes.push({ op: 'put', collection: FUNDS_RELEASES, id: releaseId, parent: b.compoundId, sortKey: `${r.requestedAt}|${releaseId}`, doc: { ...r, status: statusOf(r) } });
}

export const fundsProjection: Projection = {
  name: 'funds',
  version: 1,
  handles: fundsEventTypes,
  scopeOf: (event) => compoundOfFundsStream(event.streamId),
  apply(event: RecordedEvent, docs: DocReader): readonly DocChange[] {
    const compoundId = compoundOfFundsStream(event.streamId);
    const e = { type: event.type, data: event.data } as FundsEvent;
    const at = event.metadata.recordedAt;
    const actor = event.metadata.actor?.personId ?? null;
    if (e.type === 'FundOpened') {
      const meta: FundsMetaDoc = { compoundId, jurisdiction: e.data.jurisdiction, ratePerSquareMetre: e.data.ratePerSquareMetre, openedAt: e.data.openedAt, seq: 0, topUpDue: [], firstDepositsTotal: '0.00', fundTotal: '0.00', quarters: {}, disclosures: {}, lastEventAt: at };
      return [{ op: 'put', collection: FUNDS_META, id: compoundId, doc: meta }];
    }
    const stored = docs.get<FundsMetaDoc>(FUNDS_META, compoundId);
    if (!stored) return [];
    const b = new Batch(docs, compoundId, { ...stored, lastEventAt: at });
    // Voids first: a settlement releases its holds before posting (as the decider's state does).
    if (e.type === 'ReleaseSettled' || e.type === 'ReleaseVoided') for (const id of e.data.voided) b.void(id);
    for (const t of transfersOf(e)) b.post(t);
    switch (e.type) {
      case 'DepositRecorded':
        if (e.data.basis === 'first_deposit') {
          b.account('maintenance', `unit:${e.data.unitId}`).firstDeposit = e.data.transfer.amount;
          b.meta.firstDepositsTotal = formatYuan(fenOfBalance(b.meta.firstDepositsTotal) + fenOf(e.data.transfer.amount));
        }
        break;
      case 'TopUpRequired':
        b.meta.topUpDue = [...new Set([...b.meta.topUpDue, e.data.unitId])].sort();
        break;
      case 'TopUpMet':
        b.meta.topUpDue = b.meta.topUpDue.filter((u) => u !== e.data.unitId);
        break;
      case 'IncomeRecorded': {
        const q = b.quarter(e.data.transfer.at);
        q.income = formatYuan(fenOfBalance(q.income) + fenOf(e.data.transfer.amount));
        break;
      }
      case 'IncomePaidIntoFund': {
        const leg = e.data.transfers.find((t) => t.ledger === 'public_income')!;
        const q = b.quarter(leg.at);
        q.toFund = formatYuan(fenOfBalance(q.toFund) + fenOf(leg.amount));
        break;
      }
      case 'TransferReversed': {
        const original = b.transfer(e.data.reverses);
        if (original) {
          original.reversedBy = e.data.transfer.transferId;
          const a = original.transfer.authority;
          if (a.kind === 'deposit' && a.basis === 'first_deposit') {
            b.account('maintenance', `unit:${a.unitId}`).firstDeposit = null;
            b.meta.firstDepositsTotal = formatYuan(fenOfBalance(b.meta.firstDepositsTotal) - fenOf(original.transfer.amount));
          }
          // A reversed income entry is income of its own quarter no more.
          if (a.kind === 'income_contract') {
            const q = b.quarter(original.transfer.at);
            q.income = formatYuan(fenOfBalance(q.income) - fenOf(original.transfer.amount));
          }
        }
        break;
      }
      case 'DisclosurePublished': {
        const d = e.data;
        b.meta.disclosures = { ...b.meta.disclosures, [`${d.statement.ledger}/${d.statement.period}`]: { disclosureId: d.disclosureId, publishedAt: d.publishedAt, dueBy: d.dueBy, late: d.late } };
        b.changes.push({ op: 'put', collection: FUNDS_DISCLOSURES, id: d.disclosureId, parent: compoundId, sortKey: `${d.statement.ledger}/${d.statement.period}`, doc: { compoundId, ...d } });
        break;
      }
      default:
        applyRelease(b, e, actor, at);
    }
    // 京条例 Art. 74: whether the fund stands below 30% of the first deposits, as of this quarter's last event.
    if (transfersOf(e).some((t) => t.ledger === 'maintenance' && t.phase === 'posted') || e.type === 'IncomeRecorded' || e.type === 'IncomePaidIntoFund') {
      const q = b.quarter(at);
      q.fundBelowThirtyPercent = fenOfBalance(b.meta.fundTotal) * 100n < fenOfBalance(b.meta.firstDepositsTotal) * 30n;
    }
    return b.finish();
  },
};
