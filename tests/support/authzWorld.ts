/**
 * The world the authorisation matrix (tests/authz/matrix.test.ts) and the fuzz suite aim at, seeded over HTTP
 * on a real server: compound A (Hangzhou) with units 1-1-101 (owner p1), 1-1-102 (owner p2) and 2-1-101
 * (developer-held), compound B alike, and on A one record of every kind an endpoint names, so that every row
 * reaches the authorisation it documents instead of a 404 for everyone:
 * - a contract with firm X (the owners chose it between X and Y; decision `decision`), signed, with a complaint,
 *   a fee adjustment and a satisfaction survey;
 * - a motion open for voting with p2's ballot cast (`receipt`);
 * - a tender before its bid deadline with one sealed bid from X;
 * - the funds open with 1-1-101's and 1-1-102's first deposits, an emergency release requested by X;
 * - a petition, a dispute, a joint meeting, a residents' request (三方联动), the residents' roll, a residents'
 *   meeting and a request to convene it, the committee's preparatory group and an open election.
 */
import { createHash } from 'node:crypto';
import { bidCommitment, type BidTerms } from '../../domain/hiring/index.js';
import { chinaDateOf } from '../../domain/time/legalPeriod.js';
import type { ManualClock } from '../../services/clock.js';
import { startTestApi, type TestApi } from './api.js';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;

export const FIRM_X = { code: '91330106MA0X000011', name: 'X物业', agent: 'f-X' } as const;
export const FIRM_Y = { code: '91330106MA0Y000011', name: 'Y物业', agent: 'f-Y' } as const;
/** The sealed bid's commitment on the tender before its deadline (must never show there). */
export const SEALED_COMMITMENT = createHash('sha256').update('sealed').digest('hex');
/** The owners' names in the registry (personal data: only the roles entitled read them). */
export const OWNER_NAMES = ['业主张一', '业主李二'] as const;

export interface AuthzWorld {
  readonly api: TestApi;
  readonly clock: ManualClock;
  readonly admin: string;
  readonly A: string;
  readonly B: string;
  /** Every id a matrix URL may name, by the placeholder's name (`{motion}` → ids.motion). */
  readonly ids: Readonly<Record<string, string>>;
}

export async function seedAuthzWorld(): Promise<AuthzWorld> {
  const api = await startTestApi();
  const clock = api.runtime.deps.clock as ManualClock;
  const later = (ms: number) => clock.set(new Date(clock.now().getTime() + ms));
  const inDays = (d: number) => new Date(clock.now().getTime() + d * DAY).toISOString();
  const ok = async (what: string, p: Promise<{ statusCode: number; body: string; json(): unknown }>): Promise<Record<string, string>> => {
    const r = await p;
    if (r.statusCode !== 201 && r.statusCode !== 200) throw new Error(`seeding the matrix world: ${what}: ${r.statusCode} ${r.body}`);
    return r.json() as Record<string, string>;
  };
  const admin = await api.token('p-admin', 'admin');
  const units = [
    { unitId: '1-1-101', building: '1', area: '100.25', areaSource: 'registry', owners: [{ personId: 'p1', name: OWNER_NAMES[0] }] },
    { unitId: '1-1-102', building: '1', area: '88.1234', areaSource: 'registry', owners: [{ personId: 'p2', name: OWNER_NAMES[1] }] },
    { unitId: '2-1-101', building: '2', area: '120', areaSource: 'survey', owners: [], developerHeld: true },
  ];
  const register = async (name: string) => {
    const { compoundId } = await ok('compound', api.call('POST', '/v1/compounds', { token: admin, body: { name, address: '文三路 1 号', jurisdiction: 'hangzhou' } }));
    await ok('units', api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } }));
    return compoundId!;
  };
  const A = await register('翠湖花园');
  const B = await register('金色家园');
  const as = (personId: string, role: string) => api.token(personId, `${role}@${A}`);
  const oc = await as('p-oc', 'oc_member');
  const rc = await as('p-rc_staff', 'rc_staff');
  const street = await as('p-street_office', 'street_office');
  const p1 = await as('p1', 'owner');
  const p2 = await as('p2', 'owner');
  const developer = await as('p-developer', 'developer');
  const x = await as(FIRM_X.agent, 'property_firm');
  const y = await as(FIRM_Y.agent, 'property_firm');
  const post = (what: string, url: string, token: string, body?: unknown) => ok(what, api.call('POST', url, { token, ...(body !== undefined ? { body } : {}) }));

  // The contract: a tender between X and Y, the owners choose X, the contract drawn and signed.
  await post('firm X', `/v1/compounds/${A}/firms`, x, { name: FIRM_X.name, creditCode: FIRM_X.code });
  await post('firm Y', `/v1/compounds/${A}/firms`, y, { name: FIRM_Y.name, creditCode: FIRM_Y.code });
  const tender = (deadlineDays: number) => ({
    title: '物业选聘',
    scope: '全区物业服务',
    standards: '杭州市二级',
    feeCeiling: '3.00',
    termMonths: 12,
    bidDeadline: inDays(deadlineDays),
    criteria: [{ criterionId: 'price', name: '报价', weight: 100 }],
    holdBackPercent: 10,
  });
  const { tenderId: contract } = await post('tender', `/v1/compounds/${A}/tenders`, oc, tender(10));
  const salt = 'salt-0123456789abcdef0123456789abcdef';
  const bids: [string, typeof FIRM_X | typeof FIRM_Y, BidTerms][] = [
    [x, FIRM_X, { feePerSquareMetreMonth: '1.50', servicePlanRef: 'plan-x', staffing: 10, promises: ['24h'] }],
    [y, FIRM_Y, { feePerSquareMetreMonth: '1.70', servicePlanRef: 'plan-y', staffing: 9, promises: [] }],
  ];
  for (const [token, f, terms] of bids) await post('bid', `/v1/tenders/${contract}/bids`, token, { firmId: f.code, commitment: bidCommitment(contract!, f.code, terms, salt) });
  later(10 * DAY + HOUR);
  for (const [token, f, terms] of bids) await post('reveal', `/v1/tenders/${contract}/bids/${f.code}/reveal`, token, { terms, salt });
  await post('declaration', `/v1/tenders/${contract}/declarations`, oc, { conflicts: [] });
  await post('score X', `/v1/tenders/${contract}/scores`, oc, { firmId: FIRM_X.code, scores: { price: 90 } });
  await post('score Y', `/v1/tenders/${contract}/scores`, oc, { firmId: FIRM_Y.code, scores: { price: 70 } });
  later(5 * DAY);
  const { motionId: choice } = await post('tender motion', `/v1/tenders/${contract}/motion`, oc, { opensAt: inDays(20), closesAt: inDays(27) });
  await post('notice', `/v1/motions/${choice}/notice`, oc);
  later(20 * DAY);
  await post('open', `/v1/motions/${choice}/open`, oc);
  await post('ballot p1', `/v1/motions/${choice}/ballots`, p1, { unitId: '1-1-101', option: FIRM_X.code });
  await post('ballot p2', `/v1/motions/${choice}/ballots`, p2, { unitId: '1-1-102', option: FIRM_X.code });
  await post('ballot developer', `/v1/motions/${choice}/ballots`, developer, { unitId: '2-1-101', option: FIRM_X.code });
  later(7 * DAY);
  const closed = await api.call('POST', `/v1/motions/${choice}/close`, { token: oc });
  if (closed.statusCode !== 201 && closed.statusCode !== 409) throw new Error(closed.body);
  await post('result', `/v1/motions/${choice}/result`, oc);
  const { decisionId: decision } = await post('final', `/v1/motions/${choice}/final`, oc);
  for (let i = 0; i < 100; i++) {
    if ((await api.call('GET', `/v1/contracts/${contract}`, { token: oc })).statusCode === 200) break;
    await new Promise((res) => setTimeout(res, 50));
  }
  await post('sign', `/v1/contracts/${contract}/sign`, oc, { startsOn: chinaDateOf(clock.now()), documentRef: '合同 1' });
  const { complaintId: complaint } = await post('complaint', `/v1/contracts/${contract}/complaints`, p1, { subject: '电梯维保不及时' });
  await post('fee adjustment', `/v1/contracts/${contract}/fee-adjustments`, x, { adjustmentId: 'adj-1', proposedFee: '1.80', auditReportRef: '审计报告 2026-07', range: '全体业主住宅', reasons: '最低工资标准上调' });
  await post('survey', `/v1/contracts/${contract}/surveys`, oc, { surveyId: 'survey-1', title: '满意度测评', questions: [{ questionId: 'q1', text: '总体满意度' }], closesAt: inDays(30) });

  // The funds: open, two first deposits, an emergency release.
  await post('funds', `/v1/compounds/${A}/funds`, oc, { ratePerSquareMetre: '120.50', evidenceRef: '杭房〔2026〕1号' });
  const transfers: string[] = [];
  for (const unitId of ['1-1-101', '1-1-102']) transfers.push(...((await post('deposit', `/v1/compounds/${A}/funds/deposits`, oc, { unitId, basis: 'first_deposit', evidence: [`slip-${unitId}`] })) as unknown as { transferIds: string[] }).transferIds);
  const { releaseId: release } = await post('emergency', `/v1/compounds/${A}/releases/emergency`, x, {
    item: 'lift_failure',
    description: '1号楼电梯停运',
    evidence: [{ kind: 'inspection_notice', ref: '特检院整改通知 2026-88' }],
    estimate: '3000.00',
    contractor: { name: '丙电梯公司' },
    chargeScope: { kind: 'buildings', buildings: ['1'] },
  });

  // Petitions, disputes, three parties, residents, the committee.
  const { petitionId: petition } = await post('petition', `/v1/compounds/${A}/petitions`, p1, { purpose: '罢免业主委员会委员' });
  const { disputeId: dispute } = await post('dispute', `/v1/compounds/${A}/disputes`, p1, { category: 'fees', respondents: ['firm'], description: '物业费上调' });
  const { meetingId: joint } = await post('joint meeting', `/v1/compounds/${A}/joint-meetings`, rc, { invited: ['rc', 'oc', 'firm'], agenda: [{ itemId: 'parking', title: '停车难' }], heldAt: inDays(7) });
  const { requestId: request } = await post('request', `/v1/compounds/${A}/requests`, p1, { category: '路灯', building: '1', description: '1 号楼前路灯不亮' });
  await post('residents roll', `/v1/compounds/${A}/residents/roll`, rc, { households: [{ householdId: 'h1', adults: 2, group: 'g1' }, { householdId: 'h2', adults: 1, group: 'g1' }] });
  const { requestId: residentsRequest } = await post('residents request', `/v1/compounds/${A}/residents/requests`, rc, { purpose: '讨论加装电梯' });
  const { meetingId: residentsMeeting } = await post('residents meeting', `/v1/compounds/${A}/residents/meetings`, rc, {
    kind: 'residents_meeting',
    constituency: { kind: 'household_representatives' },
    agenda: [{ itemId: 'lift', title: '加装电梯方案' }],
    heldAt: inDays(7),
  });
  await post('group', `/v1/compounds/${A}/committee/group`, street, {
    members: [
      { memberId: 'g1', name: '李街道', kind: 'street_office' },
      { memberId: 'g2', name: '业主甲', kind: 'owner_representative', unitId: '1-1-101' },
      { memberId: 'g3', name: '业主乙', kind: 'owner_representative', unitId: '1-1-102' },
    ],
    leaderMemberId: 'g1',
  });
  const { electionId: election } = await post('election', `/v1/compounds/${A}/committee/elections`, street, { seats: 3, termYears: 5 });

  // Done once, so that the rows doing them again are refused the same way for every role let through.
  await post('manager report', `/v1/contracts/${contract}/manager-report`, x, { reference: '居委会报到登记 1 号' });
  await post('answer', `/v1/contracts/${contract}/complaints/${complaint}/answer`, x, { answer: '已安排维保' });
  await post('disclosure', `/v1/contracts/${contract}/disclosures`, x, { period: 1, kinds: ['fees'], reference: '公示 1' });
  await post('posting', `/v1/fee-adjustments/adj-1/post`, oc);
  await post('response', `/v1/surveys/survey-1/responses`, p1, { answers: { q1: 4 } });
  await post('signature', `/v1/petitions/${petition}/signatures`, p1, { unitId: '1-1-101' });
  await post('developer deposit', `/v1/compounds/${A}/funds/deposits`, developer, { unitId: '2-1-101', basis: 'first_deposit', evidence: ['slip-2-1-101'] });
  await post('residents signature', `/v1/residents/requests/${residentsRequest}/signatures`, rc, { householdId: 'h1', evidenceRef: '联名书第1页' });
  const { disputeId: mediated } = await post('dispute', `/v1/compounds/${A}/disputes`, p1, { category: 'service', respondents: ['firm'], description: '保洁不到位' });
  await post('mediation', `/v1/disputes/${mediated}/mediation`, rc, { mediator: 'mediation_committee' });
  await post('joint results', `/v1/joint-meetings/${joint}/results`, rc);
  await post('group posting', `/v1/compounds/${A}/committee/group/posting`, rc);

  // The open motion with p2's ballot, and the sealed tender.
  const { motionId: motion } = await post('motion', `/v1/compounds/${A}/motions`, oc, { title: '续聘物业', description: '', matter: 'other_major', opensAt: inDays(20), closesAt: inDays(30) });
  await post('notice', `/v1/motions/${motion}/notice`, oc);
  later(20 * DAY);
  await post('open', `/v1/motions/${motion}/open`, oc);
  const { receipt } = await post('ballot', `/v1/motions/${motion}/ballots`, p2, { unitId: '1-1-102', choice: 'against' });
  const { tenderId: sealed } = await post('sealed tender', `/v1/compounds/${A}/tenders`, oc, tender(10));
  await post('sealed bid', `/v1/tenders/${sealed}/bids`, x, { firmId: FIRM_X.code, commitment: SEALED_COMMITMENT });

  return {
    api,
    clock,
    admin,
    A,
    B,
    ids: {
      A,
      motion: motion!,
      receipt: receipt!,
      decision: decision!,
      choice: choice!,
      contract: contract!,
      tender: sealed!,
      complaint: complaint!,
      adjustment: 'adj-1',
      survey: 'survey-1',
      transfer: transfers[0]!,
      release: release!,
      petition: petition!,
      dispute: dispute!,
      mediated: mediated!,
      joint: joint!,
      request: request!,
      residentsRequest: residentsRequest!,
      residentsMeeting: residentsMeeting!,
      election: election!,
      firmX: FIRM_X.code,
    },
  };
}
