/**
 * A compound's funds: both ledgers, their balances and transfers, the releases and their phases. One stream
 * per compound (`funds-<compoundId>`) so that no two releases can spend the same yuan: the balances are the
 * consistency boundary.
 *
 * `evolve` updates the state it is given in place (balances of thousands of accounts, and every transfer, are
 * too many to copy per event). That is safe because a state is always folded afresh for one command and never
 * shared: the funds service does not cache it (services/funds/service.ts).
 */
import type { MotionScope, Organisation } from '../assembly/index.js';
import { assertNever } from '../shared/decider.js';
import { parseArea } from '../shared/area.js';
import type { Jurisdiction } from '../registry/index.js';
import type { AreaShare } from './allocation.js';
import { Book, fenOf } from './book.js';
import type { FundsEvent } from './events.js';
import type { Transfer } from './ledger.js';
import type { EmergencyItem } from './rules.js';

export interface TransferEntry {
  readonly transfer: Transfer;
  reversed: boolean;
  voided: boolean;
}

export interface ReleaseState {
  readonly kind: 'decision' | 'emergency';
  readonly releaseId: string;
  readonly decisionId: string | null;
  readonly item: EmergencyItem | null;
  /** Fen: the decision's budget, or the emergency's estimate. */
  readonly budget: bigint;
  readonly contractPrice: bigint;
  readonly contractor: Organisation;
  readonly chargeScope: MotionScope;
  readonly units: readonly AreaShare[];
  readonly needsConfirmation: boolean;
  review: 'pending' | 'approved' | 'rejected';
  confirmed: boolean;
  reviewRef: string | null;
  confirmationRef: string | null;
  advance: { amount: bigint; transferIds: string[] } | null;
  acceptedAt: string | null;
  audit: { kind: 'audited' | 'waived'; amount: bigint } | null;
  settled: { amount: bigint; at: string; postHocReviewDueBy: string | null } | null;
  voided: boolean;
  postHocReviewAt: string | null;
}

export type FundState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open';
      readonly compoundId: string;
      readonly jurisdiction: Jurisdiction;
      /** Fen per m² of exclusive area. */
      readonly rate: bigint;
      readonly book: Book;
      readonly transfers: Map<string, TransferEntry>;
      readonly firstDeposits: Map<string, bigint>;
      /** Units told to top up and not yet back at their target. */
      readonly topUpDue: Set<string>;
      readonly releases: Map<string, ReleaseState>;
      /** Disclosures posted: `<ledger>/<period>`. */
      readonly disclosures: Set<string>;
    };

export type OpenFundState = Extract<FundState, { status: 'open' }>;

export const initialState = (): FundState => ({ status: 'none' });

function post(state: OpenFundState, transfers: readonly Transfer[]): void {
  for (const t of transfers) {
    state.transfers.set(t.transferId, { transfer: t, reversed: false, voided: false });
    state.book.apply(t);
  }
}

function voidAll(state: OpenFundState, ids: readonly string[]): void {
  for (const id of ids) {
    const entry = state.transfers.get(id);
    if (!entry || entry.voided) continue;
    entry.voided = true;
    state.book.void(entry.transfer);
  }
}

const areaShares = (units: readonly { unitId: string; area: string }[]): AreaShare[] => units.map((u) => ({ unitId: u.unitId, area: parseArea(u.area) ?? 0n }));

export function evolve(state: FundState, event: FundsEvent): FundState {
  if (event.type === 'FundOpened') {
    const d = event.data;
    return {
      status: 'open',
      compoundId: d.compoundId,
      jurisdiction: d.jurisdiction,
      rate: fenOf(d.ratePerSquareMetre),
      book: new Book(),
      transfers: new Map(),
      firstDeposits: new Map(),
      topUpDue: new Set(),
      releases: new Map(),
      disclosures: new Set(),
    };
  }
  if (state.status !== 'open') return state;
  const release = (id: string) => state.releases.get(id)!;
  switch (event.type) {
    case 'DepositRecorded':
      if (event.data.basis === 'first_deposit') state.firstDeposits.set(event.data.unitId, fenOf(event.data.transfer.amount));
      post(state, [event.data.transfer]);
      return state;
    case 'TopUpRequired':
      state.topUpDue.add(event.data.unitId);
      return state;
    case 'TopUpMet':
      state.topUpDue.delete(event.data.unitId);
      return state;
    case 'IncomeRecorded':
      post(state, [event.data.transfer]);
      return state;
    case 'IncomePaidIntoFund':
      post(state, event.data.transfers);
      return state;
    case 'TransferReversed': {
      const original = state.transfers.get(event.data.reverses);
      if (original) {
        original.reversed = true;
        // A first deposit reversed is no first deposit: the corrected one is recorded anew.
        const a = original.transfer.authority;
        if (a.kind === 'deposit' && a.basis === 'first_deposit') state.firstDeposits.delete(a.unitId);
      }
      post(state, [event.data.transfer]);
      return state;
    }
    case 'ReleaseRequested':
    case 'EmergencyReleaseRequested': {
      const d = event.data;
      const emergency = event.type === 'EmergencyReleaseRequested';
      state.releases.set(d.releaseId, {
        kind: emergency ? 'emergency' : 'decision',
        releaseId: d.releaseId,
        decisionId: emergency ? null : (d as { decisionId: string }).decisionId,
        item: emergency ? event.data.item : null,
        budget: fenOf(d.budget),
        contractPrice: fenOf(d.contractPrice),
        contractor: d.contractor,
        chargeScope: d.chargeScope,
        units: areaShares(d.units),
        needsConfirmation: emergency ? event.data.needsConfirmation : false,
        review: emergency ? 'pending' : 'approved',
        confirmed: !emergency,
        reviewRef: null,
        confirmationRef: null,
        advance: null,
        acceptedAt: null,
        audit: null,
        settled: null,
        voided: false,
        postHocReviewAt: null,
      });
      return state;
    }
    case 'EmergencyReviewed':
      release(event.data.releaseId).review = event.data.outcome;
      release(event.data.releaseId).reviewRef = event.data.reviewRef;
      return state;
    case 'EmergencyConfirmed':
      release(event.data.releaseId).confirmed = true;
      release(event.data.releaseId).confirmationRef = event.data.confirmationRef;
      return state;
    case 'AdvanceHeld':
      post(state, event.data.transfers);
      release(event.data.releaseId).advance = { amount: fenOf(event.data.amount), transferIds: event.data.transfers.map((t) => t.transferId) };
      return state;
    case 'WorksAccepted':
      release(event.data.releaseId).acceptedAt = event.data.acceptedAt;
      return state;
    case 'SettlementAudited':
      release(event.data.releaseId).audit = { kind: 'audited', amount: fenOf(event.data.auditedAmount) };
      return state;
    case 'SettlementAuditWaived':
      release(event.data.releaseId).audit = { kind: 'waived', amount: fenOf(event.data.amount) };
      return state;
    case 'ReleaseSettled':
      voidAll(state, event.data.voided);
      post(state, event.data.transfers);
      release(event.data.releaseId).settled = { amount: fenOf(event.data.amount), at: event.data.settledAt, postHocReviewDueBy: event.data.postHocReviewDueBy };
      return state;
    case 'ReleaseVoided':
      voidAll(state, event.data.voided);
      release(event.data.releaseId).voided = true;
      return state;
    case 'PostHocReviewRecorded':
      release(event.data.releaseId).postHocReviewAt = event.data.reviewedAt;
      return state;
    case 'DisclosurePublished':
      state.disclosures.add(`${event.data.statement.ledger}/${event.data.statement.period}`);
      return state;
    default:
      return assertNever(event);
  }
}
