/**
 * A Beijing compound with a seated owners' committee, set up through the committee service rather than HTTP
 * (the election itself is tested in tests/api/committee.test.ts): `units` units of 100 m², unit `1-{101+i}` owned
 * by `p{i}`; a preparatory group; an election of `seats` seats and `alternates` alternates; candidates `c0…`
 * (person `p{i}`, unit `1-{101+i}`) nominated, vetted by the Party committee, posted, and all elected.
 * Used by the tests of what follows a seated committee (leaving it, the supervisory board kept apart from it).
 */
import type { CommitteeCommand } from '../../domain/committee/index.js';
import { isDomainError } from '../../domain/shared/errors.js';
import type { ManualClock } from '../../services/clock.js';
import { systemEnvelope } from '../../services/platform/reactor.js';
import type { startTestApi } from './api.js';
import type { Test } from 'tap';

type TestApi = Awaited<ReturnType<typeof startTestApi>>;
const ADMIN = { personId: 'p-admin', grants: ['admin'] };

export async function seatBeijingCommittee(t: Test, api: TestApi, o: { units: number; seats: number; alternates?: number }): Promise<{ compoundId: string; admin: string; clock: ManualClock }> {
  const clock = api.runtime.deps.clock as ManualClock;
  const admin = await api.token('p-admin', 'admin');
  const created = await api.call('POST', '/v1/compounds', { token: admin, body: { name: '望京花园', address: '北京市朝阳区 1 号', jurisdiction: 'beijing' } });
  if (created.statusCode !== 201) throw new Error(`compound: ${created.body}`);
  const { compoundId } = created.json() as { compoundId: string };
  const units = Array.from({ length: o.units }, (_, i) => ({ unitId: `1-${101 + i}`, building: '1', area: '100', areaSource: 'registry', owners: [{ personId: `p${i}`, name: `业主${i}` }] }));
  const imported = await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } });
  t.equal(imported.statusCode, 201, 'the units imported');
  const rt = api.runtime;
  let n = 0;
  const run = async (command: CommitteeCommand) => {
    const out = await rt.deps.committee.handle(compoundId, command, systemEnvelope(`setup-${n++}`, rt.deps.clock.now()));
    if (isDomainError(out)) throw new Error(`${out.code}: ${out.message}`);
  };
  const alternates = o.alternates ?? 0;
  await run({ type: 'FormPreparatoryGroup', data: { compoundId, jurisdiction: 'beijing', knownUnits: ['1-101', '1-102'], leaderMemberId: 'g1', members: [{ memberId: 'g1', name: '组长', kind: 'residents_committee' }, { memberId: 'g2', name: '甲', kind: 'owner_representative', unitId: '1-101' }, { memberId: 'g3', name: '乙', kind: 'owner_representative', unitId: '1-102' }] }, by: ADMIN });
  await run({ type: 'OpenElection', data: { electionId: 'e1', seats: o.seats, ...(alternates ? { alternates } : {}), termYears: 5, size: { totalArea: String(o.units * 100), households: o.units } }, by: ADMIN });
  const declarations = { full_capacity: { declared: true }, no_firm_interest: { declared: true }, not_dishonest_debtor: { declared: true, evidenceRef: '信用中国' } };
  const candidates = Array.from({ length: o.seats + alternates }, (_, i) => `c${i}`);
  for (const [i, candidateId] of candidates.entries()) {
    await run({ type: 'NominateCandidate', data: { electionId: 'e1', candidateId, name: `委员${i}`, personId: `p${i}`, route: 'residents_committee', ownedUnits: [`1-${101 + i}`], declarations }, by: ADMIN });
    await run({ type: 'VetCandidate', data: { electionId: 'e1', candidateId, outcome: 'approved', reason: '同意' }, by: { personId: 'p-party', grants: ['party_committee'] } });
  }
  await run({ type: 'PostCandidates', data: { electionId: 'e1' }, by: ADMIN });
  // The first `seats` are members, the rest alternates in that order.
  await run({ type: 'SeatCommittee', data: { electionId: 'e1', motionId: 'm0', decisionId: 'd0', elected: candidates, unfilledSeats: 0, decidedAt: clock.now().toISOString() }, by: { personId: 'system', grants: ['system'] } });
  return { compoundId, admin, clock };
}
