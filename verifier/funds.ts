/**
 * The funds recomputed from the events alone: every transfer posted into both ledgers with the domain's own
 * arithmetic (domain/funds Book: fen, double entry), each ledger summing to zero, no account but `sources`
 * ever below zero counting its holds, every balance an event states (top-ups) against the recomputed one,
 * every release's amounts against its transfers; and every payment traced to what authorises it: a release
 * on an owners' decision to a final, unrevoked `use_maintenance_fund` decision in the export with that budget
 * (维修资金办法 Arts. 22–23), a settlement 10% or more over budget to a second decision (杭条例 Art. 72 (2) as the
 * default), an emergency release to its OC review and, where the city requires it, the street office's
 * confirmation (维修资金办法 Art. 24; 杭条例 Art. 73).
 */
import { Book, fenOf, fundRulePacks, ledgers, mayGoNegative, transfersOf, unitAccount, voidedBy, type FundsEvent, type Transfer } from '../domain/funds/index.js';
import { formatYuan } from '../domain/shared/money.js';
import type { DecisionSeen } from './assembly.js';
import type { ExportedEvent } from './format.js';
import { recordOf, type Report } from './problems.js';

interface Release {
  readonly kind: 'decision' | 'emergency';
  readonly decisionId: string | null;
  readonly budget: bigint;
  readonly needsConfirmation: boolean;
  reviewed: 'pending' | 'approved' | 'rejected';
  confirmed: boolean;
}

export class FundsCheck {
  readonly book = new Book();
  readonly transfers = new Map<string, Transfer>();
  private readonly releases = new Map<string, Release>();
  private jurisdiction: keyof typeof fundRulePacks = 'national';
  ledgerEvents = 0;

  constructor(
    private readonly report: Report,
    private readonly decisions: ReadonlyMap<string, DecisionSeen>,
  ) {}

  apply(e: ExportedEvent): void {
    if (!e.streamId.startsWith('funds-')) return;
    this.ledgerEvents += 1;
    const event = { type: e.type, data: e.data } as FundsEvent;
    const where = recordOf(e);
    this.links(e, event, where);
    const moved = transfersOf(event);
    for (const t of moved) {
      if (this.transfers.has(t.transferId)) this.report('ledger', where, `transfer ${t.transferId} is posted twice`);
      if (fenOf(t.amount) <= 0n) this.report('ledger', where, `transfer ${t.transferId} moves ${t.amount}: amounts are positive`);
      this.transfers.set(t.transferId, t);
      this.book.apply(t);
    }
    for (const id of voidedBy(event)) {
      const t = this.transfers.get(id);
      if (!t || t.phase !== 'pending') this.report('ledger', where, `voids ${id}, which is not a hold in the export`);
      else this.book.void(t);
    }
    this.amounts(event, moved, where);
    // Only `sources` may stand below zero, counting the holds (the accounts this event touched).
    const touched = new Set<string>();
    for (const t of moved) for (const account of [t.from, t.to]) touched.add(`${t.ledger}/${account}`);
    for (const id of voidedBy(event)) {
      const t = this.transfers.get(id);
      if (t) touched.add(`${t.ledger}/${t.from}`);
    }
    for (const key of touched) {
      const a = this.book.accounts.get(key);
      const account = key.slice(key.indexOf('/') + 1);
      if (a && !mayGoNegative(account) && a.balance - a.held < 0n) this.report('ledger', where, `account ${key} stands at ${formatYuan(a.balance)} with ${formatYuan(a.held)} held: below zero`);
    }
  }

  /** Double entry: each ledger's posted balances sum to zero (the `sources` account carries what came in). */
  finish(): void {
    const totals = new Map<string, bigint>();
    for (const [key, a] of this.book.accounts) {
      const ledger = key.slice(0, key.indexOf('/'));
      totals.set(ledger, (totals.get(ledger) ?? 0n) + a.balance);
    }
    for (const ledger of ledgers) {
      const t = totals.get(ledger) ?? 0n;
      if (t !== 0n) this.report('ledger', `the ${ledger} ledger`, `sums to ${formatYuan(t)}, not 0.00`);
    }
  }

  /** The figures an event states against those it carries or the book holds. */
  private amounts(event: FundsEvent, moved: readonly Transfer[], where: string): void {
    const sum = (ts: readonly Transfer[]) => ts.reduce((s, t) => s + fenOf(t.amount), 0n);
    switch (event.type) {
      case 'FundOpened':
        this.jurisdiction = event.data.jurisdiction;
        break;
      case 'AdvanceHeld':
        if (sum(moved) !== fenOf(event.data.amount)) this.report('ledger', where, `the advance is ${event.data.amount} but its holds sum to ${formatYuan(sum(moved))}`);
        break;
      case 'ReleaseSettled':
        if (sum(moved) !== fenOf(event.data.amount)) this.report('ledger', where, `the settlement is ${event.data.amount} but its transfers sum to ${formatYuan(sum(moved))}`);
        break;
      case 'TopUpRequired':
      case 'TopUpMet': {
        const a = this.book.accounts.get(`maintenance/${unitAccount(event.data.unitId)}`);
        const balance = a ? a.balance : 0n;
        if (fenOf(event.data.balance) !== balance) this.report('ledger', where, `states the balance of unit ${event.data.unitId} as ${event.data.balance}; recomputed: ${formatYuan(balance)}`);
        break;
      }
      case 'TransferReversed': {
        const original = this.transfers.get(event.data.reverses);
        const t = event.data.transfer;
        if (!original) this.report('ledger', where, `reverses ${event.data.reverses}, which is not in the export`);
        else if (original.amount !== t.amount || original.from !== t.to || original.to !== t.from || original.ledger !== t.ledger) this.report('ledger', where, `the reversal of ${event.data.reverses} does not move the same amount back between the same accounts`);
        break;
      }
      default:
        break;
    }
  }

  /** Payment → decision: what authorises each release and each transfer out of the fund. */
  private links(e: ExportedEvent, event: FundsEvent, where: string): void {
    const decisionAt = (decisionId: string, what: string): DecisionSeen | null => {
      const d = this.decisions.get(decisionId);
      if (!d) {
        this.report('link', where, `${what} relies on decision ${decisionId}, which no final result in the export recorded`);
        return null;
      }
      if (d.revokedSeq !== null && d.revokedSeq < e.seq) this.report('link', where, `${what} relies on decision ${decisionId}, revoked at event ${d.revokedSeq}`);
      if (d.record.matter !== 'use_maintenance_fund') this.report('link', where, `${what} relies on decision ${decisionId} on ${d.record.matter}, not on using the maintenance fund`);
      return d;
    };
    switch (event.type) {
      case 'ReleaseRequested': {
        const d = decisionAt(event.data.decisionId, `release ${event.data.releaseId}`);
        const proposal = d?.record.proposal;
        if (d && (proposal?.kind !== 'use_maintenance_fund' || proposal.budget !== event.data.budget)) {
          this.report('link', where, `release ${event.data.releaseId} states a budget of ${event.data.budget}; decision ${event.data.decisionId} decided ${proposal?.kind === 'use_maintenance_fund' ? proposal.budget : 'none'}`);
        }
        this.releases.set(event.data.releaseId, { kind: 'decision', decisionId: event.data.decisionId, budget: fenOf(event.data.budget), needsConfirmation: false, reviewed: 'approved', confirmed: true });
        return;
      }
      case 'EmergencyReleaseRequested':
        this.releases.set(event.data.releaseId, { kind: 'emergency', decisionId: null, budget: fenOf(event.data.budget), needsConfirmation: event.data.needsConfirmation, reviewed: 'pending', confirmed: false });
        return;
      case 'EmergencyReviewed': {
        const r = this.releases.get(event.data.releaseId);
        if (r) r.reviewed = event.data.outcome;
        return;
      }
      case 'EmergencyConfirmed': {
        const r = this.releases.get(event.data.releaseId);
        if (r) r.confirmed = true;
        return;
      }
      case 'AdvanceHeld':
      case 'ReleaseSettled': {
        const r = this.releases.get(event.data.releaseId);
        if (!r) return this.report('link', where, `pays on release ${event.data.releaseId}, which no request in the export opened`);
        if (r.kind === 'emergency' && (r.reviewed !== 'approved' || (r.needsConfirmation && !r.confirmed))) {
          this.report('link', where, `pays on emergency release ${event.data.releaseId} before the OC approved it${r.needsConfirmation ? ' and the street office confirmed it' : ''}`);
        }
        if (r.decisionId) decisionAt(r.decisionId, `release ${event.data.releaseId}`);
        for (const t of event.data.transfers) {
          const a = t.authority;
          const ok = r.kind === 'decision' ? a.kind === 'decision' && a.decisionId === r.decisionId && a.releaseId === event.data.releaseId : a.kind === 'emergency' && a.releaseId === event.data.releaseId;
          if (!ok) this.report('link', where, `transfer ${t.transferId} names authority ${JSON.stringify(a)}, not release ${event.data.releaseId}${r.decisionId ? ` on decision ${r.decisionId}` : ''}`);
        }
        if (event.type === 'ReleaseSettled') {
          const rules = fundRulePacks[this.jurisdiction];
          const amount = fenOf(event.data.amount);
          const again = event.data.reapprovalDecisionId;
          if (amount * 100n >= r.budget * rules.overrunPercent && !again) {
            this.report('link', where, `settles ${event.data.amount} on a budget of ${formatYuan(r.budget)} without a new decision (${rules.sources.overrun})`);
          }
          if (again) decisionAt(again, `the overrun of release ${event.data.releaseId}`);
        }
        return;
      }
      default:
        return;
    }
  }
}
