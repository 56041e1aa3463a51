/**
 * The authorisation matrix as data (#17 item 3): endpoint × caller → the expected status class. One test
 * (tests/authz/matrix.test.ts) sends every cell to a real server and compares; the README's "Authorisation
 * matrix" section is rendered from this table (the same test checks that it is up to date; `UPDATE_README=1`
 * rewrites it).
 *
 * Cells: `ok` a 2xx; `passes` let through by authentication and authorisation, then refused by the domain
 * (a 4xx other than 401 / 403); `403`; `401`. A refused request must record nothing (checked); a write row is
 * aimed so that it is refused, or, where doing it again is harmless, is `ok`.
 * The world is tests/support/authzWorld.ts: compound A with a record of every kind a path names (`{motion}`,
 * `{contract}`, `{release}`, …), compound B alike. The test fails when the README's API table lists an endpoint
 * that has no row here (tests/support/readmeApi.ts parses it), or a row names one the README does not list.
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
/**
 * What a caller gets: `ok` a 2xx; `passes` let through, then refused by the domain with a 4xx other than 403
 * (nothing recorded); `403` refused by the route's grant check (`insufficient_grant`: the caller holds none of
 * the roles the endpoint names on the compound); `denied` a 403 from a finer check past it (the decider's own
 * entitlement, the caller's own record, the firm's agent: `not_entitled`, `not_firm_agent`); `401` no valid token.
 * Telling `403` from `denied` is what makes the matrix notice a route that lost its grant check while its
 * decider still refuses (#17: the guards' mutation check).
 */
export type Cell = 'ok' | 'passes' | '403' | 'denied' | '401';

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

/** The row with one caller's cell changed. */
const but = (r: MatrixRow, caller: Caller, cell: Cell): MatrixRow => ({ ...r, expect: { ...r.expect, [caller]: cell } });
/** The row with these callers' cells `denied` (the route lets them through, a finer check refuses them). */
const denied = (r: MatrixRow, ...callers: Caller[]): MatrixRow => callers.reduce((x, c) => but(x, c, 'denied'), r);
/** Every role on A the route lets through but the decider refuses, unless the row lets it further. */
const ALL_DENIED: Partial<Record<Role, Cell>> = every('denied');

const past = '2020-01-01T00:00:00.000Z';
const at = (iso: string) => iso; // instants in bodies are fixed: the world's clock stands at 2026-05-03
const ANY = every('ok');
const CONVENORS: Role[] = ['oc_member', 'rc_staff', 'street_office'];
const FUND_READERS: Role[] = ['oc_member', 'rc_staff', 'street_office', 'supervisor'];
const MEDIATORS: Role[] = ['rc_staff', 'party_committee', 'street_office'];
const RC: Role[] = ['rc_staff', 'street_office'];
const NO_RELEASE = '/v1/compounds/{A}/releases/no-such-release';
const terms = { feePerSquareMetreMonth: '1.50', servicePlanRef: 'plan', staffing: 10, promises: [] };

/**
 * Endpoints of the README the matrix does not hold yet (each needs a well-formed body on the seeded world). The
 * test requires this list to be exactly what is missing, so it can only shrink: a new endpoint comes with its rows.
 */
export const NOT_YET_IN_MATRIX: readonly string[] = [];

export const MATRIX: readonly MatrixRow[] = [
  // Service
  row('GET', '/health', '/health', 'status (details with any valid token)', 'public', 'ok'),
  row('GET', '/docs', '/docs/json', 'the OpenAPI document', 'public', 'ok'),
  // Registry
  row('POST', '/v1/compounds', '/v1/compounds', 'register (unknown jurisdiction: refused)', {}, 'passes', { name: '新小区', address: '某路 1 号', jurisdiction: 'atlantis' }),
  row('GET', '/v1/compounds/{compoundId}', '/v1/compounds/{A}', 'the compound', ANY, 'ok'),
  row('GET', '/v1/compounds/{compoundId}/units', '/v1/compounds/{A}/units', 'units with areas', ANY, 'ok'),
  row('GET', '/v1/compounds/{compoundId}/units', '/v1/compounds/{A}/units?include=owners&reason=matrix', 'owners\u2019 names (personal data; the read is recorded with its reason)', only('ok', 'oc_member', 'rc_staff', 'street_office', 'party_committee'), '403'),
  row('POST', '/v1/compounds/{compoundId}/personal-data/{personId}/erasure', '/v1/compounds/{A}/personal-data/p2/erasure', 'p2\u2019s data erased by someone else (still an owner: refused; not by another owner)', only('passes', 'oc_member'), 'passes'),
  row('GET', '/v1/compounds/{compoundId}/personal-data/reads', '/v1/compounds/{A}/personal-data/reads', 'the record of staff reads of personal data (without the data)', only('ok', 'supervisor'), 'ok'),
  row('GET', '/metrics', '/metrics', 'Prometheus metrics (METRICS_TOKEN or an admin)', {}, 'ok'),
  row('GET', '/v1/compounds/{compoundId}/export', '/v1/compounds/{A}/export', 'the signed, pseudonymised export', only('ok', 'oc_member', 'supervisor'), 'ok'),
  row('GET', '/v1/compounds/{compoundId}/electorate', '/v1/compounds/{A}/electorate', 'eligible area and heads', ANY, 'ok'),
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
  row('POST', '/v1/compounds/{compoundId}/motions', '/v1/compounds/{A}/motions', 'propose (a window in the past: refused)', only('passes', ...CONVENORS), '403', {
    title: '表决',
    description: '',
    matter: 'other_major',
    opensAt: past,
    closesAt: '2020-01-10T00:00:00.000Z',
  }),
  row('POST', '/v1/motions/{motionId}/notice', '/v1/motions/{motion}/notice', 'notice (already given: refused)', only('passes', ...CONVENORS), '403'),
  row('POST', '/v1/motions/{motionId}/open', '/v1/motions/{motion}/open', 'open (already open: refused)', only('passes', ...CONVENORS), '403'),
  row('POST', '/v1/motions/{motionId}/close', '/v1/motions/{motion}/close', 'close (too early: refused)', only('passes', ...CONVENORS), '403'),
  row('POST', '/v1/motions/{motionId}/cancel', '/v1/motions/{motion}/cancel', 'cancel (already open: refused)', only('passes', ...CONVENORS), '403', { reason: '撤回' }),
  row('POST', '/v1/motions/{motionId}/result', '/v1/motions/{motion}/result', 'preliminary result (still open: refused)', only('passes', ...CONVENORS), '403'),
  row('POST', '/v1/motions/{motionId}/deliveries', '/v1/motions/{motion}/deliveries', 'a delivery (unit not on the roll: refused)', only('passes', ...CONVENORS), '403', { unitId: '9-9-999', method: 'in_person', evidenceRef: '签收单' }),
  row('POST', '/v1/motions/{motionId}/objections', '/v1/motions/{motion}/objections', 'object (no window: refused)', only('passes', 'owner'), '403', { reason: '计票有误' }),
  row('GET', '/v1/motions/{motionId}/objections', '/v1/motions/{motion}/objections', 'objections (never who objected)', ANY, 'ok'),
  row('POST', '/v1/motions/{motionId}/objections/{objectionId}/answer', '/v1/motions/{motion}/objections/no-such/answer', 'answer (no such objection)', only('passes', ...CONVENORS), '403', { outcome: 'dismissed', reason: '无' }),
  row('POST', '/v1/motions/{motionId}/final', '/v1/motions/{motion}/final', 'final result (no preliminary: refused)', only('passes', ...CONVENORS), '403'),
  row('POST', '/v1/motions/{motionId}/mandates', '/v1/motions/{motion}/mandates', 'a proxy (unit not on the roll: refused)', only('passes', 'owner', 'oc_member', 'rc_staff'), '403', { unitId: '9-9-999', proxy: 'p9', mandateRef: '委托书 1', evidenceRef: '委托书原件' }),
  row('POST', '/v1/motions/{motionId}/ballots', '/v1/motions/{motion}/ballots', 'an electronic ballot for another owner\u2019s (p2\u2019s) unit', { owner: 'denied' }, '403', { unitId: '1-1-102', choice: 'for' }),
  row('POST', '/v1/motions/{motionId}/ballots', '/v1/motions/{motion}/ballots', 'a paper ballot for p2 (already cast: refused)', only('passes', 'oc_member', 'rc_staff'), '403', {
    unitId: '1-1-102',
    choice: 'for',
    channel: 'paper',
    evidenceRef: '纸质表决票 12 号',
    onBehalfOf: 'p2',
  }),
  row('GET', '/v1/motions/{motionId}', '/v1/motions/{motion}', 'the motion', ANY, 'ok'),
  row('GET', '/v1/motions/{motionId}/tally', '/v1/motions/{motion}/tally', 'totals only', ANY, 'ok'),
  row('GET', '/v1/motions/{motionId}/ballots', '/v1/motions/{motion}/ballots', 'how each unit voted (other owners\u2019 ballots)', only('ok', 'owner', 'oc_member', 'rc_staff', 'street_office', 'supervisor'), 'ok'),
  row('GET', '/v1/motions/{motionId}/ballots/{receipt}', '/v1/motions/{motion}/ballots/{receipt}', 'p2\u2019s ballot by its receipt', only('ok', 'owner', 'oc_member', 'rc_staff', 'street_office', 'supervisor'), 'ok'),
  row('GET', '/v1/compounds/{compoundId}/motions', '/v1/compounds/{A}/motions', 'the notice board', ANY, 'ok'),
  row('GET', '/v1/compounds/{compoundId}/deadlines', '/v1/compounds/{A}/deadlines', 'obligations', ANY, 'ok'),
  // Decisions and petitions
  row('GET', '/v1/compounds/{compoundId}/decisions', '/v1/compounds/{A}/decisions', 'the decisions', ANY, 'ok'),
  row('GET', '/v1/decisions/{decisionId}', '/v1/decisions/{decision}', 'one decision', ANY, 'ok'),
  row('POST', '/v1/decisions/{decisionId}/revoke', '/v1/decisions/{decision}/revoke', 'revoke (no document: refused)', only('passes', 'street_office'), 'passes', { authority: 'street_office', documentRef: ' ', reason: ' ' }),
  row('POST', '/v1/compounds/{compoundId}/petitions', '/v1/compounds/{A}/petitions', 'petition (empty purpose: refused)', only('passes', 'owner'), '403', { purpose: ' ' }),
  row('POST', '/v1/petitions/{petitionId}/signatures', '/v1/petitions/{petition}/signatures', 'p1 signs again (refused)', only('passes', 'owner'), '403', { unitId: '1-1-101' }),
  row('GET', '/v1/petitions/{petitionId}', '/v1/petitions/{petition}', 'signatures against the totals (never who signed)', ANY, 'ok'),
  // Funds
  row('POST', '/v1/compounds/{compoundId}/funds', '/v1/compounds/{A}/funds', 'open (already open: refused)', only('passes', 'oc_member', 'street_office'), 'passes', { ratePerSquareMetre: '120.50', evidenceRef: '杭房〔2026〕1号' }),
  row('POST', '/v1/compounds/{compoundId}/funds/deposits', '/v1/compounds/{A}/funds/deposits', 'the developer\u2019s first deposit again (refused)', only('passes', 'oc_member', 'street_office', 'developer'), 'passes', { unitId: '2-1-101', basis: 'first_deposit', evidence: ['slip'] }),
  row('POST', '/v1/compounds/{compoundId}/funds/income', '/v1/compounds/{A}/funds/income', 'public income', only('ok', 'oc_member'), 'ok', { contractId: 'no-such', amount: '100.00', evidence: ['收据'] }),
  row('POST', '/v1/compounds/{compoundId}/funds/income/to-fund', '/v1/compounds/{A}/funds/income/to-fund', 'income into the fund (more than there is: refused)', only('passes', 'oc_member'), 'passes', { amount: '999999.00', evidence: ['凭证'] }),
  row('POST', '/v1/compounds/{compoundId}/funds/transfers/{transferId}/reversal', '/v1/compounds/{A}/funds/transfers/no-such/reversal', 'reversal (no such transfer)', only('passes', 'oc_member'), 'passes', { reason: '错账', evidence: ['凭证'] }),
  row('POST', '/v1/compounds/{compoundId}/releases', '/v1/compounds/{A}/releases', 'a release on the firm\u2019s hiring decision (not a fund decision: refused)', only('passes', 'oc_member', 'property_firm'), 'passes', {
    decisionId: '{decision}',
    contractPrice: '1000.00',
    contractor: { name: '丙公司' },
    chargeScope: { kind: 'compound' },
    evidence: ['合同'],
  }),
  row('POST', '/v1/compounds/{compoundId}/releases/emergency', '/v1/compounds/{A}/releases/emergency', 'an emergency without its evidence kind (refused)', only('passes', 'property_firm', 'oc_member'), 'passes', {
    item: 'lift_failure',
    description: '电梯停运',
    evidence: [{ kind: 'photo', ref: '照片' }],
    estimate: '3000.00',
    contractor: { name: '丙电梯公司' },
    chargeScope: { kind: 'buildings', buildings: ['1'] },
  }),
  row('POST', '/v1/compounds/{compoundId}/releases/{releaseId}/review', `${NO_RELEASE}/review`, 'review (no such release)', only('passes', 'oc_member'), '403', { outcome: 'approved', reviewRef: '业委会决定' }),
  row('POST', '/v1/compounds/{compoundId}/releases/{releaseId}/confirmation', `${NO_RELEASE}/confirmation`, 'confirmation (no such release)', only('passes', 'street_office', 'rc_staff'), '403', { confirmationRef: '街道确认' }),
  row('POST', '/v1/compounds/{compoundId}/releases/{releaseId}/advance', `${NO_RELEASE}/advance`, 'advance (no such release)', only('passes', 'oc_member'), 'passes', { amount: '100.00', evidence: ['凭证'] }),
  row('POST', '/v1/compounds/{compoundId}/releases/{releaseId}/acceptance', `${NO_RELEASE}/acceptance`, 'acceptance (no such release)', only('passes', 'oc_member'), 'passes', { acceptanceRef: '验收单' }),
  row('POST', '/v1/compounds/{compoundId}/releases/{releaseId}/audit', `${NO_RELEASE}/audit`, 'audit (no such release)', only('passes', 'oc_member'), 'passes', { auditedAmount: '100.00', auditRef: '审计报告' }),
  row('POST', '/v1/compounds/{compoundId}/releases/{releaseId}/audit-waiver', `${NO_RELEASE}/audit-waiver`, 'audit waiver (no such release)', only('passes', 'oc_member'), 'passes', { amount: '100.00', approvalRef: '批准' }),
  row('POST', '/v1/compounds/{compoundId}/releases/{releaseId}/settlement', `${NO_RELEASE}/settlement`, 'settlement (no such release)', only('passes', 'oc_member'), 'passes', { evidence: ['结算单'] }),
  row('POST', '/v1/compounds/{compoundId}/releases/{releaseId}/void', `${NO_RELEASE}/void`, 'void (no such release)', only('passes', 'oc_member'), 'passes', { reason: '作废' }),
  row('POST', '/v1/compounds/{compoundId}/releases/{releaseId}/post-hoc-review', `${NO_RELEASE}/post-hoc-review`, 'post-hoc review (no such release)', only('passes', 'street_office', 'rc_staff', 'oc_member'), 'denied', { reviewRef: '复核', findings: '无' }),
  row('GET', '/v1/compounds/{compoundId}/funds', '/v1/compounds/{A}/funds', 'both ledgers', only('ok', ...FUND_READERS), 'ok'),
  row('GET', '/v1/compounds/{compoundId}/funds/units/{unitId}', '/v1/compounds/{A}/funds/units/1-1-101', 'p1\u2019s own sub-account', { ...only('ok', 'owner', ...FUND_READERS), developer: 'denied' }, 'ok'),
  row('GET', '/v1/compounds/{compoundId}/funds/units/{unitId}', '/v1/compounds/{A}/funds/units/1-1-102', 'another owner\u2019s (p2\u2019s) sub-account', { ...only('ok', ...FUND_READERS), owner: 'denied', developer: 'denied' }, 'ok'),
  row('GET', '/v1/compounds/{compoundId}/funds/units/{unitId}', '/v1/compounds/{A}/funds/units/2-1-101', 'the developer\u2019s unit\u2019s sub-account', { ...only('ok', 'developer', ...FUND_READERS), owner: 'denied' }, 'ok'),
  row('POST', '/v1/compounds/{compoundId}/funds/disclosures', '/v1/compounds/{A}/funds/disclosures', 'the year\u2019s statement (the year not ended: refused)', only('passes', 'oc_member'), 'passes', { ledger: 'maintenance', period: '2026' }),
  row('GET', '/v1/compounds/{compoundId}/funds/disclosures', '/v1/compounds/{A}/funds/disclosures', 'the posted statements (amounts only)', ANY, 'ok'),
  row('GET', '/v1/compounds/{compoundId}/releases/{releaseId}', '/v1/compounds/{A}/releases/{release}', 'an emergency release', only('ok', 'owner', 'property_firm', ...FUND_READERS), 'ok'),
  // Supervision
  row('POST', '/v1/compounds/{compoundId}/supervisory-board', '/v1/compounds/{A}/supervisory-board', 'establish (no such decision: refused)', only('passes', ...CONVENORS), 'passes', {
    decisionId: 'no-such',
    members: [{ personId: 's1', name: '监事甲' }],
    termYears: 3,
    ocMembers: ['p-oc'],
  }),
  row('POST', '/v1/compounds/{compoundId}/audit-opinions', '/v1/compounds/{A}/audit-opinions', 'an opinion (no board: refused)', only('passes', 'supervisor'), '403', { subject: { kind: 'release', id: '{release}' }, opinion: '无异议', evidence: ['审查记录'] }),
  row('POST', '/v1/compounds/{compoundId}/relationships', '/v1/compounds/{A}/relationships', 'the caller declares their own tie to a contractor', only('ok', 'oc_member', 'supervisor'), '403', { related: { kind: 'organisation', name: '丙电梯公司' }, relation: 'employment', note: '' }),
  row('POST', '/v1/compounds/{compoundId}/supervisory-board/meetings', '/v1/compounds/{A}/supervisory-board/meetings', 'a board meeting (no board: refused)', only('passes', 'supervisor'), '403', { heldOn: '2026-04-01', minutesRef: '会议纪要' }),
  row('GET', '/v1/compounds/{compoundId}/supervision', '/v1/compounds/{A}/supervision', 'the supervisory trace', only('ok', 'supervisor', 'street_office'), 'ok'),
  // Hiring
  row('POST', '/v1/compounds/{compoundId}/firms', '/v1/compounds/{A}/firms', 'register X again (refused)', only('passes', 'property_firm'), 'passes', { name: 'X物业', creditCode: '{firmX}' }),
  row('POST', '/v1/compounds/{compoundId}/tenders', '/v1/compounds/{A}/tenders', 'a tender whose weights sum to 90 (refused)', only('passes', ...CONVENORS), '403', {
    title: '物业选聘',
    scope: '全区',
    standards: '二级',
    feeCeiling: '2.00',
    termMonths: 12,
    bidDeadline: at('2026-06-01T00:00:00.000Z'),
    criteria: [{ criterionId: 'price', name: '报价', weight: 90 }],
    holdBackPercent: 10,
  }),
  row('POST', '/v1/tenders/{tenderId}/bids', '/v1/tenders/{tender}/bids', 'X bids again (refused)', only('passes', 'property_firm'), '403', { firmId: '{firmX}', commitment: 'c'.repeat(64) }),
  row('POST', '/v1/tenders/{tenderId}/bids/{firmId}/reveal', '/v1/tenders/{tender}/bids/{firmX}/reveal', 'reveal before the deadline (refused)', only('passes', 'property_firm'), '403', { terms, salt: 'salt-0123456789abcdef' }),
  row('POST', '/v1/tenders/{tenderId}/declarations', '/v1/tenders/{tender}/declarations', 'each evaluator declares (while sealed)', only('ok', ...CONVENORS, 'supervisor'), '403', { conflicts: ['91330106MA0Z000011'] }),
  row('POST', '/v1/tenders/{tenderId}/scores', '/v1/tenders/{tender}/scores', 'a score while sealed (refused)', only('passes', ...CONVENORS, 'supervisor'), '403', { firmId: '{firmX}', scores: { price: 90 } }),
  row('POST', '/v1/tenders/{tenderId}/motion', '/v1/tenders/{tender}/motion', 'the owners\u2019 choice while sealed (refused)', only('passes', ...CONVENORS), '403', { opensAt: at('2026-06-01T00:00:00.000Z'), closesAt: at('2026-06-10T00:00:00.000Z') }),
  row('GET', '/v1/tenders/{tenderId}', '/v1/tenders/{tender}', 'before the bid deadline: sealed, the number of bids only (no bidder, no terms)', ANY, 'ok'),
  row('POST', '/v1/contracts/{contractId}/sign', '/v1/contracts/{contract}/sign', 'sign (already signed: refused)', only('passes', 'oc_member'), '403', { startsOn: '2026-05-03', documentRef: '合同 2' }),
  row('POST', '/v1/contracts/{contractId}/manager-report', '/v1/contracts/{contract}/manager-report', 'manager reported (already: refused)', only('passes', 'property_firm'), '403', { reference: '报到 2' }),
  row('POST', '/v1/contracts/{contractId}/assessments', '/v1/contracts/{contract}/assessments', 'a quarter not in the term (refused)', only('passes', 'oc_member'), '403', { period: 99, items: [{ itemId: 'cleaning', score: 90 }] }),
  row('POST', '/v1/contracts/{contractId}/assessments/{period}/confirm', '/v1/contracts/{contract}/assessments/1/confirm', 'countersign (no assessment yet)', only('passes', 'rc_staff'), '403'),
  row('POST', '/v1/contracts/{contractId}/rectifications', '/v1/contracts/{contract}/rectifications', 'rectification (no card: refused)', only('passes', 'property_firm'), '403', { period: 1, reference: '整改报告' }),
  row('POST', '/v1/contracts/{contractId}/renewal-decision', '/v1/contracts/{contract}/renewal-decision', 'renewal (no such decision: refused)', only('passes', 'oc_member'), '403', { decisionId: 'no-such' }),
  row('POST', '/v1/contracts/{contractId}/non-renewal-notice', '/v1/contracts/{contract}/non-renewal-notice', 'notice (empty reference: refused)', only('passes', 'property_firm'), '403', { documentRef: ' ' }),
  row('POST', '/v1/contracts/{contractId}/dismissal', '/v1/contracts/{contract}/dismissal', 'dismissal on the hiring decision (refused)', only('passes', 'oc_member'), '403', { decisionId: '{decision}', documentRef: '解聘通知书' }),
  row('POST', '/v1/contracts/{contractId}/handover/{item}', '/v1/contracts/{contract}/handover/records', 'handover (not started: refused)', only('passes', 'oc_member'), '403', { evidenceRef: '移交单' }),
  row('POST', '/v1/contracts/{contractId}/takeover', '/v1/contracts/{contract}/takeover', 'takeover (no handover: refused)', only('passes', 'oc_member'), '403', { successor: 'Y物业' }),
  row('POST', '/v1/contracts/{contractId}/complaints', '/v1/contracts/{contract}/complaints', 'a complaint (empty subject: refused)', only('passes', 'owner', 'oc_member', 'rc_staff'), '403', { subject: ' ' }),
  row('POST', '/v1/contracts/{contractId}/complaints/{complaintId}/answer', '/v1/contracts/{contract}/complaints/{complaint}/answer', 'answer (already: refused)', only('passes', 'property_firm'), '403', { answer: '再答' }),
  row('POST', '/v1/contracts/{contractId}/disclosures', '/v1/contracts/{contract}/disclosures', 'disclosures (no kinds: refused)', only('passes', 'property_firm'), '403', { period: 2, kinds: [], reference: '公示' }),
  row('POST', '/v1/contracts/{contractId}/fee-adjustments', '/v1/contracts/{contract}/fee-adjustments', 'the same plan again (refused)', only('passes', 'property_firm'), '403', { adjustmentId: 'adj-1', proposedFee: '1.80', auditReportRef: '审计报告', range: '全体', reasons: '成本' }),
  row('POST', '/v1/fee-adjustments/{adjustmentId}/post', '/v1/fee-adjustments/{adjustment}/post', 'post (already posted: refused)', only('passes', ...CONVENORS), '403'),
  row('POST', '/v1/fee-adjustments/{adjustmentId}/motion', '/v1/fee-adjustments/{adjustment}/motion', 'the motion (posting running: refused)', only('passes', ...CONVENORS), '403', { opensAt: at('2026-06-01T00:00:00.000Z'), closesAt: at('2026-06-10T00:00:00.000Z') }),
  row('GET', '/v1/fee-adjustments/{adjustmentId}', '/v1/fee-adjustments/{adjustment}', 'the plan and its posting', ANY, 'ok'),
  row('POST', '/v1/contracts/{contractId}/surveys', '/v1/contracts/{contract}/surveys', 'the same survey again (refused)', only('passes', ...CONVENORS), '403', { surveyId: '{survey}', title: '测评', questions: [{ questionId: 'q1', text: '满意度' }], closesAt: at('2026-07-01T00:00:00.000Z') }),
  row('POST', '/v1/surveys/{surveyId}/responses', '/v1/surveys/{survey}/responses', 'p1 answers again (refused)', only('passes', 'owner'), '403', { answers: { q1: 5 } }),
  row('GET', '/v1/surveys/{surveyId}', '/v1/surveys/{survey}', 'the results', ANY, 'ok'),
  row('GET', '/v1/contracts/{contractId}', '/v1/contracts/{contract}', 'the contract', ANY, 'ok'),
  row('GET', '/v1/compounds/{compoundId}/property-firm', '/v1/compounds/{A}/property-firm', 'the firm, contracts and tenders', ANY, 'ok'),
  // Residents
  row('POST', '/v1/compounds/{compoundId}/residents/roll', '/v1/compounds/{A}/residents/roll', 'the roll (a household twice: refused)', only('passes', ...RC), 'denied', { households: [{ householdId: 'h1', adults: 1, group: 'g1' }, { householdId: 'h1', adults: 1, group: 'g1' }] }),
  row('POST', '/v1/compounds/{compoundId}/residents/representatives', '/v1/compounds/{A}/residents/representatives', 'representatives (no such group: refused)', only('passes', ...RC), 'denied', { group: 'no-such', representatives: [{ representativeId: 'r1', households: 1 }], evidenceRef: '推选记录' }),
  row('GET', '/v1/compounds/{compoundId}/residents/roll', '/v1/compounds/{A}/residents/roll', 'totals, no names', ANY, 'ok'),
  row('POST', '/v1/compounds/{compoundId}/residents/meetings', '/v1/compounds/{A}/residents/meetings', 'convene (no constituency: refused)', only('passes', ...RC), 'denied', { kind: 'residents_meeting', agenda: [{ itemId: 'x', title: '议题' }], heldAt: at('2026-06-01T00:00:00.000Z') }),
  row('POST', '/v1/residents/meetings/{meetingId}/attendance', '/v1/residents/meetings/{residentsMeeting}/attendance', 'attendance (more than the members: refused)', only('passes', ...RC), 'denied', { present: 1000, evidenceRef: '签到表' }),
  row('POST', '/v1/residents/meetings/{meetingId}/items/{itemId}/count', '/v1/residents/meetings/{residentsMeeting}/items/lift/count', 'count (no attendance: refused)', only('passes', ...RC), 'denied', { inFavour: 1, against: 0, abstain: 0 }),
  row('POST', '/v1/residents/meetings/{meetingId}/items/{itemId}/votes', '/v1/residents/meetings/{residentsMeeting}/items/lift/votes', 'a representative\u2019s vote at a residents\u2019 meeting (refused)', only('passes', ...RC), 'denied', { representativeId: 'r1', choice: 'for' }),
  row('POST', '/v1/residents/meetings/{meetingId}/items/{itemId}/close', '/v1/residents/meetings/{residentsMeeting}/items/lift/close', 'close a residents\u2019 meeting item (refused)', only('passes', ...RC), 'denied'),
  row('GET', '/v1/compounds/{compoundId}/residents/meetings', '/v1/compounds/{A}/residents/meetings', 'meetings as counts', ANY, 'ok'),
  row('GET', '/v1/residents/meetings/{meetingId}', '/v1/residents/meetings/{residentsMeeting}', 'one meeting', ANY, 'ok'),
  row('POST', '/v1/compounds/{compoundId}/residents/requests', '/v1/compounds/{A}/residents/requests', 'a request (empty purpose: refused)', only('passes', ...RC), 'denied', { purpose: ' ' }),
  row('POST', '/v1/residents/requests/{requestId}/signatures', '/v1/residents/requests/{residentsRequest}/signatures', 'h1 signs again (refused)', only('passes', ...RC), 'denied', { householdId: 'h1', evidenceRef: '联名书' }),
  row('GET', '/v1/residents/requests/{requestId}', '/v1/residents/requests/{residentsRequest}', 'signatures against the roll', ANY, 'ok'),
  // Disputes
  row('POST', '/v1/compounds/{compoundId}/disputes', '/v1/compounds/{A}/disputes', 'file', only('ok', 'owner', 'oc_member', 'property_firm', 'rc_staff'), '403', { category: 'fees', respondents: ['firm'], description: '物业费' }),
  row('POST', '/v1/disputes/{disputeId}/mediation', '/v1/disputes/{mediated}/mediation', 'start (already started: refused)', only('passes', ...MEDIATORS), 'denied', { mediator: 'street_office' }),
  row('POST', '/v1/disputes/{disputeId}/sessions', '/v1/disputes/{dispute}/sessions', 'a session (not started: refused)', only('passes', ...MEDIATORS), 'denied', { summary: '陈述' }),
  row('POST', '/v1/disputes/{disputeId}/extension', '/v1/disputes/{dispute}/extension', 'extend (not started: refused)', only('passes', ...MEDIATORS), 'denied', { days: 10, consentRef: '同意书' }),
  row('POST', '/v1/disputes/{disputeId}/agreement', '/v1/disputes/{dispute}/agreement', 'agreement (not started: refused)', only('passes', ...MEDIATORS), 'denied', { terms: '和解' }),
  row('POST', '/v1/disputes/{disputeId}/refusal', '/v1/disputes/{dispute}/refusal', 'refusal by one who is not a party (refused)', only('passes', ...MEDIATORS), 'denied', { party: 'rc' }),
  row('POST', '/v1/disputes/{disputeId}/failure', '/v1/disputes/{dispute}/failure', 'failure (not started: refused)', only('passes', ...MEDIATORS), 'denied', { routesTold: ['judicial'] }),
  row('POST', '/v1/disputes/{disputeId}/confirmation', '/v1/disputes/{dispute}/confirmation', 'confirmation (no agreement: refused)', only('passes', ...MEDIATORS), 'denied', { court: '西湖区法院', reference: '确认书' }),
  row('GET', '/v1/compounds/{compoundId}/disputes', '/v1/compounds/{A}/disputes', 'statistics, no personal data', ANY, 'ok'),
  row('GET', '/v1/compounds/{compoundId}/disputed/{type}/{recordId}', '/v1/compounds/{A}/disputed/ballot/{receipt}', 'whether a ballot is under dispute', ANY, 'ok'),
  // Three parties
  row('POST', '/v1/compounds/{compoundId}/joint-meetings', '/v1/compounds/{A}/joint-meetings', 'convene (notice too short: refused)', { ...ALL_DENIED, ...only('passes', 'party_committee', 'rc_staff', 'street_office') }, 'denied', { invited: ['rc'], agenda: [{ itemId: 'x', title: '议题' }], heldAt: at('2026-05-03T04:00:00.000Z') }),
  row('POST', '/v1/joint-meetings/{meetingId}/attendance', '/v1/joint-meetings/{joint}/attendance', 'attendance (an uninvited party: refused)', { ...ALL_DENIED, ...only('passes', 'party_committee', 'rc_staff', 'street_office') }, 'denied', { present: ['police_station'] }),
  row('POST', '/v1/joint-meetings/{meetingId}/resolutions', '/v1/joint-meetings/{joint}/resolutions', 'a resolution (no attendance: refused)', { ...ALL_DENIED, ...only('passes', 'party_committee', 'rc_staff', 'street_office') }, 'denied', { text: '决议', agreedBy: ['rc'] }),
  row('POST', '/v1/joint-meetings/{meetingId}/tasks', '/v1/joint-meetings/{joint}/tasks', 'a task (no such resolution: refused)', { ...ALL_DENIED, ...only('passes', 'party_committee', 'rc_staff', 'street_office') }, 'denied', { resolutionId: 'no-such', party: 'firm', description: '任务', dueAt: at('2026-06-01T00:00:00.000Z') }),
  row('POST', '/v1/joint-meetings/{meetingId}/results', '/v1/joint-meetings/{joint}/results', 'results (already published: refused)', { ...ALL_DENIED, ...only('passes', 'party_committee', 'rc_staff', 'street_office') }, 'denied'),
  row('POST', '/v1/joint-meetings/{meetingId}/tasks/{taskId}/close', '/v1/joint-meetings/{joint}/tasks/no-such/close', 'close a task (no such task)', every('passes'), 'passes', { outcome: '完成', evidenceRef: '照片' }),
  row('POST', '/v1/joint-meetings/{meetingId}/tasks/{taskId}/rating', '/v1/joint-meetings/{joint}/tasks/no-such/rating', 'rate a task (no such task)', every('passes'), 'passes', { satisfaction: 4 }),
  row('GET', '/v1/compounds/{compoundId}/joint-meetings', '/v1/compounds/{A}/joint-meetings', 'meetings, resolutions, tasks', ANY, 'ok'),
  row('POST', '/v1/compounds/{compoundId}/requests', '/v1/compounds/{A}/requests', 'a request (empty description: refused)', { ...ALL_DENIED, ...only('passes', 'owner', 'rc_staff') }, 'denied', { category: '路灯', description: ' ' }),
  row('POST', '/v1/requests/{requestId}/dispatch', '/v1/requests/{request}/dispatch', 'dispatch (due in the past: refused)', { ...ALL_DENIED, ...only('passes', 'rc_staff', 'party_committee', 'street_office') }, 'denied', { party: 'firm', dueAt: past }),
  row('POST', '/v1/requests/{requestId}/accept', '/v1/requests/{request}/accept', 'accept (not dispatched: refused)', every('passes'), 'passes'),
  row('POST', '/v1/requests/{requestId}/decline', '/v1/requests/{request}/decline', 'decline (not dispatched: refused)', every('passes'), 'passes', { reason: '不属于' }),
  row('POST', '/v1/requests/{requestId}/progress', '/v1/requests/{request}/progress', 'progress (not accepted: refused)', every('passes'), 'passes', { note: '处理中' }),
  row('POST', '/v1/requests/{requestId}/complete', '/v1/requests/{request}/complete', 'complete (not accepted: refused)', every('passes'), 'passes', { evidenceRef: '照片' }),
  row('POST', '/v1/requests/{requestId}/rating', '/v1/requests/{request}/rating', 'rate (not completed: refused before who raised it is checked)', every('passes'), 'passes', { satisfaction: 5 }),
  row('GET', '/v1/compounds/{compoundId}/requests', '/v1/compounds/{A}/requests', 'requests (never who raised them)', ANY, 'ok'),
  row('GET', '/v1/compounds/{compoundId}/scores', '/v1/compounds/{A}/scores?from=2026-01-01T00:00:00.000Z&to=2026-04-01T00:00:00.000Z', 'each party\u2019s score', ANY, 'ok'),
  // The owners' committee
  row('POST', '/v1/compounds/{compoundId}/committee/group', '/v1/compounds/{A}/committee/group', 'form the group (already formed: refused)', only('passes', 'street_office'), '403', { members: [{ memberId: 'g1', name: '李街道', kind: 'street_office' }], leaderMemberId: 'g1' }),
  row('POST', '/v1/compounds/{compoundId}/committee/group/posting', '/v1/compounds/{A}/committee/group/posting', 'post the list (already posted: refused)', only('passes', 'street_office', 'rc_staff'), '403'),
  row('POST', '/v1/compounds/{compoundId}/committee/elections', '/v1/compounds/{A}/committee/elections', 'open an election (one is open: refused)', only('passes', 'street_office', 'rc_staff', 'oc_member'), '403', { seats: 3, termYears: 5 }),
  row('POST', '/v1/compounds/{compoundId}/committee/elections/{electionId}/nominations', '/v1/compounds/{A}/committee/elections/{election}/nominations', 'p1 nominates themself (route self: the owner only; recorded ineligible)', { owner: 'ok', rc_staff: 'denied', party_committee: 'denied' }, '403', { name: '候选人', personId: 'p1', route: 'self', declarations: {} }),
  row('POST', '/v1/compounds/{compoundId}/committee/elections/{electionId}/candidates/{candidateId}/vetting', '/v1/compounds/{A}/committee/elections/{election}/candidates/no-such/vetting', 'vetting (no such candidate)', only('passes', 'party_committee', 'street_office'), '403', { outcome: 'approved', reason: '符合' }),
  row('POST', '/v1/compounds/{compoundId}/committee/elections/{electionId}/posting', '/v1/compounds/{A}/committee/elections/{election}/posting', 'post candidates (none: refused)', only('passes', 'street_office', 'rc_staff', 'oc_member'), '403'),
  row('POST', '/v1/compounds/{compoundId}/committee/elections/{electionId}/motion', '/v1/compounds/{A}/committee/elections/{election}/motion', 'call the vote (not posted: refused)', only('passes', 'street_office', 'rc_staff', 'oc_member'), '403', { opensAt: at('2026-06-01T00:00:00.000Z'), closesAt: at('2026-06-10T00:00:00.000Z') }),
  row('POST', '/v1/compounds/{compoundId}/committee/officers', '/v1/compounds/{A}/committee/officers', 'officers (no committee: refused)', only('passes', 'oc_member'), '403', { chair: 'm1', viceChairs: ['m2'], present: ['m1', 'm2'], votes: { m1: 2, m2: 2 } }),
  row('POST', '/v1/compounds/{compoundId}/committee/filing', '/v1/compounds/{A}/committee/filing', 'filing (no committee: refused)', only('passes', 'street_office'), '403', { certificateRef: '备案证明', authority: '街道' }),
  row('POST', '/v1/compounds/{compoundId}/committee/meetings', '/v1/compounds/{A}/committee/meetings', 'a meeting (no committee: refused)', only('passes', 'oc_member'), '403', { meetingId: 'm-1', present: ['m1'], items: [{ itemId: 'i1', title: '议题', inFavour: ['m1'] }] }),
  row('POST', '/v1/compounds/{compoundId}/committee/meetings/{meetingId}/publication', '/v1/compounds/{A}/committee/meetings/no-such/publication', 'publish (no such meeting)', only('passes', 'oc_member'), '403'),
  row('POST', '/v1/compounds/{compoundId}/committee/reelection-report', '/v1/compounds/{A}/committee/reelection-report', 'the re-election report (no committee seated: refused)', only('passes', 'oc_member'), '403'),
  row('POST', '/v1/compounds/{compoundId}/committee/reelection-group', '/v1/compounds/{A}/committee/reelection-group', 'the re-election group (no committee seated: refused)', only('passes', 'street_office'), '403', { members: [{ memberId: 'r1', name: '王街道', kind: 'street_office' }], leaderMemberId: 'r1' }),
  row('POST', '/v1/compounds/{compoundId}/committee/handover', '/v1/compounds/{A}/committee/handover', 'the handover (no term: refused)', only('passes', 'oc_member', 'street_office', 'rc_staff'), '403', { to: '新一届业主委员会', items: ['印章', '档案'], evidenceRef: '移交清单' }),
  row('POST', '/v1/compounds/{compoundId}/committee/removals', '/v1/compounds/{A}/committee/removals', 'a removal proposed by members (no committee seated: refused)', only('passes', 'oc_member'), '403', { memberId: 'm1', grounds: '长期缺席', evidenceRef: '书面提议', proposedBy: 'members', members: ['m2', 'm3'] }),
  row('POST', '/v1/compounds/{compoundId}/committee/removals', '/v1/compounds/{A}/committee/removals', 'a removal proposed by owners (no committee seated: refused)', only('passes', 'owner'), '403', { memberId: 'm1', grounds: '长期缺席', evidenceRef: '业主联名书', proposedBy: 'owners', units: ['1-1-101', '1-1-102'] }),
  row('POST', '/v1/compounds/{compoundId}/committee/removals/{removalId}/answer', '/v1/compounds/{A}/committee/removals/no-such/answer', 'the member\u2019s answer (no such removal)', only('passes', 'oc_member', 'owner'), '403', { answer: '申辩' }),
  row('POST', '/v1/compounds/{compoundId}/committee/removals/{removalId}/motion', '/v1/compounds/{A}/committee/removals/no-such/motion', 'put a removal to the owners (no such removal)', only('passes', 'street_office', 'rc_staff', 'oc_member'), '403', { opensAt: at('2026-08-01T00:00:00.000Z'), closesAt: at('2026-08-10T00:00:00.000Z') }),
  // polish: leaving without a vote (京条例 Art. 46 para. 1)
  row('POST', '/v1/compounds/{compoundId}/committee/members/{memberId}/resignation', '/v1/compounds/{A}/committee/members/m1/resignation', 'a resignation (no committee seated: refused)', only('passes', 'oc_member', 'owner'), '403', { letterRef: '辞职信' }),
  row('POST', '/v1/compounds/{compoundId}/committee/members/{memberId}/incapacity', '/v1/compounds/{A}/committee/members/m1/incapacity', 'unable to serve (no committee seated: refused)', only('passes', 'oc_member', 'street_office'), '403', { occurredOn: '2026-04-01', evidenceRef: '诊断证明' }),
  row('POST', '/v1/compounds/{compoundId}/committee/meetings/{meetingId}/notice', '/v1/compounds/{A}/committee/meetings/m-2/notice', 'convene a meeting (no committee seated: refused)', only('passes', 'oc_member'), '403', { agenda: ['议题'], heldAt: at('2026-08-01T00:00:00.000Z') }),
  row('POST', '/v1/compounds/{compoundId}/committee/meeting-demands', '/v1/compounds/{A}/committee/meeting-demands', 'a third of the members demand a meeting (no committee seated: refused)', only('passes', 'oc_member'), '403', { members: ['m1', 'm2'], agenda: '议题' }),
  row('POST', '/v1/compounds/{compoundId}/committee/seal-uses', '/v1/compounds/{A}/committee/seal-uses', 'a use of the seal (no committee seated: refused)', only('passes', 'oc_member'), '403', { useId: 'u1', purpose: '盖章', documentRef: '合同', signedBy: ['m1'] }),
  row('GET', '/v1/compounds/{compoundId}/committee', '/v1/compounds/{A}/committee', 'the committee on the board', ANY, 'ok'),
  // committee (#12): the bodies acting where there is no OC (compound A is in Hangzhou and has no acting body)
  row('POST', '/v1/compounds/{compoundId}/committee/property-management-committee', '/v1/compounds/{A}/committee/property-management-committee', 'form a property-management committee (3 members, Hangzhou needs 7–11: refused)', only('passes', 'street_office'), '403', { members: [{ memberId: 'q1', name: '李街道', kind: 'street_office' }, { memberId: 'q2', name: '王居委', kind: 'residents_committee' }, { memberId: 'q3', name: '赵业主', kind: 'owner_representative' }], chairMemberId: 'q1', termYears: 2, grounds: '未能选举业主委员会' }),
  row('POST', '/v1/compounds/{compoundId}/committee/property-management-committee/dissolution', '/v1/compounds/{A}/committee/property-management-committee/dissolution', 'dissolve it (none formed: refused)', only('passes', 'street_office'), '403', { reason: '业主委员会已备案' }),
  row('POST', '/v1/compounds/{compoundId}/committee/residents-committee-acting', '/v1/compounds/{A}/committee/residents-committee-acting', 'the RC acting for the OC (not in Hangzhou: refused)', only('passes', 'street_office'), '403', { reason: '未能选举业主委员会' }),
  row('POST', '/v1/compounds/{compoundId}/committee/acting-body/motions', '/v1/compounds/{A}/committee/acting-body/motions', 'an owners\u2019 decision convened by the acting body (none: refused)', only('passes', 'rc_staff', 'street_office'), '403', { title: '选聘物业', matter: 'hire_or_dismiss_firm', opensAt: at('2026-06-01T00:00:00.000Z'), closesAt: at('2026-06-08T00:00:00.000Z') }),
  row('GET', '/v1/compounds/{compoundId}/committee/acting-body', '/v1/compounds/{A}/committee/acting-body', 'the body in charge where there is no OC (none: 404)', every('passes'), 'passes'),
  row('GET', '/v1/compounds/{compoundId}/committee/elections/{electionId}', '/v1/compounds/{A}/committee/elections/{election}', 'an election (never a person id)', ANY, 'ok'),
  // Admin, the log, the notice board
  row('GET', '/v1/admin/clock', '/v1/admin/clock', 'read the clock', 'public', 'ok'),
  row('POST', '/v1/admin/clock', '/v1/admin/clock', 'move the clock back (refused)', {}, 'passes', { now: '2026-01-01T00:00:00.000Z' }),
  // trust17: token revocation (an unused jti: the admin's own tokens keep working)
  row('POST', '/v1/admin/token-revocations', '/v1/admin/token-revocations', 'revoke a token by jti (one nobody holds)', {}, 'ok', { jti: 'matrix-unused-jti', reason: 'matrix' }),
  row('GET', '/v1/log/head', '/v1/log/head', 'signed tree head', 'public', 'ok'),
  row('GET', '/v1/keys', '/v1/keys', 'public keys', 'public', 'ok'),
  row('POST', '/v1/compounds/{compoundId}/board', '/v1/compounds/{A}/board', 'make it private (unchanged: refused)', only('passes', ...CONVENORS), 'passes', { public: false }),
  but(row('GET', '/v1/compounds/{compoundId}/board', '/v1/compounds/{A}/board', 'the board\u2019s setting (private board: 404 without a token)', ANY, 'ok'), 'no token', 'passes'),
  but(row('GET', '/board/{compoundId}', '/board/{A}', 'the board page (private board: 404 without a token)', ANY, 'ok'), 'no token', 'passes'),
  but(row('GET', '/board/{compoundId}/firm', '/board/{A}/firm', 'the firm\u2019s page (private board: 404 without a token)', ANY, 'ok'), 'no token', 'passes'),
  but(row('GET', '/board/{compoundId}/community', '/board/{A}/community', 'the three parties\u2019 page (private board: 404 without a token)', ANY, 'ok'), 'no token', 'passes'),
  // pages16: the funds' and the committee's pages
  but(row('GET', '/board/{compoundId}/funds', '/board/{A}/funds', 'the funds\u2019 page (private board: 404 without a token)', ANY, 'ok'), 'no token', 'passes'),
  but(row('GET', '/board/{compoundId}/committee', '/board/{A}/committee', 'the committee\u2019s page (private board: 404 without a token)', ANY, 'ok'), 'no token', 'passes'),
  but(row('GET', '/board/{compoundId}/motions/{motionId}', '/board/{A}/motions/{motion}', 'a motion\u2019s page (private board: 404 without a token)', ANY, 'ok'), 'no token', 'passes'),
  // Personal data, kept LAST (new rows go above): p1's own request erases p1's names in compound A for good, so
  // every row after it would see 已删除. The person asks as themself (token sub = personId, PIPL Art. 47) at any
  // time and whatever their grants: p1 with a grant on B only is still p1 (then: already erased). The OC and an
  // admin are let through to the domain, which refuses while p1 owns a unit or once the data is gone.
  but(
    row('POST', '/v1/compounds/{compoundId}/personal-data/{personId}/erasure', '/v1/compounds/{A}/personal-data/p1/erasure', 'p1 asks for their own data to be erased (PIPL Art. 47: at any time; then already erased)', { owner: 'ok', oc_member: 'passes' }, 'passes'),
    'owner@B',
    'passes',
  ),
];

/** The README section: one line per row, the callers grouped as in CALLERS. */
export function renderMatrix(rows: readonly MatrixRow[] = MATRIX): string {
  const short: Record<Cell, string> = { ok: '✓', passes: '○', '403': '403', denied: '✗', '401': '401' };
  const lines = [
    '<!-- authz-matrix:begin (generated from tests/support/authzMatrix.ts by `UPDATE_README=1 npx tap tests/authz/matrix.test.ts`) -->',
    '',
    `✓ 2xx; ○ let through, then refused by the domain (4xx other than 403, nothing recorded); 403 refused by the route\u2019s grant check (\`insufficient_grant\`); ✗ let through by the grant check, refused 403 by a finer one (the decider\u2019s own entitlement, the caller\u2019s own record, the firm\u2019s agent: \`not_entitled\`, \`not_firm_agent\`); 401. Roles on the compound concerned (the owner is p1), then the same roles on another compound (\`@B\`, every one 403 unless public), then broken tokens (no token, expired, signed with another key, \`alg: none\`, payload tampered: all 401 unless public).`,
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
