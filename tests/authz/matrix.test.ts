/**
 * The authorisation matrix (#17 item 3): every cell of tests/support/authzMatrix.ts sent to a real server, and
 * the README's rendering of the table checked against the data (`UPDATE_README=1` rewrites it).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { SignJWT } from 'jose';
import t from 'tap';
import { CALLERS, MATRIX, NOT_YET_IN_MATRIX, renderMatrix, ROLES, type Caller, type Cell } from '../support/authzMatrix.js';
import { FIRM_X, OWNER_NAMES, SEALED_COMMITMENT, seedAuthzWorld } from '../support/authzWorld.js';
import { README_PATH, readmeEndpoints } from '../support/readmeApi.js';

const b64 = (x: unknown) => Buffer.from(JSON.stringify(x)).toString('base64url');

/** The refusal's code: problem+json's `code`, or the board page's `HTTP 403 · <code>…</code>`. */
const codeOf = (body: string): string => {
  try {
    return String((JSON.parse(body) as { code?: unknown }).code ?? '');
  } catch {
    return /HTTP \d{3} · <code>([a-z_]+)<\/code>/.exec(body)?.[1] ?? '';
  }
};

/** A 403 from the route's grant check (`insufficient_grant`) is `403`; one from a finer check past it is `denied`. */
const classOf = (status: number, body: string): Cell | `unexpected ${number}` =>
  status >= 200 && status < 300
    ? 'ok'
    : status === 401
      ? '401'
      : status === 403
        ? codeOf(body) === 'insufficient_grant'
          ? '403'
          : 'denied'
        : status >= 400 && status < 500
          ? 'passes'
          : `unexpected ${status}`;

t.test('every cell of the authorisation matrix holds on a real server, and it covers every endpoint of the README', async (t) => {
  const world = await seedAuthzWorld();
  const { api, A, B, ids } = world;
  t.teardown(() => api.close());
  const fill = (text: string) => text.replace(/\{([A-Za-z]+)\}/g, (m, name: string) => ids[name] ?? m);
  const fillBody = (body: unknown): unknown => (body === undefined ? undefined : JSON.parse(fill(JSON.stringify(body))));

  // The callers' tokens: the owner is p1, the property firm acts for X, the developer holds 2-1-101.
  const key = api.runtime.deps.signingKey;
  const tokens = new Map<Caller, string | null>();
  tokens.set('admin', world.admin);
  for (const r of ROLES) {
    const personId = r === 'owner' ? 'p1' : r === 'property_firm' ? FIRM_X.agent : `p-${r}`;
    tokens.set(`${r}@A`, await api.token(personId, `${r}@${A}`));
    tokens.set(`${r}@B`, await api.token(personId, `${r}@${B}`));
  }
  tokens.set('no token', null);
  const claims = { sub: 'p1', grants: [`oc_member@${A}`], iss: 'compound-governance', aud: 'compound-governance-api' };
  const seconds = Math.floor(Date.now() / 1000);
  tokens.set('expired', await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.current().kid }).setIssuedAt(seconds - 7200).setExpirationTime(seconds - 3600).sign(key.current().secret));
  tokens.set('wrong key', await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT', kid: key.current().kid }).setIssuedAt(seconds).setExpirationTime(seconds + 3600).sign(new Uint8Array(32).fill(7)));
  tokens.set('alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims, grants: ['admin'], iat: seconds, exp: seconds + 3600 })}.`);
  const genuine = (await api.token('p1', `owner@${A}`)).split('.');
  const payload = JSON.parse(Buffer.from(genuine[1]!, 'base64url').toString()) as Record<string, unknown>;
  tokens.set('tampered', `${genuine[0]}.${b64({ ...payload, grants: ['admin'] })}.${genuine[2]}`);

  const store = api.runtime.deps.store;
  const mismatches: string[] = [];
  let cells = 0;
  for (const row of MATRIX) {
    const url = fill(row.url);
    const body = fillBody(row.body);
    for (const caller of CALLERS) {
      const before = await store.headPosition();
      const token = tokens.get(caller)!;
      const res = await api.call(row.method, url, { ...(token ? { token } : {}), ...(body !== undefined ? { body } : {}), ...(row.method === 'POST' && body === undefined ? { headers: {} } : {}) });
      cells += 1;
      const got = classOf(res.statusCode, res.body);
      if (got !== row.expect[caller]) mismatches.push(`${row.method} ${row.url} as ${caller}: expected ${row.expect[caller]}, got ${got} (${res.statusCode} ${res.body.slice(0, 160)})`);
      if (res.statusCode >= 300 && (await store.headPosition()) !== before) mismatches.push(`${row.method} ${row.url} as ${caller}: refused with ${res.statusCode} but recorded something`);
      if (res.statusCode < 300 && !url.includes('include=owners') && OWNER_NAMES.some((n) => res.body.includes(n))) mismatches.push(`${row.method} ${row.url} shows an owner\u2019s name to ${caller}`);
      if (row.path === '/v1/tenders/{tenderId}' && res.statusCode === 200) {
        if (res.body.includes(FIRM_X.code) || res.body.includes(SEALED_COMMITMENT) || !/"sealed":true/.test(res.body)) mismatches.push(`the tender before its deadline shows a bidder or a commitment to ${caller}`);
      }
    }
  }
  t.same(mismatches, [], `${cells} cells (${MATRIX.length} rows × ${CALLERS.length} callers)`);

  // Every endpoint of the README's API table has a row, and every row names an endpoint the README lists.
  const listed = readmeEndpoints();
  const covered = new Set(MATRIX.map((r) => `${r.method} ${r.path}`));
  t.same(
    listed.filter((e) => !covered.has(`${e.method} ${e.path}`)).map((e) => `${e.method} ${e.path}`).sort(),
    [...NOT_YET_IN_MATRIX].sort(),
    `every one of the README's ${listed.length} endpoints has a row in tests/support/authzMatrix.ts, but the ${NOT_YET_IN_MATRIX.length} listed as not yet there`,
  );
  const known = new Set(listed.map((e) => `${e.method} ${e.path}`));
  t.same([...covered].filter((k) => !known.has(k)), [], 'every row names an endpoint of the README');
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
