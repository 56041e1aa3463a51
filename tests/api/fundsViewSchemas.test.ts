/**
 * The funds' and the supervisory trace's response schemas (services/funds/viewSchemas.ts,
 * services/supervision/viewSchemas.ts) drop nothing and refuse nothing: on a rich state — a release on a
 * decision settled, emergencies settled with their post-hoc review, rejected, voided with their hold, confirmed
 * by the street office with the audit waived (Hangzhou), a deposit reversed and made again, both ledgers'
 * statements (one late), declarations of both kinds, flags — every read answers over HTTP exactly the view the
 * read model renders without the serializer, live and with `?asOf=`. And /docs shows the schemas.
 */
import t from 'tap';
import { disclosureView, ledgerView, releaseView, subAccountView } from '../../projections/funds/index.js';
import { compoundAsOf } from '../../services/api/asOf/compoundAsOf.js';
import { currentView } from '../../services/api/asOf/currentView.js';
import { allProjections } from '../../services/contexts.js';
import { seedFunds } from '../support/boardFundsSeed.js';
import type { TestApi } from '../support/api.js';

const DAY = 24 * 3600 * 1000;
const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

/** The route's reads, computed straight from the read model (the serializer bypassed). */
function directReads(api: TestApi, compoundId: string) {
  const { funds, supervision } = api.runtime.deps;
  const meta = () => funds.docs.meta(compoundId)!;
  return {
    funds: () => ledgerView(meta(), funds.docs.accounts(compoundId), funds.docs.releases(compoundId)),
    release: (releaseId: string) => releaseView(funds.docs.release(releaseId)!),
    unit: (unitId: string, cursor = 0, limit = 200) => {
      const transfers = funds.docs.accountTransfers(compoundId, 'maintenance', `unit:${unitId}`, cursor, limit);
      const view = subAccountView(unitId, funds.docs.account(compoundId, 'maintenance', `unit:${unitId}`), meta().topUpDue.includes(unitId), transfers);
      return { ...view, next: transfers.length === limit ? String(transfers[transfers.length - 1]!.seq) : null };
    },
    disclosures: () => ({ disclosures: funds.docs.disclosures(compoundId).map(disclosureView) }),
    trace: (now: Date, page: { account?: string; cursor?: number; limit: number }) => supervision.trace(compoundId, now, page),
  };
}

t.test('the funds and the supervisory trace answer their whole views through the schemas, live and as of a past point', async (t) => {
  const seed = await seedFunds(t);
  const { api, clock, compoundId: c, oc, releaseId, emergencyId } = seed;
  const firm = await api.token('p-firm', `property_firm@${c}`);
  const street = await api.token('p-street', `street_office@${c}`);
  const supervisor = await api.token('p-sup', `supervisor@${c}`);
  const post = async (path: string, token: string, body: Record<string, unknown> = {}) => {
    const r = await api.call('POST', `/v1/compounds/${c}${path}`, { token, body });
    t.equal(r.statusCode, 201, `${path}: ${r.body}`);
    return r.json() as Record<string, string>;
  };
  const emergency = (estimate: string, contractor: string) =>
    post('/releases/emergency', firm, { item: 'lift_failure', description: '电梯停运', evidence: [{ kind: 'inspection_notice', ref: '特检通知' }], estimate, contractor: { name: contractor, creditCode: '91110105MA01ABCDE1' }, chargeScope: { kind: 'compound' } });

  // The seeded emergency through its settlement (audited: Beijing waives none) and its post-hoc review.
  await post(`/releases/${emergencyId}/advance`, oc, { amount: '900.00', evidence: ['预付申请'] });
  await post(`/releases/${emergencyId}/acceptance`, oc, { acceptanceRef: '验收' });
  await post(`/releases/${emergencyId}/audit`, oc, { auditedAmount: '2999.99', auditRef: '审价' });
  await post(`/releases/${emergencyId}/settlement`, oc, { evidence: ['结算单'] });
  const beforeReview = (await api.runtime.deps.store.headPosition()).toString();
  await post(`/releases/${emergencyId}/post-hoc-review`, street, { reviewRef: '事后审核', findings: '属实' });
  // One rejected; one voided with its advance held (the hold voided).
  const rejected = (await emergency('1200.00', '丁公司')).releaseId!;
  await post(`/releases/${rejected}/review`, oc, { outcome: 'rejected', reviewRef: '不属应急' });
  const voided = (await emergency('800.00', '戊公司')).releaseId!;
  await post(`/releases/${voided}/review`, oc, { outcome: 'approved', reviewRef: '审核' });
  await post(`/releases/${voided}/advance`, oc, { amount: '200.00', evidence: ['预付'] });
  await post(`/releases/${voided}/void`, oc, { reason: '改由保修单位维修' });
  // A top-up reversed (冲正) and made again; public income's late statement.
  const unit = seed.units[0]!.unitId;
  const topUp = (await api.call('POST', `/v1/compounds/${c}/funds/deposits`, { token: oc, body: { unitId: unit, basis: 'top_up', amount: '1327.50', evidence: ['补交凭证'] } })).json().transferIds[0] as string;
  await post(`/funds/transfers/${topUp}/reversal`, oc, { reason: '金额录入错误', evidence: ['更正说明'] });
  await post('/funds/deposits', oc, { unitId: unit, basis: 'top_up', amount: '1237.50', evidence: ['补交凭证'] });
  await post('/funds/disclosures', oc, { ledger: 'public_income', period: seed.period });
  // Declared relationships: an organisation (the seeded contractor) and a person (never who).
  const member = await api.token('p-member', `oc_member@${c}`);
  await post('/relationships', supervisor, { related: { kind: 'organisation', name: '甲建筑公司', creditCode: '91110105MA01ABCDE2' }, relation: 'employment', note: '曾任职' });
  await post('/relationships', member, { related: { kind: 'person', personId: 'p-someone' }, relation: 'relative' });
  clock.set(new Date(clock.now().getTime() + 200 * DAY)); // the later periods' statements overdue

  const direct = directReads(api, c);
  const get = async (path: string) => {
    const r = await api.call('GET', `/v1/compounds/${c}${path}`, { token: supervisor });
    t.equal(r.statusCode, 200, `${path}: ${r.body.slice(0, 300)}`);
    return r.json() as Record<string, unknown>;
  };

  // Live: every read, field for field. The HTTP read first: it waits for the read model to hold the last command
  // (a direct read does not), so both see the same state.
  const ledgersOverHttp = await get('/funds');
  const ledgers = direct.funds();
  t.strictSame(ledgersOverHttp, json(ledgers), 'the ledgers');
  t.same(new Set(ledgers.releases.map((r) => r.status)), new Set(['settled', 'rejected', 'void']), 'releases settled, rejected and void');
  t.ok(ledgers.releases.some((r) => r.settled?.postHocReviewDueBy && r.postHocReviewAt), 'an emergency reviewed after its settlement');
  for (const r of ledgers.releases) t.strictSame(await get(`/releases/${r.releaseId}`), json(direct.release(r.releaseId)), `release ${r.status}`);
  const sub = direct.unit(unit);
  t.strictSame(await get(`/funds/units/${unit}`), json(sub), 'a sub-account with a reversal and a top-up');
  t.ok(sub.transfers.some((x) => x.reversedBy) && sub.transfers.some((x) => x.authority.kind === 'correction'), 'a transfer reversed, and its correction');
  t.ok(direct.unit('2-1-107').transfers.some((x) => x.phase === 'pending' && x.voided), 'a hold voided');
  t.strictSame(await get('/funds/units/2-1-107?limit=2'), json(direct.unit('2-1-107', 0, 2)), 'a page with its cursor');
  const disclosures = direct.disclosures();
  t.strictSame(await get('/funds/disclosures'), json(disclosures), 'the statements');
  t.same(disclosures.disclosures.map((d) => d.late).sort(), [false, true], 'one on time, one late');
  const trace = await direct.trace(clock.now(), { limit: 100 });
  t.strictSame(await get('/supervision'), json(trace), 'the supervisory trace');
  t.ok(trace!.flags.length >= 2 && trace!.declarations.length === 2, 'flags and both kinds of declaration');
  t.ok(trace!.transfers.items.some((x) => x.authority.kind === 'decision' && 'decision' in x.authority && x.authority.decision), 'a transfer traced to its decision');
  t.strictSame(await get(`/supervision?account=maintenance/unit:${unit}&limit=2`), json(await direct.trace(clock.now(), { account: `maintenance/unit:${unit}`, limit: 2 })), 'a page of one account');

  // As of a past point (before the post-hoc review): the same views computed from the log up to it.
  const view = await compoundAsOf(api.runtime.deps.store, allProjections, c, { kind: 'position', position: BigInt(beforeReview) }, api.runtime.deps.platform.deadlineSources);
  const past = <T>(f: () => T): T => currentView.run(view, f);
  const getAsOf = async (path: string) => {
    const body = await get(`${path}${path.includes('?') ? '&' : '?'}asOf=${beforeReview}`);
    t.match(body.asOf, { position: beforeReview }, `${path} as of the point`);
    const { asOf: _asOf, ...rest } = body;
    return rest;
  };
  const pastLedgers = past(() => direct.funds());
  t.strictSame(await getAsOf('/funds'), json(pastLedgers), 'the ledgers as of the point');
  t.notOk(pastLedgers.releases.some((r) => r.postHocReviewAt), 'no review yet then');
  t.strictSame(await getAsOf(`/releases/${emergencyId}`), json(past(() => direct.release(emergencyId))), 'the emergency as of the point');
  t.strictSame(await getAsOf(`/releases/${releaseId}`), json(past(() => direct.release(releaseId))), 'the release as of the point');
  t.strictSame(await getAsOf(`/funds/units/${unit}`), json(past(() => direct.unit(unit))), 'a sub-account as of the point');
  t.strictSame(await getAsOf('/funds/disclosures'), json(past(() => direct.disclosures())), 'the statements as of the point');
  t.strictSame(await getAsOf('/supervision'), json(await past(() => direct.trace(view.at, { limit: 100 }))), 'the trace as of the point');

  // /docs documents them.
  const spec = (await api.call('GET', '/docs/json')).json() as { paths: Record<string, { get: { responses: Record<string, { content: Record<string, { schema: { properties: Record<string, { items?: { properties?: Record<string, unknown> } }> } }> }> } }> };
  const ok = (path: string) => spec.paths[path]!.get.responses['200']!.content['application/json']!.schema;
  t.ok(ok('/v1/compounds/{compoundId}/funds').properties.accounts!.items!.properties!.available, 'the ledgers: accounts with their available amount');
  t.ok(ok('/v1/compounds/{compoundId}/releases/{releaseId}').properties.settled, 'a release: its settlement');
  t.ok(ok('/v1/compounds/{compoundId}/funds/units/{unitId}').properties.transfers!.items!.properties!.authority, 'a sub-account: its transfers with their authority');
  t.ok(ok('/v1/compounds/{compoundId}/funds/disclosures').properties.disclosures!.items!.properties!.closing, 'the statements');
  t.ok(ok('/v1/compounds/{compoundId}/supervision').properties.flags!.items!.properties!.rule, 'the trace: flags with their rule');
});

t.test('a Hangzhou emergency confirmed by the street office, its audit waived: the release and its transfers through the schemas', async (t) => {
  const { startTestApi } = await import('../support/api.js');
  const api = await startTestApi(t);
  const admin = await api.token('p-admin', 'admin');
  const { compoundId: c } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '西溪花园', address: '杭州市西湖区 1 号', jurisdiction: 'hangzhou' } })).json() as { compoundId: string };
  const units = [
    { unitId: '1-1-101', building: '1', area: '90', areaSource: 'registry', owners: [{ personId: 'p-a', name: '甲' }] },
    { unitId: '1-1-102', building: '1', area: '110', areaSource: 'registry', owners: [{ personId: 'p-b', name: '乙' }] },
  ];
  t.equal((await api.call('POST', `/v1/compounds/${c}/units`, { token: admin, body: { units } })).statusCode, 201);
  const oc = await api.token('p-oc', `oc_member@${c}`);
  const street = await api.token('p-street', `street_office@${c}`);
  const firm = await api.token('p-firm', `property_firm@${c}`);
  const post = async (path: string, token: string, body: Record<string, unknown> = {}) => {
    const r = await api.call('POST', `/v1/compounds/${c}${path}`, { token, body });
    t.equal(r.statusCode, 201, `${path}: ${r.body}`);
    return r.json() as Record<string, string>;
  };
  await post('/funds', oc, { ratePerSquareMetre: '100', evidenceRef: '杭房〔2026〕1号' });
  for (const u of units) await post('/funds/deposits', oc, { unitId: u.unitId, basis: 'first_deposit', evidence: ['slip'] });
  const releaseId = (await post('/releases/emergency', firm, { item: 'lift_failure', description: '电梯停运', evidence: [{ kind: 'inspection_notice', ref: '特检通知' }], estimate: '2000.00', contractor: { name: '丙电梯公司' }, chargeScope: { kind: 'buildings', buildings: ['1'] } })).releaseId!;
  await post(`/releases/${releaseId}/review`, oc, { outcome: 'approved', reviewRef: '业委会审核' });
  const waiting = (await api.call('GET', `/v1/compounds/${c}/releases/${releaseId}`, { token: oc })).json();
  t.equal(waiting.status, 'awaiting_certification', 'awaiting the street office');
  await post(`/releases/${releaseId}/confirmation`, street, { confirmationRef: '街道确认 2026-1' });
  await post(`/releases/${releaseId}/advance`, oc, { amount: '500.00', evidence: ['预付'] });
  await post(`/releases/${releaseId}/acceptance`, oc, { acceptanceRef: '验收' });
  await post(`/releases/${releaseId}/audit-waiver`, oc, { amount: '1999.50', approvalRef: '业委会批准' });
  await post(`/releases/${releaseId}/settlement`, oc, { evidence: ['结算单'] });

  const direct = directReads(api, c);
  const get = async (path: string) => {
    const r = await api.call('GET', `/v1/compounds/${c}${path}`, { token: oc });
    t.equal(r.statusCode, 200, `${path}: ${r.body.slice(0, 300)}`);
    return r.json() as Record<string, unknown>;
  };
  const releaseOverHttp = await get(`/releases/${releaseId}`); // first: it waits for the read model (a direct read does not)
  const release = direct.release(releaseId);
  t.match(release, { audit: { kind: 'waived' }, status: 'settled' });
  t.strictSame(releaseOverHttp, json(release), 'the release');
  t.strictSame(await get('/funds'), json(direct.funds()), 'the ledgers');
  const sub = direct.unit('1-1-101');
  t.ok(sub.transfers.some((x) => x.authority.kind === 'emergency' && x.authority.confirmationRef), 'a transfer on the confirmed emergency');
  t.strictSame(await get('/funds/units/1-1-101'), json(sub), 'a sub-account');
  const supervisor = await api.token('p-sup', `supervisor@${c}`);
  const trace = await direct.trace(api.runtime.deps.clock.now(), { limit: 100 });
  t.strictSame((await api.call('GET', `/v1/compounds/${c}/supervision`, { token: supervisor })).json(), json(trace), 'the trace');
});
