/**
 * Issue #9 item 2 in the motion decider: bounded free text, identifiers, scope buildings that exist in the
 * compound's registry, instants within 2000–2100.
 */
import t from 'tap';
import {
  ballotDecider,
  decideBallot,
  motionDecider,
  type MotionCommand,
  type MotionEvent,
  type MotionState,
  type ProposeMotion,
  type ProposeMotionData,
} from '../../../domain/assembly/index.js';
import type { VoterIdentity } from '../../../domain/registry/types.js';
import { isDomainError, type DomainError } from '../../../domain/shared/errors.js';

const convenor = { personId: 'p-oc', grants: ['oc_member'] };
const staff = { personId: 'p-rc', grants: ['rc_staff'] };
const roll: VoterIdentity[] = [
  { voterId: 'owners:a', developerHeld: false, ownerPersonIds: ['p-a'], units: [{ unitId: '1-1-101', building: '1', area: '100.00' }], area: '100.00' },
];
const NOW = '2024-03-04T10:00:00+08:00';
const OPEN = '2024-03-20T09:00:00+08:00';

function stream() {
  let state: MotionState = motionDecider.initialState();
  let n = 0;
  return {
    get state() {
      return state;
    },
    run(command: MotionCommand, now: string): readonly MotionEvent[] | DomainError {
      const decided = motionDecider.decide(command, state, { now: new Date(now), newId: () => `id-${n++}`, actor: { personId: 'p-oc', role: 'oc_member' } });
      if (!isDomainError(decided)) for (const e of decided) state = motionDecider.evolve(state, e);
      return decided;
    },
  };
}

const proposal = (over: Partial<ProposeMotionData> = {}): ProposeMotion => ({
  type: 'ProposeMotion',
  data: {
    motionId: 'm1',
    compoundId: 'c1',
    jurisdiction: 'hangzhou',
    title: '续聘物业服务企业',
    description: '是否续聘现物业服务企业三年',
    matter: 'hire_or_dismiss_firm',
    scope: { kind: 'compound' },
    compoundBuildings: ['1', '2', '3'],
    opensAt: OPEN,
    closesAt: '2024-03-30T18:00:00+08:00',
    ...over,
  },
  by: convenor,
});

const code = (r: unknown) => (isDomainError(r) ? `${r.error}:${r.code}` : 'ok');
const propose = (over: Partial<ProposeMotionData>) => stream().run(proposal(over), NOW);

t.test('a motion\u2019s buildings must exist in the compound when it is proposed', async (t) => {
  t.equal(code(propose({ scope: { kind: 'buildings', buildings: ['1', '3'] } })), 'ok');
  const r = propose({ scope: { kind: 'buildings', buildings: ['1', '9', '10'] } });
  t.equal(code(r), 'invalid:unknown_buildings');
  t.same(isDomainError(r) && r.details, { missing: ['9', '10'] }, 'names the missing ones');
  t.equal(code(propose({ scope: { kind: 'buildings', buildings: ['1'] }, compoundBuildings: [] })), 'invalid:unknown_buildings', 'a compound without units has no buildings');
  const buildingScope = proposal({ scope: { kind: 'buildings', buildings: ['1'] } });
  const { compoundBuildings: _, ...withoutRegistry } = buildingScope.data;
  t.equal(code(stream().run({ ...buildingScope, data: withoutRegistry }, NOW)), 'invalid:unknown_buildings', 'without the registry\u2019s buildings a building scope is refused');
  t.equal(code(propose({ scope: { kind: 'buildings', buildings: ['../1'] } })), 'invalid:invalid_motion', 'building names are identifiers');
  const many = Array.from({ length: 20_000 }, (_, i) => String(i + 1));
  t.equal(code(propose({ scope: { kind: 'buildings', buildings: many }, compoundBuildings: many })), 'invalid:invalid_motion', 'a 20,000-building scope is refused');
});

t.test('titles, descriptions and reasons are bounded; titles are one line', async (t) => {
  t.equal(code(propose({ title: 'x'.repeat(200) })), 'ok');
  t.equal(code(propose({ title: 'x'.repeat(201) })), 'invalid:invalid_motion');
  t.equal(code(propose({ title: '第一行\n第二行' })), 'invalid:invalid_motion', 'a title is one line');
  t.equal(code(propose({ title: 'x\u0000' })), 'invalid:invalid_motion');
  t.equal(code(propose({ description: '第一段\n\n第二段' })), 'ok', 'a description may have paragraphs');
  t.equal(code(propose({ description: '' })), 'ok', 'a description may be empty');
  t.equal(code(propose({ description: 'x'.repeat(10_001) })), 'invalid:invalid_motion');
  t.equal(code(propose({ description: 'bell\u0007' })), 'invalid:invalid_motion');
  t.equal(code(propose({ jurisdiction: 'national', deemedVotes: { basis: 'x'.repeat(501) } })), 'invalid:invalid_motion');

  const m = stream();
  m.run(proposal(), NOW);
  t.equal(code(m.run({ type: 'CancelMotion', data: { motionId: 'm1', reason: 'x'.repeat(1024 * 1024) }, by: convenor }, NOW)), 'invalid:invalid_motion', 'a 1 MB reason is refused');
  t.equal(code(m.run({ type: 'CancelMotion', data: { motionId: 'm1', reason: 'x\u0000' }, by: convenor }, NOW)), 'invalid:invalid_motion');
  t.equal(code(m.run({ type: 'CancelMotion', data: { motionId: 'm1', reason: '业委会换届\n另行召集' }, by: convenor }, NOW)), 'ok');
});

t.test('instants outside 2000–2100 are refused with instant_out_of_range', async (t) => {
  t.equal(code(propose({ opensAt: '9999-03-20T09:00:00+08:00', closesAt: '9999-03-30T18:00:00+08:00' })), 'invalid:instant_out_of_range');
  t.equal(code(propose({ closesAt: '2100-01-01T00:00:00Z' })), 'invalid:instant_out_of_range');
  t.equal(code(propose({ opensAt: '1999-12-01T00:00:00Z', closesAt: '1999-12-20T00:00:00Z' })), 'invalid:instant_out_of_range');
});

t.test('mandates: person ids are identifiers, references and evidence bounded', async (t) => {
  const m = stream();
  m.run(proposal(), NOW);
  m.run({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, NOW);
  t.equal(code(m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, OPEN)), 'ok');
  const mandate = (over: Record<string, unknown>) =>
    code(m.run({ type: 'RegisterMandate', data: { motionId: 'm1', unitId: '1-1-101', principalPersonId: 'p-a', proxyPersonId: 'p-b', mandateRef: 'WT-1', evidenceRef: 'box-1', ...over }, by: staff } as MotionCommand, OPEN));
  t.equal(mandate({ proxyPersonId: 'x'.repeat(1024 * 1024) }), 'invalid:invalid_mandate', 'a 1 MB proxy id');
  t.equal(mandate({ proxyPersonId: '__proto__' }), 'invalid:invalid_mandate');
  t.equal(mandate({ mandateRef: 'WT\n1' }), 'invalid:invalid_mandate');
  t.equal(mandate({ evidenceRef: 'x'.repeat(20 * 1024 * 1024) }), 'invalid:invalid_evidence_ref', 'a 20 MB evidence reference');
  t.equal(mandate({ evidenceRef: 'box\u00001' }), 'invalid:invalid_evidence_ref');
  t.equal(mandate({}), 'ok');
});

t.test('paper ballots: the evidence reference is bounded and one line', async (t) => {
  const m = stream();
  m.run(proposal(), NOW);
  m.run({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, NOW);
  m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, OPEN);
  const paper = (evidenceRef: string) =>
    code(
      decideBallot(
        { type: 'CastBallot', data: { motionId: 'm1', unitId: '1-1-101', choice: 'for', channel: 'paper', onBehalfOf: 'p-a', evidenceRef }, by: staff },
        m.state,
        ballotDecider.initialState(),
        { now: new Date(OPEN), newId: () => 'b1', actor: { personId: 'p-rc', role: 'rc_staff' } },
      ),
    );
  t.equal(paper('x'.repeat(20 * 1024 * 1024)), 'invalid:invalid_evidence_ref', 'a 20 MB evidence reference');
  t.equal(paper('box\n1'), 'invalid:invalid_evidence_ref');
  t.equal(paper('纸质票箱/3号'), 'ok');
  const electronic = code(
    decideBallot(
      { type: 'CastBallot', data: { motionId: 'm1', unitId: '1-1-101', choice: 'for', channel: 'electronic', evidenceRef: 'x'.repeat(501) }, by: { personId: 'p-a', grants: ['owner'] } },
      m.state,
      ballotDecider.initialState(),
      { now: new Date(OPEN), newId: () => 'b1', actor: { personId: 'p-a', role: 'owner' } },
    ),
  );
  t.equal(electronic, 'invalid:invalid_evidence_ref', 'also on an electronic ballot, which records it too');
});
