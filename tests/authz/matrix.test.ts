/**
 * The authorisation matrix (#17 item 3): every cell of tests/support/authzMatrix.ts sent to a real server, and
 * the README's rendering of the table checked against the data (`UPDATE_README=1` rewrites it).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { CALLERS, MATRIX, renderMatrix, ROLES, type Caller, type Cell } from '../support/authzMatrix.js';
import { startTestApi } from '../support/api.js';
import { README_PATH, readmeEndpoints } from '../support/readmeApi.js';

const DAY = 24 * 3600 * 1000;
const owner = (personId: string) => ({ personId, name: `业主${personId}` });
const units = [
  { unitId: '1-1-101', building: '1', area: '100.25', areaSource: 'registry', owners: [owner('p1')] },
  { unitId: '1-1-102', building: '1', area: '88.1234', areaSource: 'registry', owners: [owner('p2')] },
  { unitId: '2-1-101', building: '2', area: '120', areaSource: 'survey', owners: [], developerHeld: true },
];
const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64url');

const classOf = (status: number): Cell | `unexpected ${number}` =>
  status >= 200 && status < 300 ? 'ok' : status === 401 ? '401' : status === 403 ? '403' : status >= 400 && status < 500 ? 'passes' : `unexpected ${status}`;

t.test('every cell of the authorisation matrix holds on a real server', async (t) => {
  const api = await startTestApi();
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const register = async (name: string) => {
    const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name, address: '文三路 1 号', jurisdiction: 'hangzhou' } })).json() as { compoundId: string };
    t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
    return compoundId;
  };
  const A = await register('翠湖花园');
  const B = await register('金色家园');
  const oc = await api.token('p-oc', `oc_member@${A}`);

  // A motion open for voting, p2's ballot cast.
  const now = clock.now().getTime();
  const opensAt = new Date(now + 20 * DAY).toISOString();
  const proposed = await api.call('POST', `/v1/compounds/${A}/motions`, { token: oc, body: { title: '续聘物业', description: '', matter: 'hire_or_dismiss_firm', opensAt, closesAt: new Date(now + 30 * DAY).toISOString() } });
  const { motionId } = proposed.json() as { motionId: string };
  t.equal((await api.call('POST', `/v1/motions/${motionId}/notice`, { token: oc })).statusCode, 201);
  clock.set(new Date(opensAt));
  t.equal((await api.call('POST', `/v1/motions/${motionId}/open`, { token: oc })).statusCode, 201);
  const cast = await api.call('POST', `/v1/motions/${motionId}/ballots`, { token: await api.token('p2', `owner@${A}`), body: { unitId: '1-1-102', choice: 'against' } });
  t.equal(cast.statusCode, 201, cast.body);
  const { receipt } = cast.json() as { receipt: string };

  // The funds open with two first deposits.
  t.equal((await api.call('POST', `/v1/compounds/${A}/funds`, { token: oc, body: { ratePerSquareMetre: '120.50', evidenceRef: '杭房〔2026〕1号' } })).statusCode, 201);
  for (const unitId of ['1-1-101', '1-1-102']) {
    const r = await api.call('POST', `/v1/compounds/${A}/funds/deposits`, { token: oc, body: { unitId, basis: 'first_deposit', evidence: [`slip-${unitId}`] } });
    t.equal(r.statusCode, 201, r.body);
  }

  // A tender before its deadline, one sealed bid.
  const firm = await api.token('f-A', `property_firm@${A}`);
  const creditCode = '91110108MA0A00001X';
  t.equal((await api.call('POST', `/v1/compounds/${A}/firms`, { token: firm, body: { name: 'A物业', creditCode } })).statusCode, 201);
  const tender = await api.call('POST', `/v1/compounds/${A}/tenders`, {
    token: oc,
    body: { title: '物业选聘', scope: '全区物业服务', standards: '二级', feeCeiling: '2.00', termMonths: 12, bidDeadline: new Date(clock.now().getTime() + 10 * DAY).toISOString(), criteria: [{ criterionId: 'price', name: '报价', weight: 40 }, { criterionId: 'plan', name: '服务方案', weight: 60 }], holdBackPercent: 10 },
  });
  t.equal(tender.statusCode, 201, tender.body);
  const { tenderId } = tender.json() as { tenderId: string };
  const commitment = createHash('sha256').update('sealed').digest('hex');
  t.equal((await api.call('POST', `/v1/tenders/${tenderId}/bids`, { token: firm, body: { firmId: creditCode, commitment } })).statusCode, 201);

  // The callers' tokens.
  const key = api.runtime.deps.signingKey;
  const tokens = new Map<Caller, string | null>();
  tokens.set('admin', admin);
  for (const r of ROLES) {
    const personId = r === 'owner' ? 'p1' : r === 'property_firm' ? 'f-A' : `p-${r}`;
    tokens.set(`${r}@A`, await api.token(personId, `${r}@${A}`));
    tokens.set(`${r}@B`, await api.token(personId, `${r}@${B}`));
  }
  tokens.set('no token', null);
  const claims = { sub: 'p1', grants: [`oc_member@${A}`], iss: 'compound-governance', aud: 'compound-governance-api' };
  const seconds = Math.floor(Date.now() / 1000);
  tokens.set('expired', await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(seconds - 7200).setExpirationTime(seconds - 3600).sign(key));
  tokens.set('wrong key', await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).setIssuedAt(seconds).setExpirationTime(seconds + 3600).sign(new Uint8Array(32).fill(7)));
  tokens.set('alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, grants: ['admin'], iat: seconds, exp: seconds + 3600 })}.`);
  const genuine = (await api.token('p1', `owner@${A}`)).split('.');
  const payload = JSON.parse(Buffer.from(genuine[1]!, 'base64url').toString()) as Record<string, unknown>;
  tokens.set('tampered', `${genuine[0]}.${b64({ ...payload, grants: ['admin'] })}.${genuine[2]}`);

  const store = api.runtime.deps.store;
  const mismatches: string[] = [];
  let cells = 0;
  for (const row of MATRIX) {
    const url = row.url.replace('{A}', A).replace('{motion}', motionId).replace('{receipt}', receipt).replace('{tender}', tenderId);
    for (const caller of CALLERS) {
      const before = await store.headPosition();
      const token = tokens.get(caller)!;
      const res = await api.call(row.method, url, { ...(token ? { token } : {}), ...(row.body !== undefined ? { body: row.body } : {}), ...(row.method === 'POST' && row.body === undefined ? { headers: {} } : {}) });
      cells += 1;
      const got = classOf(res.statusCode);
      if (got !== row.expect[caller]) mismatches.push(`${row.method} ${row.url} as ${caller}: expected ${row.expect[caller]}, got ${res.statusCode} ${res.body.slice(0, 160)}`);
      if (row.method === 'POST' && (await store.headPosition()) !== before) mismatches.push(`${row.method} ${row.url} as ${caller}: recorded something (the matrix aims every write to be refused)`);
      if (row.path === '/v1/tenders/{tenderId}' && res.statusCode === 200) {
        if (res.body.includes(creditCode) || res.body.includes(commitment) || !/"sealed":true/.test(res.body)) mismatches.push(`the tender before its deadline shows a bidder or a commitment to ${caller}`);
      }
    }
  }
  t.same(mismatches, [], `${cells} cells (${MATRIX.length} rows × ${CALLERS.length} callers)`);
  const covered = new Set(MATRIX.map((r) => `${r.method} ${r.path}`));
  const missing = readmeEndpoints().filter((e) => !covered.has(`${e.method} ${e.path}`));
  t.comment(`README endpoints not yet in the matrix: ${missing.length} of ${readmeEndpoints().length}`);
});

t.test('the README shows the matrix as the data says', async (t) => {
  const readme = readFileSync(README_PATH, 'utf8');
  const begin = readme.indexOf('<!-- authz-matrix:begin');
  const endMarker = '<!-- authz-matrix:end -->';
  const end = readme.indexOf(endMarker);
  const rendered = renderMatrix();
  if (process.env.UPDATE_README === '1' && begin >= 0 && end > begin) {
    writeFileSync(README_PATH, readme.slice(0, begin) + rendered + readme.slice(end + endMarker.length));
  }
  const now = readFileSync(README_PATH, 'utf8');
  const b = now.indexOf('<!-- authz-matrix:begin');
  const e = now.indexOf(endMarker);
  t.ok(b >= 0 && e > b, 'the README has the generated section');
  t.equal(now.slice(b, e + endMarker.length), rendered, 'the README\u2019s matrix is the rendering of tests/support/authzMatrix.ts (UPDATE_README=1 to regenerate)');
});
