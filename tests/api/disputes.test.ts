/**
 * Disputes over HTTP (人民调解法): a dispute linked to a ballot receipt (the ballot shows "under dispute"), an
 * agreement opening its 30-day judicial-confirmation deadline (Art. 33), a refusal ending another with its
 * routes (Arts. 17, 26), a third passing its one-month limit (overdue).
 */
import t from 'tap';
import type { ManualClock } from '../../services/clock.js';
import { startTestApi } from '../support/api.js';

const DAY = 86_400_000;

t.test('disputes and their mediation, over HTTP on the manual clock', async (t) => {
  const api = await startTestApi();
  t.teardown(() => api.close());
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'national' } })).json() as { compoundId: string };
  const units = Array.from({ length: 3 }, (_, i) => ({ unitId: `1-1-10${i + 1}`, building: '1', area: '100', areaSource: 'registry', owners: [{ personId: `p${i}`, name: `业主${i}` }] }));
  await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } });
  const oc = await api.token('p-oc', `oc_member@${compoundId}`);
  const rc = await api.token('p-rc', `rc_staff@${compoundId}`);
  const owner = await api.token('p0', `owner@${compoundId}`);
  const firm = await api.token('p-firm', `property_firm@${compoundId}`);
  // A vote, and one ballot to dispute.
  const now = clock.now().getTime();
  const { motionId } = (await api.call('POST', `/v1/compounds/${compoundId}/motions`, { token: oc, body: { title: '续聘', description: '', matter: 'hire_or_dismiss_firm', opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() } })).json() as { motionId: string };
  await api.call('POST', `/v1/motions/${motionId}/notice`, { token: oc });
  clock.set(new Date(now + 20 * DAY));
  await api.call('POST', `/v1/motions/${motionId}/open`, { token: oc });
  const { receipt } = (await api.call('POST', `/v1/motions/${motionId}/ballots`, { token: owner, body: { unitId: '1-1-101', choice: 'for' } })).json() as { receipt: string };

  // 1. Linked to the ballot receipt: the ballot shows "under dispute"; an agreement opens the 30-day window.
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/disputes`, { token: await api.token('x', 'developer@' + compoundId), body: { category: 'ballot', respondents: ['oc'], description: 'x' } })).statusCode, 403);
  const filed = await api.call('POST', `/v1/compounds/${compoundId}/disputes`, { token: firm, body: { category: 'ballot', respondents: ['oc'], description: '该票疑似代签', links: [{ type: 'ballot', id: receipt }] } });
  t.equal(filed.statusCode, 201, filed.body);
  const { disputeId: d1 } = filed.json() as { disputeId: string };
  t.match((await api.call('GET', `/v1/motions/${motionId}/ballots/${receipt}`, { token: owner })).json(), { receipt, underDispute: true });
  t.match((await api.call('GET', `/v1/compounds/${compoundId}/disputed/ballot/${receipt}`, { token: firm })).json(), { underDispute: true, disputes: [d1] });
  t.equal((await api.call('POST', `/v1/disputes/${d1}/mediation`, { token: firm, body: { mediator: 'mediation_committee' } })).statusCode, 403, 'a party does not mediate');
  t.equal((await api.call('POST', `/v1/disputes/${d1}/agreement`, { token: rc, body: { terms: 'x' } })).json().code, 'mediation_not_started');
  t.equal((await api.call('POST', `/v1/disputes/${d1}/mediation`, { token: rc, body: { mediator: 'mediation_committee' } })).statusCode, 201);
  t.equal((await api.call('POST', `/v1/disputes/${d1}/sessions`, { token: rc, body: { summary: '双方陈述，核对签名' } })).statusCode, 201);
  t.equal((await api.call('POST', `/v1/disputes/${d1}/agreement`, { token: rc, body: { terms: '业委会重新核对该户签名，物业撤回异议' } })).statusCode, 201);
  t.match((await api.call('GET', `/v1/motions/${motionId}/ballots/${receipt}`, { token: owner })).json(), { underDispute: false }, 'settled: no longer under dispute');

  // 2. Refused by a party: it ends, with the routes recorded.
  const { disputeId: d2 } = (await api.call('POST', `/v1/compounds/${compoundId}/disputes`, { token: owner, body: { category: 'fees', respondents: ['firm'], description: '物业费上调' } })).json() as { disputeId: string };
  await api.call('POST', `/v1/disputes/${d2}/mediation`, { token: rc, body: { mediator: 'party_committee' } });
  t.equal((await api.call('POST', `/v1/disputes/${d2}/refusal`, { token: rc, body: { party: 'rc' } })).json().code, 'invalid_mediation', 'only a party refuses');
  t.equal((await api.call('POST', `/v1/disputes/${d2}/refusal`, { token: rc, body: { party: 'firm' } })).statusCode, 201);
  t.equal((await api.call('POST', `/v1/disputes/${d2}/failure`, { token: rc, body: { routesTold: ['judicial'] } })).json().code, 'mediation_ended');

  // 3. A third passes its one-month limit.
  const { disputeId: d3 } = (await api.call('POST', `/v1/compounds/${compoundId}/disputes`, { token: oc, body: { category: 'service', respondents: ['firm'], description: '保洁不到位' } })).json() as { disputeId: string };
  await api.call('POST', `/v1/disputes/${d3}/mediation`, { token: rc, body: { mediator: 'street_office' } });

  const deadlines = async (status?: string) => {
    let list: { kind: string; status: string; record: { id: string } }[] = [];
    for (let i = 0; i < 50; i++) {
      list = (await api.call('GET', `/v1/compounds/${compoundId}/deadlines${status ? `?status=${status}` : ''}`, { token: rc })).json().deadlines;
      if (list.some((d) => d.kind === 'judicial_confirmation')) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    return list;
  };
  const open = await deadlines();
  t.match(open.find((d) => d.kind === 'judicial_confirmation'), { status: 'open', record: { id: d1 } }, 'the 30-day judicial-confirmation window (Art. 33)');
  t.match(open.filter((d) => d.kind === 'mediation_limit' && d.status === 'met').map((d) => d.record.id).sort(), [d1, d2].sort());
  clock.set(new Date(clock.now().getTime() + 40 * DAY));
  const overdue = await deadlines('overdue');
  t.same(overdue.filter((d) => d.kind !== 'voting_closes').map((d) => `${d.kind}:${d.record.id}`).sort(), [`judicial_confirmation:${d1}`, `mediation_limit:${d3}`].sort(), 'the open mediation and the unused confirmation window are overdue');

  const board = (await api.call('GET', `/v1/compounds/${compoundId}/disputes`, { token: owner })).json();
  t.same(board.statistics, { ballot: { open: 0, agreed: 1, refused: 0, failed: 0 }, fees: { open: 0, agreed: 0, refused: 1, failed: 0 }, service: { open: 1, agreed: 0, refused: 0, failed: 0 } });
  t.notMatch(JSON.stringify(board), /p-firm|p-rc|p-oc|"p0"/, 'no person ids on the board');

  const page = await api.call('GET', `/board/${compoundId}/community`, { token: owner });
  t.equal(page.statusCode, 200);
  t.match(page.body, /纠纷调解统计/);
  t.match(page.body, /共 3 件，办理中 1 件/);
  t.match(page.body, /达成调解协议/);
  t.notMatch(page.body, /p-firm|p-rc|p-oc|"p0"/, 'no parties named on the page');
});
