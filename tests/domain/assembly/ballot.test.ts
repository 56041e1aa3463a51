import t from 'tap';
import {
  ballotDecider,
  ballotReceipt,
  ballotStreamFor,
  decideBallot,
  motionDecider,
  selectRulePack,
  type BallotCastData,
  type BallotStreamState,
  type CastBallot,
  type MotionCommand,
  type MotionContext,
  type MotionState,
  type RulePackVersion,
} from '../../../domain/assembly/index.js';
import type { VoterIdentity } from '../../../domain/registry/types.js';
import { isDomainError, type DomainError } from '../../../domain/shared/errors.js';

const convenor = { personId: 'p-oc', grants: ['oc_member'] };
const owner = (id: string, unit: string, area: string, persons: string[], building = '1'): VoterIdentity => ({
  voterId: `owners:${id}`,
  developerHeld: false,
  ownerPersonIds: persons,
  units: [{ unitId: unit, building, area }],
  area,
});
const roll: VoterIdentity[] = [
  owner('a', '1-101', '100.00', ['p-a']),
  owner('b', '1-102', '120.50', ['p-b1', 'p-b2']), // co-owners: one head, one ballot
  {
    voterId: 'owners:c',
    developerHeld: false,
    ownerPersonIds: ['p-c'],
    units: [
      { unitId: '1-201', building: '1', area: '90.25' },
      { unitId: '2-101', building: '2', area: '80.00' },
    ],
    area: '170.25',
  },
  owner('d', '1-301', '60.00', ['p-d']),
  owner('e', '1-302', '60.00', ['p-e']),
  owner('f', '1-303', '60.00', ['p-f']),
  {
    voterId: 'developer',
    developerHeld: true,
    ownerPersonIds: [],
    units: [
      { unitId: '2-102', building: '2', area: '110.00' },
      { unitId: '2-201', building: '2', area: '110.00' },
    ],
    area: '220.00',
  },
];

const base = selectRulePack('national', '2024-01-01')!;
const pack = (over: Partial<RulePackVersion>): RulePackVersion => ({ ...base, id: 'test@2021-01-01', jurisdiction: 'test', ...over });

function context(now: string, extra: Partial<MotionContext> = {}): MotionContext {
  let n = 0;
  return { now: new Date(now), newId: () => `${now}#${n++}`, actor: { personId: 'x', role: 'x' }, ...extra };
}

/** A motion through to open, and ballot streams per voter identity, all in memory. */
function vote(packOver: Partial<RulePackVersion> = {}) {
  const extra = { rulePacks: [pack(packOver)] };
  let motion: MotionState = motionDecider.initialState();
  const runMotion = (cmd: MotionCommand, now: string): DomainError | null => {
    const r = motionDecider.decide(cmd, motion, context(now, extra));
    if (isDomainError(r)) return r;
    for (const e of r) motion = motionDecider.evolve(motion, e);
    return null;
  };
  const streams = new Map<string, BallotStreamState>();
  let clock = 0;
  const cast = ({ by, ...cmd }: Omit<CastBallot['data'], 'motionId'> & Pick<CastBallot, 'by'>, now = '2024-03-21T10:00:00+08:00'): BallotCastData | DomainError => {
    const streamId = ballotStreamFor(motion, cmd.unitId);
    const state = (typeof streamId === 'string' ? streams.get(streamId) : undefined) ?? ballotDecider.initialState();
    const r = decideBallot({ type: 'CastBallot', data: { motionId: 'm1', ...cmd }, by }, motion, state, context(`${now}`, { newId: () => `ballot-${clock++}` }));
    if (!isDomainError(r) && typeof streamId === 'string') streams.set(streamId, ballotDecider.evolve(state, { type: 'BallotCast', data: r }));
    return r;
  };
  return {
    get motion() {
      return motion;
    },
    runMotion,
    cast,
    open() {
      runMotion(
        {
          type: 'ProposeMotion',
          data: {
            motionId: 'm1',
            compoundId: 'c1',
            jurisdiction: 'test',
            title: '使用维修资金更换电梯',
            description: '',
            matter: 'use_maintenance_fund',
            scope: { kind: 'compound' },
            opensAt: '2024-03-20T09:00:00+08:00',
            closesAt: '2024-03-30T18:00:00+08:00',
          },
          by: convenor,
        },
        '2024-03-04T10:00:00+08:00',
      );
      runMotion({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, '2024-03-04T10:00:00+08:00');
      const err = runMotion({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-20T09:00:00+08:00');
      if (err) throw new Error(err.code);
    },
  };
}

const code = (r: unknown) => (isDomainError(r) ? `${r.error}:${r.code}` : 'ok');
const online = (personId: string, unitId: string, choice: CastBallot['data']['choice'] = 'for', grants: string[] = ['owner']) => ({
  unitId,
  choice,
  channel: 'electronic' as const,
  by: { personId, grants },
});

t.test('an owner casts one ballot for the identity: all its units, areas summed, and a receipt', async (t) => {
  const v = vote();
  v.open();
  const r = v.cast(online('p-c', '2-101'));
  t.equal(code(r), 'ok');
  if (!isDomainError(r)) {
    t.equal(r.voterId, 'owners:c');
    t.equal(r.unitId, '2-101', 'the unit named');
    t.same(r.unitIds, ['1-201', '2-101'], 'covers every unit of the identity');
    t.equal(r.area, '170.25');
    t.equal(r.castBy, 'owner');
    t.equal(r.receipt, ballotReceipt('m1', 'owners:c', r.ballotId));
    t.match(r.receipt, /^[0-9a-f]{64}$/);
    t.notOk('replaces' in r);
  }
  t.equal(code(v.cast(online('p-c', '1-201', 'against'))), 'conflict:ballot_already_cast', 'a second ballot, via another unit: 409');
  t.equal(ballotStreamFor(v.motion, '1-201'), 'ballot-m1-owners:c');
  t.equal(ballotStreamFor(v.motion, '2-101'), 'ballot-m1-owners:c', 'one stream per identity');
});

t.test('co-owners: either may vote; the first ballot stands', async (t) => {
  const v = vote();
  v.open();
  t.equal(code(v.cast(online('p-b2', '1-102', 'against'))), 'ok');
  t.equal(code(v.cast(online('p-b1', '1-102', 'for'))), 'conflict:ballot_already_cast');
});

t.test('developer-held units: one head, voted by a holder of the developer grant', async (t) => {
  const v = vote();
  v.open();
  t.equal(code(v.cast(online('p-a', '2-102', 'for', ['owner']))), 'forbidden:not_entitled', 'an owner is not the developer');
  const r = v.cast(online('p-dev', '2-201', 'abstain', ['developer']));
  t.equal(code(r), 'ok');
  if (!isDomainError(r)) {
    t.equal(r.castBy, 'developer');
    t.same(r.unitIds, ['2-102', '2-201']);
    t.equal(r.area, '220.00');
  }
  t.equal(code(v.cast(online('p-dev2', '2-102', 'for', ['developer']))), 'conflict:ballot_already_cast');
});

t.test('a stranger, or an owner of another unit, may not vote: 403', async (t) => {
  const v = vote();
  v.open();
  t.equal(code(v.cast(online('p-zz', '1-101'))), 'forbidden:not_entitled');
  t.equal(code(v.cast(online('p-c', '1-101'))), 'forbidden:not_entitled');
  t.equal(code(v.cast(online('p-zz', '1-101', 'for', ['oc_member']))), 'forbidden:not_entitled', 'OC membership gives no online vote');
  t.equal(code(v.cast(online('p-a', '9-999'))), 'not_found:unit_not_in_roll');
  t.equal(code(v.cast({ ...online('p-a', '1-101'), choice: 'maybe' as never })), 'invalid:invalid_choice');
  t.equal(code(v.cast({ ...online('p-a', '1-101'), channel: 'sms' as never })), 'invalid:invalid_channel');
});

t.test('a proxy votes with a mandate registered before the vote', async (t) => {
  const v = vote();
  v.open();
  const mandate = (principal: string, proxy: string, unitId: string, by: { personId: string; grants: string[] }, evidenceRef?: string) =>
    code(v.runMotion({ type: 'RegisterMandate', data: { mandateRef: 'WT-1', motionId: 'm1', unitId, principalPersonId: principal, proxyPersonId: proxy, ...(evidenceRef ? { evidenceRef } : {}) }, by }, '2024-03-21T09:00:00+08:00'));
  t.equal(code(v.cast(online('p-x', '1-101'))), 'forbidden:not_entitled', 'no mandate yet');
  t.equal(mandate('p-a', 'p-x', '1-101', { personId: 'p-zz', grants: [] }), 'forbidden:not_entitled', 'only the principal or staff registers');
  t.equal(mandate('p-a', 'p-x', '1-101', { personId: 'p-oc', grants: ['oc_member'] }), 'invalid:evidence_required', 'staff need the written mandate');
  t.equal(mandate('p-zz', 'p-x', '1-101', { personId: 'p-zz', grants: [] }), 'invalid:principal_not_owner');
  t.equal(mandate('p-a', 'p-a', '1-101', { personId: 'p-a', grants: [] }), 'invalid:invalid_mandate');
  t.equal(mandate('p-a', 'p-x', '2-102', { personId: 'p-oc', grants: ['rc_staff'] }, 'scan-1'), 'invalid:mandate_not_applicable', 'the developer has no proxies');
  t.equal(mandate('p-a', 'p-x', '1-101', { personId: 'p-a', grants: ['owner'] }), 'ok', 'by the owner online');
  t.equal(mandate('p-a', 'p-x', '1-101', { personId: 'p-a', grants: ['owner'] }), 'conflict:mandate_already_registered');
  t.equal(mandate('p-b1', 'p-x', '1-102', { personId: 'p-rc', grants: ['rc_staff'] }, '委托书-017'), 'ok', 'by RC staff with evidence');
  const r = v.cast(online('p-x', '1-101', 'against', []));
  t.equal(code(r), 'ok');
  if (!isDomainError(r)) {
    t.equal(r.castBy, 'proxy');
    t.equal(r.onBehalfOf, 'p-a');
    t.equal(r.byPersonId, 'p-x');
  }
  t.equal(code(v.cast(online('p-a', '1-101'))), 'conflict:ballot_already_cast', 'the owner cannot vote again once the proxy has');
  t.equal(code(v.cast({ ...online('p-x', '1-102', 'for', []), onBehalfOf: 'p-b2' })), 'forbidden:not_entitled', 'no mandate from that co-owner');
  t.equal(code(v.cast(online('p-x', '1-102', 'for', []))), 'ok', 'for the co-owner who gave the mandate');
});

t.test('the pack may limit how many owners one proxy represents (e.g. 潍坊 Art. 32: 3)', async (t) => {
  const v = vote({ proxyLimit: 3 });
  v.open();
  const staff = { personId: 'p-rc', grants: ['rc_staff'] };
  const give = (principal: string, unitId: string) =>
    code(v.runMotion({ type: 'RegisterMandate', data: { mandateRef: 'WT-1', motionId: 'm1', unitId, principalPersonId: principal, proxyPersonId: 'p-x', evidenceRef: 'ev' }, by: staff }, '2024-03-21T09:00:00+08:00'));
  t.equal(give('p-a', '1-101'), 'ok');
  t.equal(give('p-b1', '1-102'), 'ok');
  t.equal(give('p-c', '1-201'), 'ok');
  t.equal(give('p-d', '1-301'), 'conflict:proxy_limit_reached', 'a fourth owner');
  t.equal(give('p-b2', '1-102'), 'ok', 'the other co-owner of a unit already represented is the same head');
  t.equal(
    code(v.runMotion({ type: 'RegisterMandate', data: { mandateRef: 'WT-1', motionId: 'm1', unitId: '1-301', principalPersonId: 'p-d', proxyPersonId: 'p-y', evidenceRef: 'ev' }, by: staff }, '2024-03-21T09:00:00+08:00')),
    'ok',
    'another proxy is free',
  );
});

t.test('paper ballots: entered by OC/RC staff with evidence, naming the owner who signed', async (t) => {
  const v = vote();
  v.open();
  const paper = (by: { personId: string; grants: string[] }, unitId: string, onBehalfOf?: string, evidenceRef?: string) => ({
    unitId,
    choice: 'for' as const,
    channel: 'paper' as const,
    by,
    ...(onBehalfOf ? { onBehalfOf } : {}),
    ...(evidenceRef ? { evidenceRef } : {}),
  });
  const oc = { personId: 'p-oc', grants: ['oc_member'] };
  t.equal(code(v.cast(paper({ personId: 'p-a', grants: ['owner'] }, '1-101', 'p-a', 'scan-1'))), 'forbidden:not_entitled', 'an owner does not enter paper');
  t.equal(code(v.cast(paper(oc, '1-101', 'p-a'))), 'invalid:evidence_required');
  t.equal(code(v.cast(paper(oc, '1-101', undefined, 'scan-1'))), 'invalid:principal_not_owner');
  t.equal(code(v.cast(paper(oc, '1-101', 'p-zz', 'scan-1'))), 'invalid:principal_not_owner');
  const r = v.cast(paper(oc, '1-101', 'p-a', '纸质票-0001'));
  t.equal(code(r), 'ok');
  if (!isDomainError(r)) {
    t.equal(r.channel, 'paper');
    t.equal(r.castBy, 'paper');
    t.equal(r.onBehalfOf, 'p-a');
    t.equal(r.evidenceRef, '纸质票-0001');
  }
  t.equal(code(v.cast(online('p-a', '1-101'))), 'conflict:ballot_already_cast', 'the paper ballot is the identity\u2019s ballot');
  t.equal(code(v.cast(paper({ personId: 'p-rc', grants: ['rc_staff'] }, '2-102', undefined, 'scan-9'))), 'ok', 'developer units on paper');
});

t.test('re-voting: off by default; a pack switch; only the same voice replaces', async (t) => {
  const off = vote();
  off.open();
  t.equal(code(off.cast(online('p-a', '1-101', 'for'))), 'ok');
  t.equal(code(off.cast(online('p-a', '1-101', 'against'))), 'conflict:ballot_already_cast', 'off by default (Beijing practice)');

  const on = vote({ revoteAllowed: true });
  on.open();
  const first = on.cast(online('p-a', '1-101', 'for'));
  const second = on.cast(online('p-a', '1-101', 'against'));
  t.equal(code(second), 'ok');
  if (!isDomainError(first) && !isDomainError(second)) {
    t.same(second.replaces, { receipt: first.receipt, choice: 'for' });
    t.not(second.receipt, first.receipt, 'a new receipt');
  }
  t.equal(code(on.cast(online('p-b1', '1-102', 'for'))), 'ok');
  t.equal(code(on.cast(online('p-b2', '1-102', 'against'))), 'conflict:ballot_already_cast', 'a co-owner cannot overturn the first ballot');
  t.equal(code(on.cast(online('p-b1', '1-102', 'abstain'))), 'ok', 'its caster can');
  // A proxy speaks with its principal's voice: the owner may override their proxy.
  on.runMotion({ type: 'RegisterMandate', data: { mandateRef: 'WT-1', motionId: 'm1', unitId: '1-301', principalPersonId: 'p-d', proxyPersonId: 'p-x' }, by: { personId: 'p-d', grants: [] } }, '2024-03-21T09:00:00+08:00');
  t.equal(code(on.cast(online('p-x', '1-301', 'for', []))), 'ok');
  t.equal(code(on.cast(online('p-d', '1-301', 'against'))), 'ok');
});

t.test('before opening and after the window or the close: 409', async (t) => {
  const v = vote();
  t.equal(code(v.cast(online('p-a', '1-101'))), 'not_found:motion_not_found', 'no motion yet');
  v.runMotion(
    {
      type: 'ProposeMotion',
      data: {
        motionId: 'm1',
        compoundId: 'c1',
        jurisdiction: 'test',
        title: 't',
        description: '',
        matter: 'other_major',
        scope: { kind: 'compound' },
        opensAt: '2024-03-20T09:00:00+08:00',
        closesAt: '2024-03-30T18:00:00+08:00',
      },
      by: convenor,
    },
    '2024-03-04T10:00:00+08:00',
  );
  t.equal(code(decideBallot({ type: 'CastBallot', data: { motionId: 'm1', unitId: '1-101', choice: 'for', channel: 'electronic' }, by: online('p-a', '1-101').by }, v.motion, ballotDecider.initialState(), context('2024-03-21T10:00:00+08:00'))), 'conflict:motion_not_open', 'proposed, not open');
  v.runMotion({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, '2024-03-04T10:00:00+08:00');
  v.runMotion({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-20T09:00:00+08:00');
  t.equal(code(v.cast(online('p-a', '1-101'), '2024-03-30T17:59:59.999+08:00')), 'ok', 'the last millisecond');
  t.equal(code(v.cast(online('p-c', '1-201'), '2024-03-30T18:00:00+08:00')), 'conflict:motion_not_open', 'the window has ended, even before the close is recorded');
  v.runMotion({ type: 'CloseMotion', data: { motionId: 'm1' }, by: convenor }, '2024-03-30T18:00:00+08:00');
  t.equal(code(v.cast(online('p-d', '1-301'), '2024-03-30T17:00:00+08:00')), 'conflict:motion_not_open', 'closed, whatever the clock says');
});

t.test('the ballot decider plugs into the generic handler shape', async (t) => {
  const v = vote();
  v.open();
  let n = 0;
  const ctx = { ...context('2024-03-21T10:00:00+08:00'), newId: () => `id-${n++}`, motion: v.motion };
  const { by, ...ballot } = online('p-a', '1-101');
  const cmd: CastBallot = { type: 'CastBallot', data: { motionId: 'm1', ...ballot }, by };
  const events = ballotDecider.decide(cmd, ballotDecider.initialState(), ctx);
  t.equal(code(events), 'ok');
  if (!isDomainError(events)) {
    t.equal(events.length, 1);
    t.equal(events[0]!.type, 'BallotCast');
    const state = ballotDecider.evolve(ballotDecider.initialState(), events[0]!);
    t.equal(state.count, 1);
    t.equal(code(ballotDecider.decide(cmd, state, ctx)), 'conflict:ballot_already_cast');
  }
});
