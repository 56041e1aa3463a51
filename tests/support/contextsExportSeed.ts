/**
 * A compound for the verifier's context checks, seeded over HTTP on a real server: the authorisation world
 * (authzWorld.ts: a contract drawn from the owners' choice of firm X, a residents' meeting, a joint meeting, a
 * request, disputes, the committee's election opened), carried on so that every context has figures to
 * recompute: the committee elected through an assembly motion and seated by the reactor, its officers and a
 * meeting; the firm's fee adjustment adopted by the owners and applied; the contract's first quarter assessed and confirmed (held-back fees released); the residents'
 * meeting's attendance and count, a representatives' meeting's recorded votes; the joint meeting's attendance, resolution and task, closed; the request
 * dispatched, accepted, completed and rated; a dispute mediated to an agreement.
 */
import { seedAuthzWorld, type AuthzWorld } from './authzWorld.js';
import { eventually } from './eventually.js';

const DAY = 24 * 3600 * 1000;

export interface ContextsExportSeed {
  readonly world: AuthzWorld;
  readonly compoundId: string;
  /** The export's text, taken once everything below is in the log. */
  readonly text: string;
  readonly candidates: readonly string[];
}

const waitFor = <T>(probe: () => Promise<T | undefined | null | false>, what: string): Promise<T> => eventually(probe, what, 200);

export async function seedContextsExport(): Promise<ContextsExportSeed> {
  const world = await seedAuthzWorld();
  const { api, clock, A, ids } = world;
  const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));
  const inDays = (d: number) => new Date(clock.now().getTime() + d * DAY).toISOString();
  const post = async (what: string, url: string, token: string, body?: unknown): Promise<Record<string, string>> => {
    const r = await api.call('POST', url, { token, ...(body !== undefined ? { body } : {}) });
    if (r.statusCode !== 201 && r.statusCode !== 200) throw new Error(`seeding the contexts' export: ${what}: ${r.statusCode} ${r.body}`);
    return r.json() as Record<string, string>;
  };
  const as = (personId: string, role: string) => api.token(personId, `${role}@${A}`);
  const oc = await as('p-oc', 'oc_member');
  const rc = await as('p-rc_staff', 'rc_staff');
  const street = await as('p-street_office', 'street_office');
  const x = await as('f-X', 'property_firm');

  // The committee: two candidates for three seats, elected by the owners, seated by the reactor.
  const base = `/v1/compounds/${A}/committee`;
  const election = ids.election!;
  const declarations = { full_capacity: { declared: true }, no_firm_interest: { declared: true } };
  const candidates: string[] = [];
  for (const [personId, name] of [['p1', '候选人甲'], ['p2', '候选人乙']] as const) {
    candidates.push((await post('nomination', `${base}/elections/${election}/nominations`, rc, { name, personId, route: 'residents_committee', declarations })).candidateId!);
  }
  const posted = await post('candidates posted', `${base}/elections/${election}/posting`, street);
  clock.set(new Date(Date.parse(posted.votingMayOpenAt!) + DAY));
  const { motionId } = await post('election motion', `${base}/elections/${election}/motion`, street, { opensAt: inDays(20), closesAt: inDays(27) });
  await post('notice', `/v1/motions/${motionId}/notice`, street);
  later(20 * DAY);
  await post('open', `/v1/motions/${motionId}/open`, street);
  const marks = Object.fromEntries(candidates.map((id) => [id, 'for']));
  await post('ballot p1', `/v1/motions/${motionId}/ballots`, await as('p1', 'owner'), { unitId: '1-1-101', candidates: marks });
  await post('ballot p2', `/v1/motions/${motionId}/ballots`, await as('p2', 'owner'), { unitId: '1-1-102', candidates: marks });
  await post('ballot developer', `/v1/motions/${motionId}/ballots`, await as('p-developer', 'developer'), { unitId: '2-1-101', candidates: marks });
  later(7 * DAY + 1000);
  const closed = await api.call('POST', `/v1/motions/${motionId}/close`, { token: street });
  if (closed.statusCode !== 201 && closed.statusCode !== 409) throw new Error(closed.body);
  await post('result', `/v1/motions/${motionId}/result`, street);
  await post('final', `/v1/motions/${motionId}/final`, street);
  await waitFor(async () => (await api.call('GET', base, { token: oc })).json().committee, 'the committee seated');
  const member = await as('p1', 'oc_member');
  await post('officers', `${base}/officers`, member, { chair: candidates[0], viceChairs: [candidates[1]], present: candidates, votes: { [candidates[0]!]: 2, [candidates[1]!]: 2 } });
  await post('oc meeting', `${base}/meetings`, member, { meetingId: 'oc-m1', present: candidates, items: [{ itemId: 'a', title: '更换门禁系统', inFavour: candidates }, { itemId: 'b', title: '公示收支', inFavour: [candidates[0]] }] });

  // The firm's fee adjustment (posted in the world more than 30 days ago) put to the owners and adopted; the
  // reactor applies it to the contract (FeeStandardChanged).
  const contract = ids.contract!;
  await post('fee adjustment motion', `/v1/fee-adjustments/${ids.adjustment}/motion`, oc, { opensAt: inDays(20), closesAt: inDays(27) });
  const feeMotion = `fee-${ids.adjustment}`;
  await post('notice', `/v1/motions/${feeMotion}/notice`, oc);
  later(20 * DAY);
  await post('open', `/v1/motions/${feeMotion}/open`, oc);
  for (const [who, role, unitId] of [['p1', 'owner', '1-1-101'], ['p2', 'owner', '1-1-102'], ['p-developer', 'developer', '2-1-101']] as const) {
    await post('fee ballot', `/v1/motions/${feeMotion}/ballots`, await as(who, role), { unitId, choice: 'for' });
  }
  later(7 * DAY + 1000);
  const feeClosed = await api.call('POST', `/v1/motions/${feeMotion}/close`, { token: oc });
  if (feeClosed.statusCode !== 201 && feeClosed.statusCode !== 409) throw new Error(feeClosed.body);
  await post('fee result', `/v1/motions/${feeMotion}/result`, oc);
  await post('fee final', `/v1/motions/${feeMotion}/final`, oc);
  await waitFor(async () => (await api.call('GET', `/v1/contracts/${contract}`, { token: oc })).json().fee === '1.80', 'the new fee applied');

  // The contract's first quarter ends; the OC scores it, the RC countersigns: held-back fees released.
  const view = (await api.call('GET', `/v1/contracts/${contract}`, { token: oc })).json() as { periods?: { period: number; to: string }[] };
  const firstTo = view.periods?.[0]?.to;
  clock.set(new Date(Math.max(clock.now().getTime(), firstTo ? Date.parse(`${firstTo}T16:00:00.000Z`) + DAY : clock.now().getTime() + 100 * DAY)));
  const scores = [12, 12, 12, 12, 8, 8, 8, 6];
  const template = ['basic_management', 'building_maintenance', 'common_facilities', 'order_and_safety', 'cleaning', 'greening', 'fire_safety', 'owner_service'];
  await post('assessment', `/v1/contracts/${contract}/assessments`, oc, { period: 1, items: template.map((itemId, i) => ({ itemId, score: scores[i] })) });
  await post('confirmation', `/v1/contracts/${contract}/assessments/1/confirm`, rc);

  // Residents' meeting: both households' representatives attend; the item is counted.
  await post('attendance', `/v1/residents/meetings/${ids.residentsMeeting}/attendance`, rc, { present: 2, evidenceRef: '签到表' });
  await post('count', `/v1/residents/meetings/${ids.residentsMeeting}/items/lift/count`, rc, { inFavour: 2, against: 0, abstain: 0 });
  // A representatives' meeting: group g1's three representatives, two present; one for, one against: 1 of 2
  // present is not more than half, so the item fails by the community's default rule.
  await post('representatives', `/v1/compounds/${A}/residents/representatives`, rc, { group: 'g1', representatives: [{ representativeId: 'r1', households: 1 }, { representativeId: 'r2', households: 1 }], evidenceRef: '推选记录' });
  const { meetingId: reps } = await post('representatives meeting', `/v1/compounds/${A}/residents/meetings`, rc, { kind: 'representatives_meeting', agenda: [{ itemId: 'fee', title: '停车收费' }], heldAt: inDays(7) });
  await post('representatives attendance', `/v1/residents/meetings/${reps}/attendance`, rc, { representatives: ['r1', 'r2'], evidenceRef: '签到表 2' });
  await post('vote r1', `/v1/residents/meetings/${reps}/items/fee/votes`, rc, { representativeId: 'r1', choice: 'for' });
  await post('vote r2', `/v1/residents/meetings/${reps}/items/fee/votes`, rc, { representativeId: 'r2', choice: 'against' });
  await post('close item', `/v1/residents/meetings/${reps}/items/fee/close`, rc, {});

  // The joint meeting and the request.
  const jm = `/v1/joint-meetings/${ids.joint}`;
  await post('joint attendance', `${jm}/attendance`, rc, { present: ['rc', 'oc', 'firm'] });
  const { resolutionId } = await post('resolution', `${jm}/resolutions`, rc, { text: '增设临时停车位', agreedBy: ['rc', 'oc', 'firm'] });
  const { taskId } = await post('task', `${jm}/tasks`, rc, { resolutionId, party: 'firm', description: '划线', dueAt: inDays(10) });
  later(DAY);
  await post('task closed', `${jm}/tasks/${taskId}/close`, rc, { outcome: '已划线 20 个车位', evidenceRef: '照片 1' });
  const rq = `/v1/requests/${ids.request}`;
  await post('dispatch', `${rq}/dispatch`, rc, { party: 'firm', dueAt: inDays(3) });
  later(3600 * 1000);
  await post('accept', `${rq}/accept`, x);
  later(DAY);
  await post('complete', `${rq}/complete`, x, { evidenceRef: '维修单 7' });
  await post('rating', `${rq}/rating`, await as('p1', 'owner'), { satisfaction: 4 });

  // A dispute mediated to an agreement.
  await post('agreement', `/v1/disputes/${ids.mediated}/agreement`, rc, { terms: '物业增加保洁频次' });

  const res = await api.call('GET', `/v1/compounds/${A}/export`, { token: oc });
  if (res.statusCode !== 200) throw new Error(`export: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return { world, compoundId: A, text: res.body, candidates };
}
