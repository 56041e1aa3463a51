/**
 * A member who sells their only unit leaves the committee exactly once, also when the process stops between
 * the reactor's command and its checkpoint: the restarted reactor reads the transfer again, finds its
 * command's id in the committee stream and runs nothing. A member who still owns another unit stays.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { committeeStreamId, type CommitteeCommand } from '../../../domain/committee/index.js';
import { isDomainError } from '../../../domain/shared/errors.js';
import { openPlatformDb } from '../../../services/platform/platformDb.js';
import { systemEnvelope } from '../../../services/platform/reactor.js';
import type { Runtime } from '../../../services/runtime.js';
import { startTestApi, type TestApi } from '../../support/api.js';

const ADMIN = { personId: 'p-admin', grants: ['admin'] };

async function run(runtime: Runtime, compoundId: string, command: CommitteeCommand, n: number) {
  const out = await runtime.deps.committee.handle(compoundId, command, systemEnvelope(`setup-${n}`, runtime.deps.clock.now()));
  if (isDomainError(out)) throw new Error(`${out.code}: ${out.message}`);
  return out;
}

/** A Beijing compound whose committee of 5 is seated (person p0 owns two units; the others one each). */
async function seated(api: TestApi) {
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '望京', address: '望京街 1 号', jurisdiction: 'beijing' } })).json() as { compoundId: string };
  const units = Array.from({ length: 6 }, (_, i) => ({ unitId: `1-${101 + i}`, building: '1', area: '90', areaSource: 'registry', owners: [{ personId: `p${i === 5 ? 0 : i}`, name: `业主${i}` }] }));
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  const rt = api.runtime;
  let n = 0;
  await run(rt, compoundId, { type: 'FormPreparatoryGroup', data: { compoundId, jurisdiction: 'beijing', knownUnits: ['1-101'], leaderMemberId: 'g1', members: [{ memberId: 'g1', name: '居委', kind: 'residents_committee' }, { memberId: 'g2', name: '甲', kind: 'owner_representative', unitId: '1-101' }, { memberId: 'g3', name: '乙', kind: 'owner_representative', unitId: '1-101' }] }, by: ADMIN }, n++);
  await run(rt, compoundId, { type: 'OpenElection', data: { electionId: 'e1', seats: 5, termYears: 5, size: { totalArea: '540', households: 6 } }, by: ADMIN }, n++);
  const declarations = { full_capacity: { declared: true }, no_firm_interest: { declared: true }, not_dishonest_debtor: { declared: true, evidenceRef: 'x' } };
  for (let i = 0; i < 5; i++) {
    await run(rt, compoundId, { type: 'NominateCandidate', data: { electionId: 'e1', candidateId: `c${i}`, name: `候选${i}`, personId: `p${i}`, route: 'residents_committee', ownedUnits: await rt.deps.committee.ownedUnits(compoundId, `p${i}`), declarations }, by: ADMIN }, n++);
    await run(rt, compoundId, { type: 'VetCandidate', data: { electionId: 'e1', candidateId: `c${i}`, outcome: 'approved', reason: '同意' }, by: { personId: 'p-party', grants: ['party_committee'] } }, n++);
  }
  await run(rt, compoundId, { type: 'PostCandidates', data: { electionId: 'e1' }, by: ADMIN }, n++);
  await run(rt, compoundId, { type: 'SeatCommittee', data: { electionId: 'e1', motionId: 'm', decisionId: 'd', elected: ['c0', 'c1', 'c2', 'c3', 'c4'], unfilledSeats: 0, decidedAt: rt.deps.clock.now().toISOString() }, by: { personId: 'system', grants: ['system'] } }, n++);
  return { admin, compoundId };
}

const ended = async (api: TestApi, compoundId: string) =>
  (await api.runtime.deps.store.readStream(committeeStreamId(compoundId))).filter((e) => e.type === 'MembershipEnded');

async function until(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out: ${what}`);
}

t.test('the membership reactor acts once across a restart with its checkpoint behind the transfer', async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cg-committee-'));
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  let api = await startTestApi({ dataDir });
  const { admin, compoundId } = await seated(api);

  // p0 owns two units: selling one keeps them on the committee.
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units/1-101/transfer`, { token: admin, body: { owners: [{ personId: 'q1', name: '买方' }] } })).statusCode, 201);
  // p1 sells their only unit.
  const sold = await api.call('POST', `/v1/compounds/${compoundId}/units/1-102/transfer`, { token: admin, body: { owners: [{ personId: 'q2', name: '买方' }] } });
  t.equal(sold.statusCode, 201);
  await until(async () => (await ended(api, compoundId)).length === 1, 'p1 leaves');
  const [first] = await ended(api, compoundId);
  t.match(first!.data, { memberId: 'c1', reason: 'no_longer_owner', unitId: '1-102', remaining: 4, seats: 5 });
  t.ok(await api.runtime.deps.platform.reactors.waitFor('committee.membership-ends', BigInt(sold.json().position), 5_000), 'checkpoint past the sale');
  await api.close(true);

  // As if the process had died after the command and before the checkpoint: take the checkpoint back.
  const db = openPlatformDb(join(dataDir, 'platform.db'));
  db.saveCheckpoint('committee.membership-ends', 0n);
  db.close();
  api = await startTestApi({ dataDir });
  t.teardown(() => api.close(true));
  t.ok(await api.runtime.deps.platform.reactors.waitFor('committee.membership-ends', BigInt(sold.json().position), 5_000), 'replayed past the sale');
  // The replayed sale finds p1 no longer serving (and, were it to issue, its command id already in the stream).
  t.equal(api.runtime.deps.platform.reactors.status().find((s) => s.name === 'committee.membership-ends')!.refused, 0);
  t.equal((await ended(api, compoundId)).length, 1, 'still exactly one MembershipEnded after the replay');
  t.match((await api.call('GET', `/v1/compounds/${compoundId}/committee`, { token: admin })).json().committee, { serving: 4 });
});
