/**
 * Fuzzing in CI (#17 item 2): every endpoint of README.md's API table (parsed from the README, so a new row is
 * covered without editing this file) × hostile input: path ids with unicode, NUL, traversal, prototype keys,
 * over-long and broken percent-encoding; bodies of the wrong type, prototype-pollution keys, deep nesting,
 * extreme numbers, impossible dates, broken JSON, invalid UTF-8, wrong content types, one huge body; hostile
 * query strings; and fast-check-generated bodies over the field names the README lists for the endpoint.
 *
 * On a real server (SQLite store in a temp directory, real JWT verification) seeded with a compound, its units
 * and a motion, every answer must be: never a 5xx; a status ≥ 400 is `application/problem+json` with a `code`;
 * and after a refused request the log's head position is what it was. Bounded: a fixed list plus
 * FUZZ_RANDOM_BODIES generated bodies per endpoint (default 12), each request under the server's own limits.
 */
import fc from 'fast-check';
import t from 'tap';
import { readFileSync } from 'node:fs';
import { fillPath, README_PATH, readmeEndpoints, type ReadmeEndpoint } from '../support/readmeApi.js';
import { seedAuthzWorld } from '../support/authzWorld.js';

const RANDOM_BODIES = Number(process.env.FUZZ_RANDOM_BODIES ?? '12');

/** Hostile values for a path parameter (raw: already in URL form). */
const HOSTILE_IDS: readonly { readonly label: string; readonly raw: string }[] = [
  { label: 'unicode', raw: encodeURIComponent('业主😀\u202e') },
  { label: 'NUL', raw: 'a%00b' },
  { label: 'traversal', raw: '..%2F..%2Fetc%2Fpasswd' },
  { label: 'dot-dot', raw: '..' },
  { label: '__proto__', raw: '__proto__' },
  { label: 'constructor', raw: 'constructor' },
  { label: 'lone surrogate', raw: '%ED%A0%80' },
  { label: 'broken escape', raw: '%E4%B8' },
  { label: 'bad escape', raw: '%ZZ' },
  { label: 'over-long', raw: 'x'.repeat(700) },
  { label: 'spaces', raw: '%20%09%0A' },
  { label: 'SQL', raw: encodeURIComponent("1' OR '1'='1") },
  { label: 'number', raw: '1e308' },
];

/** Hostile bodies sent as application/json text. */
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const HOSTILE_JSON: readonly { readonly label: string; readonly text: string }[] = [
  { label: 'null', text: 'null' },
  { label: 'array', text: '[]' },
  { label: 'string', text: '"x"' },
  { label: 'number', text: '42' },
  { label: 'empty object', text: '{}' },
  { label: '__proto__ key', text: '{"__proto__":{"isAdmin":true,"grants":["admin"]},"name":"x"}' },
  { label: 'constructor key', text: '{"constructor":{"prototype":{"polluted":true}}}' },
  { label: 'nested __proto__', text: '{"units":[{"__proto__":{"developerHeld":true}}],"owners":{"__proto__":[]}}' },
  { label: 'deep nesting (33)', text: deep(33) },
  { label: 'deep nesting (100000)', text: deep(100_000) },
  { label: 'deep objects', text: '{"a":'.repeat(40) + '1' + '}'.repeat(40) },
  { label: 'extreme numbers', text: '{"amount":1e308,"area":-0,"seats":9007199254740993,"ratePerSquareMetre":1e-400,"limit":-1,"budget":"NaN","termMonths":1.5}' },
  { label: 'huge integer', text: `{"amount":${'9'.repeat(5000)},"after":${'9'.repeat(400)}}` },
  { label: 'impossible dates', text: '{"opensAt":"2024-02-30T09:00:00+08:00","closesAt":"9999-99-99T99:99:99Z","bidDeadline":"0000-00-00","startsOn":"2026-13-01","heldAt":"yesterday"}' },
  { label: 'dates out of range', text: '{"opensAt":"1899-01-01T00:00:00Z","closesAt":"+275760-09-13T00:00:00.000Z"}' },
  { label: 'wrong types', text: '{"name":1,"units":"all","owners":{},"choice":true,"candidates":[1,2],"options":"a","members":null,"items":7,"scores":[],"terms":"x"}' },
  { label: 'NUL and controls', text: '{"name":"a\\u0000b","reason":"\\u0007\\u001b[31m","title":"\\ud800","unitId":"../x"}' },
  { label: 'duplicate keys', text: '{"choice":"for","choice":"against","unitId":"1-1-101","unitId":"2-1-101"}' },
  { label: 'broken JSON', text: '{"a":' },
  { label: 'trailing garbage', text: '{} {}' },
  { label: 'BOM', text: '\ufeff{}' },
  { label: 'long string', text: JSON.stringify({ name: 'x'.repeat(300_000), reason: '长'.repeat(100_000) }) },
  { label: 'many keys', text: JSON.stringify(Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i]))) },
];

/** Hostile content types (and bytes that go with them). */
const HOSTILE_TYPES: readonly { readonly label: string; readonly type: string | undefined; readonly payload: string | Buffer }[] = [
  { label: 'text/plain', type: 'text/plain', payload: '{}' },
  { label: 'form', type: 'application/x-www-form-urlencoded', payload: 'a=1&__proto__[x]=1' },
  { label: 'multipart', type: 'multipart/form-data; boundary=x', payload: '--x\r\n\r\n--x--' },
  { label: 'latin1 charset', type: 'application/json; charset=latin1', payload: '{}' },
  { label: 'no content type', type: undefined, payload: '{}' },
  { label: 'invalid UTF-8', type: 'application/json', payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
  { label: 'xml', type: 'application/xml', payload: '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' },
];

/** Hostile query strings (every read accepts ?after=, lists take ?limit= / ?cursor=). */
const HOSTILE_QUERIES = ['after=-1', 'after=1e999', 'after=abc', `after=${'9'.repeat(40)}`, 'after=%00', 'limit=-5&cursor=%ff', 'limit=1e9', 'after=1&after=2', '__proto__[x]=1&constructor=1', 'include=owners&building=%2e%2e', 'status=%E4%B8', 'buildings=' + ',1'.repeat(3000)];

/** Field names the README mentions for an endpoint (`{a, b?, c: ...}`), plus a few that every body might carry. */
function fieldsOf(row: ReadmeEndpoint, readme: string): string[] {
  const line = readme.split('\n').find((l) => l.includes(`\`${row.path}\``)) ?? '';
  const names = new Set([...line.matchAll(/[{,]\s*([a-zA-Z]+)\??(?=[,:}\s])/g)].map((m) => m[1]!));
  for (const n of ['unitId', 'evidenceRef', 'reason', 'amount']) names.add(n);
  return [...names];
}

const hostileValue: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(null, true, false, 0, -0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, '', ' ', '__proto__', 'constructor', 'prototype', '..', '../../etc/passwd', 'a\u0000b', '\ud800', '2024-02-30T00:00:00Z', '1899-12-31T00:00:00Z', 'NaN', 'Infinity', '-1', '1e999', 'for', 'admin'),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.integer(),
    fc.double(),
    fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((b) => b.toString()),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'a', 'unitId', 'personId', 'toString'), tie('v'), { maxKeys: 3 }),
  ),
})).v;

t.test('every README endpoint × hostile input: never a 5xx, always problem+json, the log unchanged when refused', async (t) => {
  // The authorisation matrix's world: a record of every kind a path names, so ids reach the handlers' lookups.
  const world = await seedAuthzWorld();
  const { api, ids } = world;
  t.teardown(() => api.close());
  const compoundId = world.A;
  // One caller holding every grant (admin and each role on A), so that bodies get past authorisation to the domain.
  const admin = await api.token('p1', 'admin', ...['owner', 'oc_member', 'rc_staff', 'party_committee', 'street_office', 'property_firm', 'supervisor', 'developer'].map((r) => `${r}@${compoundId}`));
  const real: Record<string, string> = {
    compoundId,
    motionId: ids.motion!,
    unitId: '1-1-102',
    receipt: ids.receipt!,
    decisionId: ids.decision!,
    petitionId: ids.petition!,
    releaseId: ids.release!,
    transferId: ids.transfer!,
    tenderId: ids.tender!,
    firmId: ids.firmX!,
    contractId: ids.contract!,
    complaintId: ids.complaint!,
    adjustmentId: ids.adjustment!,
    surveyId: ids.survey!,
    disputeId: ids.dispute!,
    requestId: ids.request!,
    electionId: ids.election!,
    period: '1',
    item: 'records',
    type: 'ballot',
    recordId: ids.receipt!,
    // An owner other than the caller (p1): the erasure reaches the decider (still an owner: refused). p1's own
    // request would erase p1's names for the rest of the run.
    personId: 'p2',
  };
  // A parameter name that names another kind of record under another path (a joint meeting, a residents'
  // meeting, a residents' request), so that those ids reach their handlers' lookups too.
  const byPath: readonly (readonly [RegExp, string, string])[] = [
    [/^\/v1\/joint-meetings\//, 'meetingId', ids.joint!],
    [/^\/v1\/residents\/meetings\//, 'meetingId', ids.residentsMeeting!],
    [/^\/v1\/residents\/meetings\//, 'itemId', 'lift'],
    [/^\/v1\/residents\/requests\//, 'requestId', ids.residentsRequest!],
  ];
  const idsFor = (path: string) => (p: string) => byPath.find(([re, name]) => name === p && re.test(path))?.[2] ?? real[p] ?? `${p.replace(/Id$/, '')}-1`;

  const store = api.runtime.deps.store;
  let position = await store.headPosition();
  const readme = readFileSync(README_PATH, 'utf8');
  const endpoints = readmeEndpoints(readme);
  t.ok(endpoints.length >= 140, `${endpoints.length} endpoints in the README's API table`);

  let requests = 0;
  let serverErrors = 0;
  const failures: string[] = [];
  const statuses = new Map<string, number>();
  const started = Date.now();
  const send = async (what: string, opts: { method: string; url: string; payload?: string | Buffer; type?: string | undefined; token?: string | null }) => {
    const headers: Record<string, string> = {};
    if (opts.token !== null) headers.authorization = `Bearer ${opts.token ?? admin}`;
    if (opts.type !== undefined) headers['content-type'] = opts.type;
    const res = await api.runtime.app.inject({ method: opts.method as 'GET', url: opts.url, headers, ...(opts.payload !== undefined ? { payload: opts.payload } : {}) });
    requests += 1;
    const key = `${res.statusCode} ${res.statusCode >= 400 ? ((): string => { try { return String((res.json() as { code?: unknown }).code); } catch { return '?'; } })() : ''}`.trim();
    statuses.set(key, (statuses.get(key) ?? 0) + 1);
    const head = await store.headPosition();
    if (res.statusCode >= 500) {
      serverErrors += 1;
      failures.push(`${what}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    if (res.statusCode >= 400 && opts.url.startsWith('/board/') && /^text\/html/.test(String(res.headers['content-type']))) {
      // The board's pages answer errors as pages carrying the status and the code (README, "The notice board").
      if (!/<code>[a-z_]+<\/code>/.test(res.body)) failures.push(`${what}: ${res.statusCode} page without a code`);
      if (head !== position) failures.push(`${what}: refused with ${res.statusCode}, but the log moved from ${position} to ${head}`);
    } else if (res.statusCode >= 400) {
      if (!/^application\/problem\+json/.test(String(res.headers['content-type']))) failures.push(`${what}: ${res.statusCode} is ${res.headers['content-type']}`);
      else {
        let code: unknown;
        try {
          code = (res.json() as { code?: unknown }).code;
        } catch {
          code = undefined;
        }
        if (typeof code !== 'string') failures.push(`${what}: ${res.statusCode} problem without a code`);
      }
      if (head !== position) failures.push(`${what}: refused with ${res.statusCode}, but the log moved from ${position} to ${head}`);
    }
    position = head;
  };

  for (const row of endpoints) {
    const idFor = idsFor(row.path);
    const url = fillPath(row.path, idFor);
    const write = row.method !== 'GET';
    const params = [...row.path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]!);
    for (const p of params) {
      for (const id of HOSTILE_IDS) {
        const hostileUrl = fillPath(row.path, (q) => (q === p ? id.raw : encodeURIComponent(idFor(q))), true);
        await send(`${row.method} ${row.path} ${p}=${id.label}`, { method: row.method, url: hostileUrl, ...(write ? { payload: '{}', type: 'application/json' } : {}) });
      }
    }
    // Tokens: none, garbage, alg none.
    await send(`${row.method} ${row.path} without a token`, { method: row.method, url, token: null, ...(write ? { payload: '{}', type: 'application/json' } : {}) });
    await send(`${row.method} ${row.path} garbage token`, { method: row.method, url, token: 'a.b.c\u0000', ...(write ? { payload: '{}', type: 'application/json' } : {}) });
    // Queries.
    for (const query of HOSTILE_QUERIES) await send(`${row.method} ${row.path}?${query}`, { method: row.method, url: `${url}?${query}`, ...(write ? { payload: '{}', type: 'application/json' } : {}) });
    if (!write) continue;
    for (const body of HOSTILE_JSON) await send(`${row.method} ${row.path} body ${body.label}`, { method: row.method, url, payload: body.text, type: 'application/json' });
    for (const ct of HOSTILE_TYPES) await send(`${row.method} ${row.path} ${ct.label}`, { method: row.method, url, payload: ct.payload, type: ct.type });
    // Generated bodies over the endpoint's own field names.
    const fields = fieldsOf(row, readme);
    const bodies = fc.sample(fc.dictionary(fc.constantFrom(...fields), hostileValue, { maxKeys: fields.length }), { numRuns: RANDOM_BODIES, seed: requests });
    for (const b of bodies) {
      await send(`${row.method} ${row.path} generated ${JSON.stringify(b).slice(0, 120)}`, { method: row.method, url, payload: JSON.stringify(b), type: 'application/json' });
    }
  }
  // One body over the size limit, to a write that takes large bodies.
  await send('POST units with 17 MiB', { method: 'POST', url: `/v1/compounds/${compoundId}/units`, payload: `{"units":[${'0,'.repeat(8.5 * 1024 * 1024)}0]}`, type: 'application/json' });

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  t.same(failures.slice(0, 30), [], 'no 5xx, every refusal problem+json with a code, the log unchanged by refusals');
  t.equal(serverErrors, 0, `${requests} requests to ${endpoints.length} endpoints in ${seconds} s, ${serverErrors} server errors`);
  t.comment(`answers: ${[...statuses].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ×${n}`).join(', ')}`);
  t.comment(`fuzz: ${requests} requests, ${serverErrors} server errors, ${failures.length} failures, ${seconds} s`);
});
