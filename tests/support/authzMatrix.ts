/**
 * The authorisation matrix as data (#17 item 3): endpoint × caller → the expected status class. One test
 * (tests/authz/matrix.test.ts) sends every cell to a real server and compares; the README's "Authorisation
 * matrix" section is rendered from this table (the same test checks that it is up to date; `UPDATE_README=1`
 * rewrites it).
 *
 * Cells: `ok` a 2xx; `passes` let through by authentication and authorisation, then refused by the domain
 * (a 4xx other than 401 / 403: the request is aimed so that nothing is recorded); `403`; `401`.
 * The world (tests/authz/matrix.test.ts): compound A with units 1-1-101 (owner p1), 1-1-102 (owner p2) and
 * 2-1-101 (developer-held); compound B alike; a motion on A open for voting with p2's ballot cast; A's funds
 * open with 1-1-101's and 1-1-102's first deposits; a tender on A before its bid deadline with one sealed bid.
 */

export const ROLES = ['owner', 'oc_member', 'rc_staff', 'party_committee', 'street_office', 'property_firm', 'supervisor', 'developer'] as const;
export type Role = (typeof ROLES)[number];

/** The callers: admin, each role on compound A (the owner is p1), each role on compound B, and broken tokens. */
export const CALLERS = [
  'admin',
  ...ROLES.map((r) => `${r}@A` as const),
  ...ROLES.map((r) => `${r}@B` as const),
  'no token',
  'expired',
  'wrong key',
  'alg none',
  'tampered',
] as const;
export type Caller = (typeof CALLERS)[number];
export type Cell = 'ok' | 'passes' | '403' | '401';

export interface MatrixRow {
  readonly method: 'GET' | 'POST';
  /** The README's path. */
  readonly path: string;
  /** The concrete request: `{A}` compound A, `{motion}`, `{receipt}` p2's ballot, `{tender}`. */
  readonly url: string;
  readonly body?: unknown;
  /** What the row shows (sensitive reads say whose data). */
  readonly note: string;
  readonly expect: Readonly<Record<Caller, Cell>>;
}

const BROKEN: readonly Caller[] = ['no token', 'expired', 'wrong key', 'alg none', 'tampered'];

/**
 * A row from the roles let through on compound A (`allow`, with the cell they get) and whether admin is; every
 * other role on A is 403, every role on B is 403, every broken token 401. `public`: everyone gets `ok`.
 */
function row(
  method: MatrixRow['method'],
  path: string,
  url: string,
  note: string,
  allow: Partial<Record<Role, Cell>> | 'public',
  admin: Cell | null,
  body?: unknown,
): MatrixRow {
  const expect = {} as Record<Caller, Cell>;
  for (const c of CALLERS) {
    if (allow === 'public') expect[c] = 'ok';
    else if (c === 'admin') expect[c] = admin ?? '403';
    else if (BROKEN.includes(c)) expect[c] = '401';
    else if (c.endsWith('@B')) expect[c] = '403';
    else expect[c] = allow[c.slice(0, -2) as Role] ?? '403';
  }
  return { method, path, url, note, expect, ...(body !== undefined ? { body } : {}) };
}

const every = (cell: Cell): Record<Role, Cell> => Object.fromEntries(ROLES.map((r) => [r, cell])) as Record<Role, Cell>;
const only = (cell: Cell, ...roles: Role[]): Partial<Record<Role, Cell>> => Object.fromEntries(roles.map((r) => [r, cell]));

const past = '2020-01-01T00:00:00.000Z';

export const MATRIX: readonly MatrixRow[] = [
  // Registry
  row('GET', '/v1/compounds/{compoundId}', '/v1/compounds/{A}', 'the compound', every('ok'), 'ok'),
  row('GET', '/v1/compounds/{compoundId}/units', '/v1/compounds/{A}/units', 'units with areas', every('ok'), 'ok'),
  row('GET', '/v1/compounds/{compoundId}/units', '/v1/compounds/{A}/units?include=owners', 'owners\u2019 names (personal data)', only('ok', 'oc_member', 'rc_staff', 'street_office', 'party_committee'), 'ok'),
  row('GET', '/v1/compounds/{compoundId}/electorate', '/v1/compounds/{A}/electorate', 'eligible area and heads', every('ok'), 'ok'),
  row('POST', '/v1/compounds/{compoundId}/units', '/v1/compounds/{A}/units', 'import (a unit already there: refused)', only('passes', 'street_office', 'rc_staff'), 'passes', {
    units: [{ unitId: '1-1-101', building: '1', area: '100', areaSource: 'registry', owners: [{ personId: 'p9', name: '赵六' }] }],
  }),
  row('POST', '/v1/compounds/{compoundId}/units/{unitId}/transfer', '/v1/compounds/{A}/units/9-9-999/transfer', 'transfer (no such unit)', only('passes', 'street_office', 'rc_staff'), 'passes', { owners: [{ personId: 'p9', name: '赵六' }] }),
  row('POST', '/v1/compounds/{compoundId}/units/{unitId}/corrections', '/v1/compounds/{A}/units/9-9-999/corrections', 'correction (no such unit)', only('passes', 'street_office', 'rc_staff'), 'passes', {
    kind: 'area',
    area: '99.5',
    areaSource: 'survey',
    evidenceRef: '测绘报告',
  }),
  // Assembly
  row('POST', '/v1/compounds/{compoundId}/motions', '/v1/compounds/{A}/motions', 'propose (a window in the past: refused)', only('passes', 'oc_member', 'rc_staff', 'street_office'), '403', {
    title: '表决',
    description: '',
    matter: 'other_major',
    opensAt: past,
    closesAt: '2020-01-10T00:00:00.000Z',
  }),
  row('POST', '/v1/motions/{motionId}/close', '/v1/motions/{motion}/close', 'close (too early: refused)', only('passes', 'oc_member', 'rc_staff', 'street_office'), '403'),
  row('POST', '/v1/motions/{motionId}/cancel', '/v1/motions/{motion}/cancel', 'cancel (already open: refused)', only('passes', 'oc_member', 'rc_staff', 'street_office'), '403', { reason: '撤回' }),
  row('POST', '/v1/motions/{motionId}/ballots', '/v1/motions/{motion}/ballots', 'an electronic ballot for another owner\u2019s (p2\u2019s) unit', {}, '403', { unitId: '1-1-102', choice: 'for' }),
  row('POST', '/v1/motions/{motionId}/ballots', '/v1/motions/{motion}/ballots', 'a paper ballot for p2 (already cast: refused)', only('passes', 'oc_member', 'rc_staff'), '403', {
    unitId: '1-1-102',
    choice: 'for',
    channel: 'paper',
    evidenceRef: '纸质表决票 12 号',
    onBehalfOf: 'p2',
  }),
  row('GET', '/v1/motions/{motionId}', '/v1/motions/{motion}', 'the motion', every('ok'), 'ok'),
  row('GET', '/v1/motions/{motionId}/tally', '/v1/motions/{motion}/tally', 'totals only', every('ok'), 'ok'),
  row('GET', '/v1/motions/{motionId}/ballots', '/v1/motions/{motion}/ballots', 'how each unit voted (other owners\u2019 ballots)', only('ok', 'owner', 'oc_member', 'rc_staff', 'street_office', 'supervisor'), 'ok'),
  row('GET', '/v1/motions/{motionId}/ballots/{receipt}', '/v1/motions/{motion}/ballots/{receipt}', 'p2\u2019s ballot by its receipt', only('ok', 'owner', 'oc_member', 'rc_staff', 'street_office', 'supervisor'), 'ok'),
  row('GET', '/v1/compounds/{compoundId}/motions', '/v1/compounds/{A}/motions', 'the notice board', every('ok'), 'ok'),
  row('GET', '/v1/motions/{motionId}/objections', '/v1/motions/{motion}/objections', 'objections (never who objected)', every('ok'), 'ok'),
  // Decisions
  row('GET', '/v1/compounds/{compoundId}/decisions', '/v1/compounds/{A}/decisions', 'the decisions', every('ok'), 'ok'),
  row('POST', '/v1/compounds/{compoundId}/petitions', '/v1/compounds/{A}/petitions', 'petition (empty purpose: refused)', only('passes', 'owner'), '403', { purpose: ' ' }),
  // Funds
  row('GET', '/v1/compounds/{compoundId}/funds', '/v1/compounds/{A}/funds', 'both ledgers', only('ok', 'oc_member', 'rc_staff', 'street_office', 'supervisor'), 'ok'),
  row('GET', '/v1/compounds/{compoundId}/funds/units/{unitId}', '/v1/compounds/{A}/funds/units/1-1-101', 'p1\u2019s own sub-account', only('ok', 'owner', 'oc_member', 'rc_staff', 'street_office', 'supervisor'), 'ok'),
  row('GET', '/v1/compounds/{compoundId}/funds/units/{unitId}', '/v1/compounds/{A}/funds/units/1-1-102', 'another owner\u2019s (p2\u2019s) sub-account', only('ok', 'oc_member', 'rc_staff', 'street_office', 'supervisor'), 'ok'),
  row('GET', '/v1/compounds/{compoundId}/supervision', '/v1/compounds/{A}/supervision', 'the supervisory trace', only('ok', 'supervisor', 'street_office'), 'ok'),
  // Hiring
  row('GET', '/v1/tenders/{tenderId}', '/v1/tenders/{tender}', 'before the bid deadline: sealed, the number of bids only (no bidder, no terms)', every('ok'), 'ok'),
  // The log: public
  row('GET', '/v1/log/head', '/v1/log/head', 'signed tree head', 'public', 'ok'),
  row('GET', '/v1/keys', '/v1/keys', 'public keys', 'public', 'ok'),
];

/** The README section: one line per row, the callers grouped as in CALLERS. */
export function renderMatrix(rows: readonly MatrixRow[] = MATRIX): string {
  const short: Record<Cell, string> = { ok: '✓', passes: '○', '403': '403', '401': '401' };
  const lines = [
    '<!-- authz-matrix:begin (generated from tests/support/authzMatrix.ts by `UPDATE_README=1 npx tap tests/authz/matrix.test.ts`) -->',
    '',
    `✓ 2xx; ○ let through, then refused by the domain (4xx, nothing recorded); 403; 401. Roles on the compound concerned (the owner is p1), then the same roles on another compound (\`@B\`, every one 403 unless public), then broken tokens (no token, expired, signed with another key, \`alg: none\`, payload tampered: all 401 unless public).`,
    '',
    `| method | path | what | admin | ${ROLES.join(' | ')} | any role @B | broken tokens |`,
    `|---|---|---|---|${ROLES.map(() => '---').join('|')}|---|---|`,
  ];
  for (const r of rows) {
    const b = ROLES.map((role) => r.expect[`${role}@B`]);
    const broken = BROKEN.map((c) => r.expect[c]);
    const same = (xs: readonly Cell[]) => (xs.every((x) => x === xs[0]) ? short[xs[0]!] : xs.map((x) => short[x]).join(' '));
    const query = r.url.includes('?') ? r.url.slice(r.url.indexOf('?')) : '';
    lines.push(`| ${r.method} | \`${r.path}${query}\` | ${r.note} | ${short[r.expect.admin]} | ${ROLES.map((role) => short[r.expect[`${role}@A`]]).join(' | ')} | ${same(b)} | ${same(broken)} |`);
  }
  lines.push('', '<!-- authz-matrix:end -->');
  return lines.join('\n');
}
