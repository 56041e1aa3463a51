/**
 * The disputes' reads answer their views exactly through their response schemas (services/disputes/viewSchemas.ts):
 * disputes in every outcome (filed, mediating with sessions and an extension, agreed with judicial confirmation
 * applied, refused, failed with the routes told) linked to a ballot, a motion and a contract, with statistics,
 * and records under one, two or no open disputes; over HTTP they deep-equal the read model's documents read
 * without the serializer, now and `?asOf=` an earlier position.
 */
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { DISPUTED_RECORDS, DISPUTES, disputeStatistics, type DisputedRecordDoc, type DisputeDoc } from '../../projections/disputes/index.js';
import { startTestApi } from '../support/api.js';
import { answersAsOf, answersView, snapshot, type Created } from '../support/viewMatch.js';

const DAY = 86_400_000;

t.test('disputes with statistics and disputed records: the HTTP body is the view, now and as of a past position', async (t) => {
  const api = await startTestApi(t);
  const clock = api.runtime.deps.clock as ManualClock;
  const read = api.runtime.deps.read;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'national' } })).json() as { compoundId: string };
  const units = Array.from({ length: 3 }, (_, i) => ({ unitId: `1-1-10${i + 1}`, building: '1', area: '100', areaSource: 'registry', owners: [{ personId: `p${i}`, name: `业主${i}` }] }));
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  const oc = await api.token('p-oc', `oc_member@${compoundId}`);
  const rc = await api.token('p-rc', `rc_staff@${compoundId}`);
  const owner = await api.token('p0', `owner@${compoundId}`);
  const firm = await api.token('p-firm', `property_firm@${compoundId}`);
  let position = '0';
  const post = async (url: string, token: string, body?: unknown) => {
    const res = await api.call('POST', url, { token, ...(body === undefined ? {} : { body }) });
    t.equal(res.statusCode, 201, `${url}: ${res.body.slice(0, 200)}`);
    position = (res.json() as { position: string }).position;
    return res.json() as Created;
  };
  const now = clock.now().getTime();
  const { motionId } = await post(`/v1/compounds/${compoundId}/motions`, oc, { title: '续聘', description: '', matter: 'hire_or_dismiss_firm', opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() });
  await post(`/v1/motions/${motionId}/notice`, oc);
  clock.set(new Date(now + 20 * DAY));
  await post(`/v1/motions/${motionId}/open`, oc);
  const { receipt } = await post(`/v1/motions/${motionId}/ballots`, owner, { unitId: '1-1-101', choice: 'for' });

  // d1: about the ballot and the motion; agreed, judicial confirmation applied for.
  const { disputeId: d1 } = await post(`/v1/compounds/${compoundId}/disputes`, firm, { category: 'ballot', respondents: ['oc', 'owner'], description: '该票疑似代签', links: [{ type: 'ballot', id: receipt }, { type: 'motion', id: motionId }] });
  // d2: about the motion and a contract; mediating, two sessions, extended.
  const { disputeId: d2 } = await post(`/v1/compounds/${compoundId}/disputes`, owner, { category: 'contract', respondents: ['firm'], description: '合同条款', links: [{ type: 'motion', id: motionId }, { type: 'contract', id: 'contract-1' }] });
  await post(`/v1/disputes/${d1}/mediation`, rc, { mediator: 'mediation_committee' });
  await post(`/v1/disputes/${d2}/mediation`, rc, { mediator: 'joint_meeting' });
  await post(`/v1/disputes/${d2}/sessions`, rc, { summary: '第一次' });

  const past = position;
  const disputesView = () => {
    const list = read.list<DisputeDoc>(DISPUTES, compoundId);
    return { disputes: list, statistics: disputeStatistics(list) };
  };
  const recordView = (type: string, id: string) => () => {
    const own = (read.get<DisputedRecordDoc>(DISPUTED_RECORDS, `${type}:${id}`)?.disputes ?? []).filter((d) => read.get<DisputeDoc>(DISPUTES, d)?.compoundId === compoundId);
    return { type, id, underDispute: own.length > 0, disputes: own };
  };
  t.equal((await api.call('GET', `/v1/compounds/${compoundId}/disputes?after=${past}`, { token: owner })).statusCode, 200);
  const disputesThen = snapshot(disputesView);
  const motionThen = snapshot(recordView('motion', motionId));
  t.match(motionThen, { underDispute: true, disputes: [d1, d2] }, 'then: the motion under two disputes');

  await post(`/v1/disputes/${d1}/sessions`, rc, { summary: '双方陈述，核对签名' });
  await post(`/v1/disputes/${d1}/agreement`, rc, { terms: '业委会重新核对该户签名，物业撤回异议' });
  await post(`/v1/disputes/${d1}/confirmation`, rc, { court: '西湖区人民法院', reference: '(2026)浙0106民特1号' });
  await post(`/v1/disputes/${d2}/sessions`, rc, { summary: '第二次' });
  await post(`/v1/disputes/${d2}/extension`, rc, { days: 15, consentRef: '双方同意书' });
  // d3 refused; d4 failed with the routes told; d5 filed only.
  const { disputeId: d3 } = await post(`/v1/compounds/${compoundId}/disputes`, owner, { category: 'fees', respondents: ['firm'], description: '物业费上调' });
  await post(`/v1/disputes/${d3}/mediation`, rc, { mediator: 'party_committee' });
  await post(`/v1/disputes/${d3}/refusal`, rc, { party: 'firm' });
  const { disputeId: d4 } = await post(`/v1/compounds/${compoundId}/disputes`, oc, { category: 'service', respondents: ['firm', 'rc'], description: '保洁不到位' });
  await post(`/v1/disputes/${d4}/mediation`, rc, { mediator: 'street_office' });
  await post(`/v1/disputes/${d4}/failure`, rc, { routesTold: ['arbitration', 'judicial'] });
  await post(`/v1/compounds/${compoundId}/disputes`, rc, { category: 'neighbours', respondents: ['owner'], description: '噪音', links: [{ type: 'contract', id: 'contract-1' }] });

  // The read model is read directly only once it has applied the last write (a direct read does not wait; ?after= does).
  t.equal((await api.call('GET', `/v1/compounds/${compoundId}/disputes?after=${position}`, { token: owner })).statusCode, 200);
  const docs = read.list<DisputeDoc>(DISPUTES, compoundId);
  t.same(docs.map((d) => d.status).sort(), ['agreed', 'failed', 'filed', 'mediating', 'refused'], 'every status');
  t.ok(docs.some((d) => d.agreement?.confirmationApplied === true) && docs.some((d) => d.routesTold !== null) && docs.some((d) => d.refusedBy !== null), 'agreement, routes told, refusal');

  const base = `/v1/compounds/${compoundId}`;
  await answersView(t, api, `${base}/disputes?after=${position}`, owner, disputesView, 'disputes with statistics');
  const motionNow = await answersView(t, api, `${base}/disputed/motion/${motionId}?after=${position}`, firm, recordView('motion', motionId), 'the motion');
  t.match(motionNow, { underDispute: true, disputes: [d2] }, 'the motion: still under d2 only');
  const contract = await answersView(t, api, `${base}/disputed/contract/contract-1`, firm, recordView('contract', 'contract-1'), 'the contract');
  t.equal((contract as { disputes: unknown[] }).disputes.length, 2, 'the contract under two open disputes');
  t.match(await answersView(t, api, `${base}/disputed/ballot/${receipt}`, owner, recordView('ballot', receipt), 'the ballot'), { underDispute: false, disputes: [] });

  await answersAsOf(t, api, `${base}/disputes`, owner, past, disputesThen, 'disputes then');
  await answersAsOf(t, api, `${base}/disputed/motion/${motionId}`, owner, past, motionThen, 'the motion then');
  await answersAsOf(t, api, `${base}/disputes`, owner, position, disputesView(), 'disputes at the head');
  await answersAsOf(t, api, `${base}/disputed/ballot/${receipt}`, owner, position, recordView('ballot', receipt)(), 'the ballot at the head: no longer under dispute');
});
