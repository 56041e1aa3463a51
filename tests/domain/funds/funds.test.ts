/**
 * The funds' decider and allocation: largest remainder with its tie rule; the overrun rule at 109.99%, 110%
 * and 110.01% of the budget (杭条例 Art. 72 (2): 10% or more needs a new decision); and a fast-check property
 * over random deposits, income, releases (advance, settle, void) and reversals: every ledger balances, no
 * account but `sources` goes below zero, a replay gives identical balances.
 */
import fc from 'fast-check';
import t from 'tap';
import type { Proposal } from '../../../domain/assembly/index.js';
import { allocateByArea, fundsDecider, type DecisionFacts, type FundsCommand, type FundsEvent, type FundState } from '../../../domain/funds/index.js';
import { commandIds } from '../../../services/commands/handler.js';
import { accountDocId, FUNDS_ACCOUNTS, FUNDS_META, FUNDS_RELEASES, fundsProjection, type AccountDoc, type FundsMetaDoc, type ReleaseDoc } from '../../../projections/funds/index.js';
import { supervisoryFlags } from '../../../projections/supervision/index.js';
import { projectionSpec } from '../../support/projectionSpec.js';

const by = { personId: 'p-oc', grants: ['oc_member'] };
const units = [
  { unitId: '3-1-101', building: '3', area: '88.1234', developerHeld: false },
  { unitId: '3-1-102', building: '3', area: '100', developerHeld: false },
  { unitId: '3-1-201', building: '3', area: '75.5', developerHeld: true },
];
const scope = { kind: 'buildings', buildings: ['3'] } as const;
const decision = (decisionId: string, budget: string): DecisionFacts => ({
  decisionId,
  compoundId: 'c1',
  matter: 'use_maintenance_fund',
  revoked: false,
  proposal: { kind: 'use_maintenance_fund', plan: 'p', budget, chargeScope: scope, works: [{ item: 'w' }], contractor: { name: '甲' } } as Proposal,
});

/** Runs commands through the decider, folding as the handler does; returns the events and the last refusal. */
function run(commands: FundsCommand[]) {
  let state: FundState = fundsDecider.initialState();
  const events: FundsEvent[] = [];
  let refused: string | null = null;
  commands.forEach((c, i) => {
    const out = fundsDecider.decide(c, state, { now: new Date(Date.UTC(2026, 0, 1 + i)), newId: commandIds(`cmd-${i}`), actor: { personId: by.personId, role: 'oc_member' } });
    if ('code' in out) {
      refused = out.code;
      return;
    }
    refused = null;
    for (const e of out) {
      events.push(e);
      state = fundsDecider.evolve(state, e);
    }
  });
  return { state, events, refused: refused as string | null };
}

const opening: FundsCommand[] = [
  { type: 'OpenFund', data: { compoundId: 'c1', jurisdiction: 'hangzhou', ratePerSquareMetre: '500', evidenceRef: 'r' }, by },
  ...units.map((unit, i): FundsCommand => ({ type: 'RecordDeposit', data: { depositId: `d${i}`, unit, basis: 'first_deposit', evidence: ['slip'] }, by })),
];

t.test('largest remainder: shares sum exactly; ties go to the first unit in natural order', async (t) => {
  const shares = allocateByArea(100n, [{ unitId: '3-1-10', area: 1n }, { unitId: '3-1-2', area: 1n }, { unitId: '3-1-1', area: 1n }]);
  // 100 / 3 = 33 rem 1 each: the one fen left goes to 3-1-1 (natural order: 3-1-1, 3-1-2, 3-1-10).
  t.same(shares, [{ unitId: '3-1-1', fen: 34n }, { unitId: '3-1-2', fen: 33n }, { unitId: '3-1-10', fen: 33n }]);
  fc.assert(
    fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.array(fc.bigInt({ min: 1n, max: 10n ** 8n }), { minLength: 1, maxLength: 30 }), (amount, areas) => {
      const s = allocateByArea(amount, areas.map((area, i) => ({ unitId: `u-${i}`, area })));
      const total = areas.reduce((a, b) => a + b, 0n);
      return s.reduce((a, x) => a + x.fen, 0n) === amount && s.every((x, i) => x.fen >= 0n && x.fen * total <= amount * areas[Number(x.unitId.slice(2))]! + total && i >= 0);
    }),
  );
});

t.test('a settlement 10% or more over the budget needs a new decision (杭条例 Art. 72 (2))', async (t) => {
  const d = decision('dec-1', '10000.00');
  const upTo = (audited: string, newDecision: DecisionFacts | null = null) =>
    run([
      ...opening,
      { type: 'RequestRelease', data: { releaseId: 'r1', decision: d, decisionId: 'dec-1', contractPrice: '10000.00', contractor: { name: '甲' }, chargeScope: scope, units, evidence: [] }, by },
      { type: 'AcceptWorks', data: { releaseId: 'r1', acceptanceRef: 'a' }, by },
      { type: 'RecordSettlementAudit', data: { releaseId: 'r1', auditedAmount: audited, auditRef: 'x' }, by },
      { type: 'SettleRelease', data: { releaseId: 'r1', decision: d, newDecision, evidence: [] }, by },
    ]);
  t.equal(upTo('10999.99').refused, null, '109.9999%: settled');
  t.equal(upTo('11001.00').refused, 'overrun_needs_new_decision', '110.01% without a new decision');
  t.equal(upTo('11000.00').refused, 'overrun_needs_new_decision', 'exactly 110%: 以上 includes the figure (Civil Code Art. 1259)');
  t.equal(upTo('11001.00', decision('dec-2', '1000.00')).refused, 'overrun_needs_new_decision', 'a new decision too small for the excess');
  t.equal(upTo('11001.00', decision('dec-2', '1001.00')).refused, null, 'a new decision covering the excess');
  t.equal(upTo('11001.00', { ...decision('dec-2', '2000.00'), revoked: true }).refused, 'overrun_needs_new_decision', 'a revoked new decision');
});

t.test('the developer pays the first deposit of the units it holds (Art. 21); a sub-account below 30% must be topped up (Art. 17)', async (t) => {
  const { events } = run(opening);
  t.same(events.filter((e) => e.type === 'DepositRecorded').map((e) => (e.data as { payer: string }).payer), ['owner', 'owner', 'developer']);
  const d = decision('dec-1', '100000.00');
  const { events: after } = run([
    ...opening,
    { type: 'RequestRelease', data: { releaseId: 'r1', decision: d, decisionId: 'dec-1', contractPrice: '100000.00', contractor: { name: '甲' }, chargeScope: scope, units, evidence: [] }, by },
    { type: 'AcceptWorks', data: { releaseId: 'r1', acceptanceRef: 'a' }, by },
    { type: 'RecordSettlementAudit', data: { releaseId: 'r1', auditedAmount: '100000.00', auditRef: 'x' }, by },
    { type: 'SettleRelease', data: { releaseId: 'r1', decision: d, newDecision: null, evidence: [] }, by },
  ]);
  // 131,811.70 deposited; 100,000 charged leaves each sub-account at about 24% of its first deposit.
  t.equal(after.filter((e) => e.type === 'TopUpRequired').length, 3);
});

t.test('property: random deposits, income, releases, voids and reversals keep every ledger balanced and no account below zero; a replay agrees; settlements allocate exactly; the read model agrees; every flag is explained by its records', async () => {
  const d = decision('dec-1', '1000000.00');
  const amount = fc.integer({ min: 1, max: 5_000_000 }).map((f) => `${Math.floor(f / 100)}.${String(f % 100).padStart(2, '0')}`);
  const op = fc.oneof(
    fc.record({ k: fc.constant('topup' as const), u: fc.nat(2), a: amount }),
    fc.record({ k: fc.constant('income' as const), a: amount }),
    fc.record({ k: fc.constant('toFund' as const), a: amount }),
    fc.record({ k: fc.constant('release' as const), price: amount, adv: fc.nat(40), audit: amount, settle: fc.boolean() }),
    fc.record({ k: fc.constant('reverse' as const), pick: fc.nat(50) }),
  );
  fc.assert(
    fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
      const commands: FundsCommand[] = [...opening];
      let n = 0;
      const transferIds = (): string[] => run(commands).events.flatMap((e) => ('transfer' in e.data ? [(e.data as { transfer: { transferId: string } }).transfer.transferId] : []));
      for (const o of ops) {
        const id = `x${n++}`;
        switch (o.k) {
          case 'topup':
            commands.push({ type: 'RecordDeposit', data: { depositId: id, unit: units[o.u]!, basis: 'top_up', amount: o.a, evidence: ['s'] }, by });
            break;
          case 'income':
            commands.push({ type: 'RecordIncome', data: { entryId: id, contractId: 'park', amount: o.a, evidence: ['s'] }, by });
            break;
          case 'toFund':
            commands.push({ type: 'PayIncomeIntoFund', data: { entryId: id, amount: o.a, evidence: ['s'] }, by });
            break;
          case 'release': {
            const advance = ((BigInt(Math.round(Number(o.price) * 100)) * BigInt(o.adv)) / 100n).toString();
            commands.push(
              { type: 'RequestRelease', data: { releaseId: id, decision: d, decisionId: 'dec-1', contractPrice: o.price, contractor: { name: '甲' }, chargeScope: scope, units, evidence: [] }, by },
              { type: 'HoldAdvance', data: { releaseId: id, amount: `${BigInt(advance) / 100n}.${String(BigInt(advance) % 100n).padStart(2, '0')}`, decision: d, evidence: [] }, by },
              { type: 'AcceptWorks', data: { releaseId: id, acceptanceRef: 'a' }, by },
              { type: 'RecordSettlementAudit', data: { releaseId: id, auditedAmount: o.audit, auditRef: 'x' }, by },
              o.settle ? { type: 'SettleRelease', data: { releaseId: id, decision: d, newDecision: null, evidence: [] }, by } : { type: 'VoidRelease', data: { releaseId: id, reason: 'r' }, by },
            );
            break;
          }
          case 'reverse': {
            const ids = transferIds();
            if (ids.length > 0) commands.push({ type: 'ReverseTransfer', data: { transferId: ids[o.pick % ids.length]!, reversalId: id, reason: 'wrong', evidence: ['e'] }, by });
            break;
          }
        }
      }
      const { state, events } = run(commands);
      if (state.status !== 'open') return false;
      const totals = new Map<string, bigint>();
      for (const [key, a] of state.book.accounts) {
        const [ledger, account] = key.split('/') as [string, string];
        totals.set(ledger, (totals.get(ledger) ?? 0n) + a.balance);
        if (account !== 'sources' && a.balance - a.held < 0n) throw new Error(`${key} below zero`);
        if (a.held < 0n) throw new Error(`${key} negative hold`);
      }
      for (const [ledger, total] of totals) if (total !== 0n) throw new Error(`${ledger} does not balance: ${total}`);
      // Holds: exactly the pending transfers of releases still open (settled or void ones hold nothing).
      let open = 0n;
      for (const r of state.releases.values()) if (!r.settled && !r.voided && r.advance) open += r.advance.amount;
      const held = [...state.book.accounts.values()].reduce((s, a) => s + a.held, 0n);
      if (held !== open) throw new Error(`holds ${held} but open advances ${open}`);
      // A replay of the recorded events gives identical balances.
      let replayed: FundState = fundsDecider.initialState();
      for (const e of events) replayed = fundsDecider.evolve(replayed, JSON.parse(JSON.stringify(e)) as FundsEvent);
      if (replayed.status !== 'open') return false;
      const dump = (s: typeof state) => JSON.stringify([...s.book.accounts].map(([k, a]) => [k, a.balance.toString(), a.held.toString()]));
      if (dump(replayed) !== dump(state)) return false;
      // Allocations: each settlement's shares sum exactly to the settled amount, charged to the scope's units only.
      for (const e of events) {
        if (e.type !== 'ReleaseSettled') continue;
        const sum = e.data.transfers.reduce((s, x) => s + BigInt(x.amount.replace('.', '')), 0n);
        if (sum !== BigInt(e.data.amount.replace('.', ''))) throw new Error(`shares ${sum} ≠ ${e.data.amount}`);
        if (!e.data.transfers.every((x) => units.some((u) => x.from === `unit:${u.unitId}`))) throw new Error('charged outside the scope');
      }
      // The read model (projections/funds) agrees with the decider's book, account by account.
      const projected = projectionSpec(fundsProjection).given(events.map((e) => ({ type: e.type, data: JSON.parse(JSON.stringify(e.data)), streamId: 'funds-c1' })));
      for (const [key, a] of state.book.accounts) {
        const [ledger, account] = key.split('/') as [string, string];
        const doc = projected.get<AccountDoc>(FUNDS_ACCOUNTS, accountDocId('c1', ledger, account));
        const fen = (x: string) => BigInt(x.replace('.', ''));
        if (!doc || fen(doc.balance) !== a.balance || fen(doc.held) !== a.held) throw new Error(`read model differs on ${key}: ${JSON.stringify(doc)}`);
      }
      // Every flag is explained by the records it links.
      const releases = projected.list<ReleaseDoc>(FUNDS_RELEASES, 'c1');
      const byId = new Map(releases.map((r) => [r.releaseId, r]));
      const flags = supervisoryFlags({ meta: projected.get<FundsMetaDoc>(FUNDS_META, 'c1')!, releases, decisions: () => null, declarations: [], now: new Date(Date.UTC(2026, 6, 1)) });
      const amountOf = (r: ReleaseDoc) => BigInt((r.settled?.amount ?? r.contractPrice).replace('.', ''));
      for (const f of flags) {
        const linked = f.records.filter((x) => x.type === 'release').map((x) => byId.get(x.id));
        if (linked.some((r) => r === undefined)) throw new Error(`${f.kind} links a release that does not exist`);
        const rs = linked as ReleaseDoc[];
        switch (f.kind) {
          case 'split_releases': {
            // Hangzhou: each ≤ ¥30,000, together above it, one contractor, within 90 days.
            if (rs.length < 2 || !rs.every((r) => amountOf(r) <= 3_000_000n) || rs.reduce((s, r) => s + amountOf(r), 0n) <= 3_000_000n) throw new Error(`split flag unexplained: ${JSON.stringify(f)}`);
            if (new Set(rs.map((r) => r.contractor.name)).size !== 1) throw new Error('split flag across contractors');
            break;
          }
          case 'overrun_without_reapproval':
            if (!(rs[0]!.settled && amountOf(rs[0]!) * 100n >= BigInt(rs[0]!.budget.replace('.', '')) * 110n && rs[0]!.reapprovalDecisionId === null)) throw new Error(`overrun flag unexplained: ${JSON.stringify(f)}`);
            break;
          case 'self_approval':
            // Here one actor records every step (the spec's), so the requester approves: that is the explanation.
            if (!rs[0]!.actors.approvals.some((a) => a.personId === rs[0]!.actors.requestedBy)) throw new Error(`self-approval unexplained: ${JSON.stringify(f)}`);
            break;
          case 'disclosure_overdue':
            if (!f.records.some((x) => x.type === 'period')) throw new Error('a disclosure flag without its period');
            break;
          default:
            throw new Error(`unexpected flag ${f.kind}`);
        }
      }
      return true;
    }),
    { numRuns: 150 },
  );
});
