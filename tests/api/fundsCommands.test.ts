/**
 * The funds' commands keep their stream's state between commands and run one at a time per compound
 * (services/funds/service.ts): a burst of concurrent deposits, duplicate first deposits and reversals over
 * HTTP leaves exactly the ledger a fresh fold of the stream gives, each duplicate refused once, each transfer
 * reversed at most once; and the kept state decides as a fresh fold would (a top-up's met-or-not follows the
 * exact balance).
 */
import t from 'tap';
import { fenOfBalance } from '../../domain/funds/index.js';
import { startTestApi } from '../support/api.js';

const UNITS = Array.from({ length: 24 }, (_, i) => ({ unitId: `2-1-${101 + i}`, building: '2', area: `${80 + i}`, areaSource: 'registry', owners: [{ personId: `q${i}`, name: `业主${i}` }] }));

t.test('concurrent funds commands on one compound', async (t) => {
  const api = await startTestApi();
  t.teardown(() => api.close());
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '并发小区', address: '文三路 2 号', jurisdiction: 'national' } })).json() as { compoundId: string };
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units: UNITS } })).statusCode, 201);
  const oc = await api.token('p-oc', `oc_member@${compoundId}`);
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/funds`, { token: oc, body: { ratePerSquareMetre: '100.00', evidenceRef: 'rate' } })).statusCode, 201);
  const deposit = (unitId: string, basis = 'first_deposit', amount?: string) => api.call('POST', `/v1/compounds/${compoundId}/funds/deposits`, { token: oc, body: { unitId, basis, ...(amount ? { amount } : {}), evidence: [`slip-${unitId}`] } });

  // Every unit's first deposit twice, all at once: one of each pair is recorded, the other refused.
  const firsts = await Promise.all(UNITS.flatMap((u) => [deposit(u.unitId), deposit(u.unitId)]));
  t.equal(firsts.filter((r) => r.statusCode === 201).length, UNITS.length, 'one first deposit per unit');
  t.ok(firsts.filter((r) => r.statusCode !== 201).every((r) => r.json().code === 'first_deposit_already_made'), 'the duplicates refused');
  const transferIds = firsts.filter((r) => r.statusCode === 201).map((r) => (r.json() as { transferIds: string[] }).transferIds[0]!);

  // Reversals of half of them, each asked for twice at once: reversed once.
  const reversals = await Promise.all(
    transferIds.slice(0, 12).flatMap((id) => [0, 1].map(() => api.call('POST', `/v1/compounds/${compoundId}/funds/transfers/${id}/reversal`, { token: oc, body: { reason: '录入错误', evidence: ['更正'] } }))),
  );
  t.equal(reversals.filter((r) => r.statusCode === 201).length, 12, 'each reversed once');

  // The kept state against a fresh fold of the stream, and against the read model.
  const fresh = await api.runtime.deps.funds.state(compoundId);
  if (fresh.status !== 'open') throw new Error('the funds are open');
  const ledgers = (await api.call('GET', `/v1/compounds/${compoundId}/funds`, { token: oc })).json() as { accounts: { account: string; balance: string }[] };
  for (const a of ledgers.accounts) t.equal(fresh.book.accounts.get(`maintenance/${a.account}`)?.balance ?? 0n, fenOfBalance(a.balance), `${a.account} as folded`);
  t.equal(ledgers.accounts.filter((a) => a.account.startsWith('unit:') && a.balance !== '0.00').length, UNITS.length - 12, 'the reversed units are empty');

  // A decision that follows the exact balance: a reversed unit's first deposit again, then a top-up; all at once for several units.
  const again = await Promise.all(UNITS.slice(0, 6).map((u) => deposit(u.unitId)));
  t.ok(again.every((r) => r.statusCode === 201), 'a reversed first deposit can be made again');
  const after = await api.runtime.deps.funds.state(compoundId);
  if (after.status !== 'open') throw new Error('the funds are open');
  const ledgers2 = (await api.call('GET', `/v1/compounds/${compoundId}/funds?after=${(again.at(-1)!.json() as { position: string }).position}`, { token: oc })).json() as { accounts: { account: string; balance: string }[] };
  for (const a of ledgers2.accounts) t.equal(after.book.accounts.get(`maintenance/${a.account}`)?.balance ?? 0n, fenOfBalance(a.balance), `${a.account} as folded, after`);
});
