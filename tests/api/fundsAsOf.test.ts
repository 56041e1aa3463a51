/**
 * The funds travel in time (#16 item 3, #14): the ledgers, a sub-account, a release and the supervisory trace
 * answer `?asOf=` from the compound's events up to the point, folded with the funds' own projection; before
 * the release they show no release and untouched sub-accounts, during it the advance held, and at the head
 * exactly what the live read model shows.
 */
import t from 'tap';
import { fundsStreamId } from '../../domain/funds/index.js';
import { seedExport } from '../support/exportSeed.js';

t.test('the funds, a sub-account, a release and the supervisory trace as of a past point', async (t) => {
  const { api, compoundId, releaseId } = await seedExport(t);
  const store = api.runtime.deps.store;
  const supervisor = await api.token('p-sup', `supervisor@${compoundId}`);
  const stream = await store.readStream(fundsStreamId(compoundId));
  const at = (type: string) => {
    const e = stream.find((x) => x.type === type);
    if (!e) throw new Error(`no ${type} in ${stream.map((x) => x.type).join(', ')}`);
    return e.position;
  };
  const beforeRelease = at('ReleaseRequested') - 1n;
  const advanced = at('AdvanceHeld');
  const head = await store.headPosition();
  const get = async (path: string, asOf?: bigint) => {
    const r = await api.call('GET', `/v1/compounds/${compoundId}/${path}${asOf === undefined ? '' : `${path.includes('?') ? '&' : '?'}asOf=${asOf}`}`, { token: supervisor });
    return r;
  };
  const body = (r: { json(): unknown }) => {
    const { asOf: _asOf, ...rest } = r.json() as Record<string, unknown>;
    return rest;
  };

  // The ledgers: before the release no release and building 3 untouched; after the settlement, charged.
  const liveFunds = await get('funds');
  t.equal(liveFunds.statusCode, 200);
  const past = await get('funds', beforeRelease);
  t.equal(past.statusCode, 200, 'answered as of the point');
  t.same(past.json().releases, [], 'no release yet');
  t.equal(past.headers['x-as-of-position'], beforeRelease.toString());
  t.match(past.json().asOf, { position: beforeRelease.toString() });
  const balance = (b: { accounts: { account: string; balance: string; held: string }[] }, account: string) => b.accounts.find((a) => a.account === account);
  t.not(balance(past.json(), 'unit:3-1-101')!.balance, balance(liveFunds.json(), 'unit:3-1-101')!.balance, 'building 3 charged after, not before');
  t.equal(balance(past.json(), 'unit:1-1-101')!.balance, balance(liveFunds.json(), 'unit:1-1-101')!.balance, 'building 1 never charged');
  const during = (await get('funds', advanced)).json();
  t.ok(during.accounts.some((a: { held: string }) => a.held !== '0.00'), 'the advance held then');
  t.same(body(await get('funds', head)), liveFunds.json(), 'as of the head: the live view');

  // A release: not found before its request; held during; settled at the head, as live.
  const before = await get(`releases/${releaseId}`, beforeRelease);
  t.equal(before.statusCode, 404);
  t.equal(before.json().code, 'release_not_found');
  t.equal((await get(`releases/${releaseId}`, advanced)).json().status, 'advance_held');
  t.same(body(await get(`releases/${releaseId}`, head)), (await get(`releases/${releaseId}`)).json());

  // A sub-account with its transfers.
  const subPast = (await get('funds/units/3-1-101', beforeRelease)).json();
  const subLive = (await get('funds/units/3-1-101')).json();
  t.ok(subPast.transfers.length < subLive.transfers.length, 'fewer transfers before the release');
  t.same(body(await get('funds/units/3-1-101', head)), subLive);

  // The supervisory trace: before the release it traces the deposits only.
  const tracePast = await get('supervision', beforeRelease);
  t.equal(tracePast.statusCode, 200, 'the trace answered as of the point');
  const traceLive = (await get('supervision')).json();
  t.ok(tracePast.json().transfers.items.length < traceLive.transfers.items.length, 'fewer transfers traced before the release');
  t.notOk(JSON.stringify(tracePast.json()).includes(releaseId), 'the release is not in it');
  t.same(body(await get('supervision', head)), traceLive, 'as of the head: the live trace');

  // Before the ledgers were opened: not open then.
  t.equal((await get('funds', stream[0]!.position - 1n)).json().code, 'fund_not_open');
});
