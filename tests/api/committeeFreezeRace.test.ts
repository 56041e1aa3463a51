/**
 * Shanghai's transition freeze (沪规定 Art. 28 para. 4) is checked atomically with the motion it guards: a
 * re-election group formed by another request between the freeze check's read of the committee's stream and
 * the motion's write must not let a motion to dismiss the firm slip through. The store here forms the group
 * right after the first read of the committee's stream once armed, which is exactly that interleaving.
 */
import t from 'tap';
import { committeeDecider, committeeStreamId, type CommitteeCommand } from '../../domain/committee/index.js';
import { handleCommand } from '../../services/commands/handler.js';
import { isDomainError } from '../../domain/shared/errors.js';
import { systemEnvelope } from '../../services/platform/reactor.js';
import { memoryStore } from '../../services/store/memory.js';
import type { EventStore } from '../../services/store/port.js';
import { startTestApi } from '../support/api.js';

const DAY = 24 * 3600 * 1000;
const ADMIN = { personId: 'p-admin', grants: ['admin'] };

t.test('a re-election group formed between the freeze check and the motion refuses the motion (沪规定 Art. 28 para. 4)', async (t) => {
  const inner = memoryStore();
  let onCommitteeRead: ((streamId: string) => Promise<void>) | null = null;
  const store: EventStore = Object.assign(Object.create(inner) as EventStore, {
    async readStream(streamId: string, options?: Parameters<EventStore['readStream']>[1]) {
      const events = await inner.readStream(streamId, options);
      const hook = onCommitteeRead;
      if (hook && streamId.startsWith('committee-')) {
        onCommitteeRead = null;
        await hook(streamId);
      }
      return events;
    },
    append: inner.append.bind(inner),
    readAll: inner.readAll.bind(inner),
    subscribe: inner.subscribe.bind(inner),
    headPosition: inner.headPosition.bind(inner),
    health: inner.health.bind(inner),
    treeHead: inner.treeHead.bind(inner),
    close: inner.close.bind(inner),
  });
  const api = await startTestApi(t, { store });
  const rt = api.runtime;
  const admin = await api.token('p-admin', 'admin');
  const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: '古北花园', address: '上海市长宁区 1 号', jurisdiction: 'shanghai' } })).json() as { compoundId: string };
  const units = Array.from({ length: 8 }, (_, i) => ({ unitId: `1-${101 + i}`, building: '1', area: '100', areaSource: 'registry', owners: [{ personId: `p${i}`, name: `业主${i}` }] }));
  t.equal((await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units } })).statusCode, 201);
  let n = 0;
  const run = async (command: CommitteeCommand) => {
    const out = await rt.deps.committee.handle(compoundId, command, systemEnvelope(`setup-${n++}`, rt.deps.clock.now()));
    if (isDomainError(out)) throw new Error(`${out.code}: ${out.message}`);
  };
  await run({ type: 'FormPreparatoryGroup', data: { compoundId, jurisdiction: 'shanghai', knownUnits: ['1-101', '1-102'], leaderMemberId: 'g1', members: [{ memberId: 'g1', name: '组长', kind: 'street_office' }, { memberId: 'g2', name: '甲', kind: 'owner_representative', unitId: '1-101' }, { memberId: 'g3', name: '乙', kind: 'owner_representative', unitId: '1-102' }] }, by: ADMIN });
  await run({ type: 'OpenElection', data: { electionId: 'e1', seats: 5, termYears: 5, size: { totalArea: '800', households: 8 } }, by: ADMIN });
  const declarations = { full_capacity: { declared: true }, no_firm_interest: { declared: true, pledgeRef: '承诺书' }, no_arrears: { declared: true, evidenceRef: '缴费证明' } };
  for (let i = 0; i < 5; i++) {
    await run({ type: 'NominateCandidate', data: { electionId: 'e1', candidateId: `c${i}`, name: `委员${i}`, personId: `p${i}`, route: 'residents_committee', ownedUnits: [`1-${101 + i}`], declarations }, by: ADMIN });
    await run({ type: 'VetCandidate', data: { electionId: 'e1', candidateId: `c${i}`, outcome: 'approved', reason: '同意' }, by: { personId: 'p-street', grants: ['street_office'] } });
  }
  await run({ type: 'PostCandidates', data: { electionId: 'e1' }, by: ADMIN });
  await run({ type: 'SeatCommittee', data: { electionId: 'e1', motionId: 'm0', decisionId: 'd0', elected: ['c0', 'c1', 'c2', 'c3', 'c4'], unfilledSeats: 0, decidedAt: rt.deps.clock.now().toISOString() }, by: { personId: 'system', grants: ['system'] } });

  // The concurrent request: the street office forms the re-election group right after the check has read. It comes
  // from another process sharing the log (within one process, commands on a stream take turns, so none can come
  // between the read and the write): it appends to the log directly, past this process's turns.
  let formed = false;
  onCommitteeRead = async () => {
    const out = await handleCommand(inner, committeeDecider, committeeStreamId(compoundId), {
      type: 'FormReelectionGroup',
      data: {
        knownUnits: ['1-106', '1-107', '1-108'],
        leaderMemberId: 'h1',
        members: [
          { memberId: 'h1', name: '街道代表', kind: 'street_office' },
          { memberId: 'h2', name: '业主代表甲', kind: 'owner_representative', unitId: '1-106' },
          { memberId: 'h3', name: '业主代表乙', kind: 'owner_representative', unitId: '1-107' },
        ],
      },
      by: { personId: 'p-street', grants: ['street_office'] },
    }, systemEnvelope('other-process', rt.deps.clock.now()), {});
    if (isDomainError(out)) throw new Error(`${out.code}: ${out.message}`);
    formed = true;
  };
  const now = rt.deps.clock.now().getTime();
  const res = await api.call('POST', `/v1/compounds/${compoundId}/motions`, {
    token: await api.token('p0', `oc_member@${compoundId}`),
    body: { title: '解聘物业', description: '', matter: 'hire_or_dismiss_firm', proposal: { action: 'dismiss', firm: { name: '某物业公司' } }, opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() },
  });
  t.ok(formed, 'the group was formed between the check and the write');
  t.equal(res.statusCode, 409, `the motion is refused: ${res.body}`);
  t.equal(res.json().code, 'transition_freeze');
  t.match(res.json().details, { source: '沪规定 Art. 28 para. 4', item: '(一)' });
  const motions = (await inner.readAll()).filter((e) => e.type === 'MotionProposed');
  t.equal(motions.length, 0, 'no motion reached the log');
  const committee = await inner.readStream(committeeStreamId(compoundId));
  t.notOk(committee.some((e) => e.type === 'FreezeCheckPassed'), 'no check passed');

  // Outside a freeze the check is written with the motion; a retry of the same step writes nothing more.
  const covenant = await api.call('POST', `/v1/compounds/${compoundId}/motions`, {
    token: await api.token('p0', `oc_member@${compoundId}`),
    body: { title: '修改管理规约', description: '', matter: 'management_rules', proposal: { text: '修改' }, opensAt: new Date(now + 20 * DAY).toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() },
  });
  t.equal(covenant.statusCode, 201, 'the covenant is not frozen');
});
