/** The funds' page data: per-building totals and bars in fen, flows on one scale, each period's disclosure status. Pure. */
import t from 'tap';
import { fundsPage, ownSubAccount } from '../../../projections/board/index.js';
import type { AccountDoc, DisclosureDoc, FundsMetaDoc } from '../../../projections/funds/index.js';

const account = (account: string, balance: string, firstDeposit: string | null, held = '0.00'): AccountDoc => ({ compoundId: 'c', ledger: 'maintenance', account, balance, held, transfers: 1, firstDeposit });
const meta: FundsMetaDoc = {
  compoundId: 'c',
  jurisdiction: 'beijing',
  ratePerSquareMetre: '150.00',
  openedAt: '2026-01-10T02:00:00.000Z',
  seq: 9,
  topUpDue: ['2-1'],
  firstDepositsTotal: '3000.00',
  fundTotal: '1800.01',
  quarters: { '2026-Q1': { income: '100.00', toFund: '0.00', fundBelowThirtyPercent: false } },
  disclosures: { 'maintenance/2026-Q1': { disclosureId: 'd1', publishedAt: '2026-04-02T00:00:00.000Z', dueBy: '2026-04-30T16:00:00.000Z', late: false } },
  lastEventAt: '2026-04-02T00:00:00.000Z',
};
const statement = (ledger: 'maintenance' | 'public_income', inflows: Record<string, string>, outflows: Record<string, string>): DisclosureDoc => ({
  compoundId: 'c',
  disclosureId: `d-${ledger}`,
  statement: { ledger, period: '2026-Q1', from: '2025-12-31T16:00:00.000Z', to: '2026-03-31T16:00:00.000Z', opening: '0.00', inflows, outflows, closing: '0.00', transfers: 3 },
  dueBy: '2026-04-30T16:00:00.000Z',
  publishedAt: '2026-04-02T00:00:00.000Z',
  late: false,
});

const inputs = (now: string) => ({
  meta,
  accounts: [account('unit:1-1', '1000.00', '1000.00'), account('unit:1-2', '500.00', '1000.00', '100.00'), account('unit:2-1', '299.99', '1000.00'), account('compound', '0.02', null), account('sources', '-3000.00', null)],
  releases: [],
  disclosures: [statement('maintenance', { deposit: '3000.00' }, { decision: '1199.99' }), statement('public_income', { income_contract: '100.00' }, {})],
  units: [{ unitId: '1-1', building: '1' }, { unitId: '1-2', building: '1' }, { unitId: '2-1', building: '2' }, { unitId: '2-2', building: '2' }],
  decisions: () => null,
  flags: [],
  now: new Date(now),
});

t.test('sub-accounts as totals per building, bars in fen against the first deposits with the 30% line', async (t) => {
  const p = fundsPage(inputs('2026-05-20T00:00:00.000Z'));
  t.match(p.buildings, [
    { building: '1', units: 2, firstDeposits: '2000.00', balance: '1500.00', held: '100.00', topUpDue: 0, bar: { base: '200000', value: '150000', thresholdX: '60000.0000', percent: '75.00%', met: true } },
    // A unit with no account yet counts as zero; 299.99 of 1000.00 is below 30%.
    { building: '2', units: 2, firstDeposits: '1000.00', balance: '299.99', topUpDue: 1, bar: { base: '100000', value: '29999', percent: '29.99%', met: false } },
  ]);
  t.match(p.totals, { subAccounts: '1799.99', compoundAccount: '0.02', fund: '1800.01', subAccountCount: 3, topUpDue: 1 });
});

t.test('flows share one scale, the largest flow, in fen', async (t) => {
  const p = fundsPage(inputs('2026-05-20T00:00:00.000Z'));
  t.equal(p.flows.scale, '300000');
  t.match(p.flows.rows, [
    { ledger: 'maintenance', inWidth: '300000', outWidth: '119999', inflow: '3000.00', outflow: '1199.99' },
    { ledger: 'public_income', inWidth: '10000', outWidth: '0' },
  ]);
});

t.test('each period: posted, running, due, overdue (京条例 Art. 85: quarterly; 30 days by default)', async (t) => {
  const status = (now: string) => Object.fromEntries(fundsPage(inputs(now)).periods.map((r) => [`${r.ledger}/${r.period}`, r.status]));
  t.same(status('2026-04-15T00:00:00.000Z'), { 'maintenance/2026-Q1': 'posted', 'maintenance/2026-Q2': 'running', 'public_income/2026-Q1': 'due', 'public_income/2026-Q2': 'running' });
  t.same(status('2026-05-20T00:00:00.000Z'), { 'maintenance/2026-Q1': 'posted', 'maintenance/2026-Q2': 'running', 'public_income/2026-Q1': 'overdue', 'public_income/2026-Q2': 'running' });
});

t.test('an owner\u2019s own sub-account: the share of the first deposit cut, the transfers by direction', async (t) => {
  const transfer = { transferId: 't1', ledger: 'maintenance' as const, from: 'sources', to: 'unit:2-1', amount: '1000.00', phase: 'posted' as const, authority: { kind: 'deposit' as const, unitId: '2-1', basis: 'first_deposit' as const, payer: 'owner' as const }, evidence: [], at: '2026-01-10T02:00:00.000Z' };
  const own = ownSubAccount('2-1', account('unit:2-1', '299.99', '1000.00'), true, [{ seq: 1, compoundId: 'c', transfer, reversedBy: null, voided: false }]);
  t.match(own, { unitId: '2-1', balance: '299.99', share: '29.99%', topUpDue: true, transfers: [{ direction: '存入', label: '业主交存', amount: '1000.00' }] });
});
