import { randomUUID } from 'node:crypto';
import t from 'tap';
import {
  ballotDecider,
  ballotStreamFor,
  motionDecider,
  motionStreamId,
  selectRulePack,
  type CastBallot,
  type MotionCommand,
  type MotionContext,
  type MotionState,
  type RulePackVersion,
} from '../../../domain/assembly/index.js';
import type { VoterIdentity } from '../../../domain/registry/types.js';
import { isDomainError } from '../../../domain/shared/errors.js';
import {
  MOTIONS,
  MOTION_BALLOTS,
  MOTION_TALLIES,
  assemblyProjection,
  findBallot,
  renderBallot,
  renderTally,
  totalsOfTally,
  type BallotDoc,
  type MotionDoc,
  type TallyDoc,
} from '../../../projections/assembly/index.js';
import type { DocChange, DocReader } from '../../../projections/projection.js';
import { handleCommand, loadState, type CommandEnvelope } from '../../../services/commands/handler.js';
import { memoryStore } from '../../../services/store/memory.js';
import type { EventStore, RecordedEvent } from '../../../services/store/port.js';

// ---- a read model in memory, fed like the runner feeds its database -------------------------------------

interface Stored {
  parent?: string;
  sortKey?: string;
  doc: unknown;
}

function readModel() {
  const docs = new Map<string, Stored>();
  const reader: DocReader = {
    get<T>(collection: string, id: string) {
      return docs.get(`${collection}/${id}`)?.doc as T | undefined;
    },
  };
  const apply = (events: readonly RecordedEvent[]) => {
    for (const e of events) {
      if (!assemblyProjection.handles.includes(e.type)) continue;
      for (const c of assemblyProjection.apply(e, reader) as DocChange[]) {
        const key = `${c.collection}/${c.id}`;
        if (c.op === 'delete') docs.delete(key);
        else docs.set(key, { ...(c.parent !== undefined ? { parent: c.parent } : {}), ...(c.sortKey !== undefined ? { sortKey: c.sortKey } : {}), doc: structuredClone(c.doc) });
      }
    }
  };
  const list = <T>(collection: string, parent: string): T[] =>
    [...docs.entries()]
      .filter(([k, v]) => k.startsWith(`${collection}/`) && v.parent === parent)
      .sort(([ka, a], [kb, b]) => ((a.sortKey ?? ka) < (b.sortKey ?? kb) ? -1 : 1))
      .map(([, v]) => v.doc as T);
  return { docs, reader, apply, list, snapshot: () => JSON.stringify([...docs.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) };
}

// ---- a vote run through the real command handler on the in-memory store -----------------------------------

const convenor = { personId: 'p-oc', grants: ['oc_member'] };
const identity = (id: string, units: Array<[string, string]>, persons: string[]): VoterIdentity => {
  const total = units.reduce((s, [, a]) => s + Math.round(Number(a) * 100), 0);
  return {
    voterId: persons.length ? `owners:${id}` : 'developer',
    developerHeld: persons.length === 0,
    ownerPersonIds: persons,
    units: units.map(([unitId, area]) => ({ unitId, building: unitId.split('-')[0]!, area })),
    area: `${Math.floor(total / 100)}.${String(total % 100).padStart(2, '0')}`,
  };
};

function envelope(personId: string, now: string): CommandEnvelope {
  const id = randomUUID();
  return { commandId: id, correlationId: id, causationId: id, actor: { personId, role: 'test' }, now: new Date(now) };
}

function harness(store: EventStore, packs?: readonly RulePackVersion[]) {
  const extra: Omit<MotionContext, 'now' | 'newId' | 'actor'> = packs ? { rulePacks: packs } : {};
  const motion = async (cmd: MotionCommand, now: string) => {
    const r = await handleCommand(store, motionDecider, motionStreamId('m1'), cmd, envelope(cmd.by.personId, now), extra);
    if (isDomainError(r)) throw new Error(`${cmd.type}: ${r.code}`);
    return r;
  };
  const motionState = async () => (await loadState(store, motionDecider, motionStreamId('m1'))).state;
  /** Casts a ballot deciding against `against` (the motion state read by the caller), as the service does. */
  const cast = async ({ by, ...cmd }: Omit<CastBallot['data'], 'motionId'> & Pick<CastBallot, 'by'>, now: string, against?: MotionState) => {
    const state = against ?? (await motionState());
    const stream = ballotStreamFor(state, cmd.unitId);
    if (isDomainError(stream)) return stream;
    return handleCommand(store, ballotDecider, stream, { type: 'CastBallot', data: { motionId: 'm1', ...cmd }, by }, envelope(by.personId, now), { motion: state });
  };
  const openWith = async (roll: VoterIdentity[], jurisdiction = 'national') => {
    await motion(
      {
        type: 'ProposeMotion',
        data: {
          motionId: 'm1',
          compoundId: 'c1',
          jurisdiction,
          title: '筹集维修资金',
          description: '按每平方米 20 元续筹',
          matter: 'raise_maintenance_fund',
          scope: { kind: 'compound' },
          opensAt: '2024-03-20T09:00:00+08:00',
          closesAt: '2024-03-30T18:00:00+08:00',
        },
        by: convenor,
      },
      '2024-03-04T10:00:00+08:00',
    );
    await motion({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, '2024-03-04T10:00:00+08:00');
    await motion({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-20T09:00:00+08:00');
  };
  const close = () => motion({ type: 'CloseMotion', data: { motionId: 'm1' }, by: convenor }, '2024-03-30T18:00:00+08:00');
  return { motion, motionState, cast, openWith, close };
}

const owner = (personId: string, unitId: string, choice: CastBallot['data']['choice']) => ({
  unitId,
  choice,
  channel: 'electronic' as const,
  by: { personId, grants: ['owner'] },
});
const DURING = '2024-03-25T10:00:00+08:00';

const roll: VoterIdentity[] = [
  identity('a', [['1-101', '100.00']], ['p-a']),
  identity('b', [['1-102', '120.50']], ['p-b1', 'p-b2']),
  identity('c', [['1-201', '90.25'], ['2-101', '80.00']], ['p-c']),
  identity('d', [['1-301', '60.00']], ['p-d']),
  identity('e', [['1-302', '60.00']], ['p-e']),
  identity('dev', [['2-102', '110.00'], ['2-201', '110.00']], []),
];
const personIds = ['p-a', 'p-b1', 'p-b2', 'p-c', 'p-d', 'p-e', 'p-dev', 'p-oc', 'p-rc', 'p-x'];

t.test('a ballot after the close in log order is recorded as late and not counted; replays are identical', async (t) => {
  const store = memoryStore();
  const h = harness(store);
  await h.openWith(roll);
  t.notOk(isDomainError(await h.cast(owner('p-a', '1-101', 'for'), DURING)));
  t.notOk(isDomainError(await h.cast(owner('p-b1', '1-102', 'against'), DURING)));
  t.notOk(
    isDomainError(
      await h.cast({ unitId: '2-101', choice: 'for', channel: 'paper', onBehalfOf: 'p-c', evidenceRef: '纸质票-p-c-扫描件', by: { personId: 'p-rc', grants: ['rc_staff'] } }, DURING),
    ),
  );
  t.notOk(isDomainError(await h.cast({ ...owner('p-dev', '2-102', 'abstain'), by: { personId: 'p-dev', grants: ['developer'] } }, DURING)));
  await h.motion({ type: 'RegisterMandate', data: { mandateRef: 'WT-1', motionId: 'm1', unitId: '1-302', principalPersonId: 'p-e', proxyPersonId: 'p-x' }, by: { personId: 'p-e', grants: ['owner'] } }, DURING);
  t.notOk(isDomainError(await h.cast({ unitId: '1-302', choice: 'for', channel: 'electronic', by: { personId: 'p-x', grants: [] } }, DURING)));

  // d's ballot is decided while voting is open (a second before the scheduled close) ...
  const stale = await h.motionState();
  // ... but the close reaches the log first.
  await h.close();
  const late = await h.cast(owner('p-d', '1-301', 'for'), '2024-03-30T17:59:59+08:00', stale);
  t.notOk(isDomainError(late), 'the store takes it: the decision saw an open motion');

  const log = await store.readAll();
  const closeAt = log.find((e) => e.type === 'MotionClosed')!.position;
  const lateEvent = log.find((e) => e.type === 'BallotCast' && (e.data as { unitId: string }).unitId === '1-301')!;
  t.ok(lateEvent.position > closeAt, 'the late ballot stands after the close in the global order');

  const first = readModel();
  first.apply(log);
  const second = readModel();
  second.apply(log);
  t.equal(first.snapshot(), second.snapshot(), 'two replays from scratch give identical documents');
  // Fed one event at a time, as a live subscription would, the documents are the same again.
  const live = readModel();
  for (const e of log) live.apply([e]);
  t.equal(live.snapshot(), first.snapshot(), 'live and replay agree');

  const tallyDoc = first.reader.get<TallyDoc>(MOTION_TALLIES, 'm1')!;
  t.same(tallyDoc.ballots, { counted: 5, late: 1, superseded: 0, ruledInvalid: 0 });
  t.equal(tallyDoc.closedAtPosition, closeAt.toString());
  const view = renderTally(tallyDoc);
  t.same(view.eligible, { area: '730.75', headcount: 6 });
  t.same(view.for, { area: '330.25', headcount: 3 }, 'a (100.00) + c (170.25) + e by proxy (60.00); d\u2019s late ballot is not in');
  t.same(view.against, { area: '120.50', headcount: 1 });
  t.same(view.abstain, { area: '220.00', headcount: 1 }, 'the developer: two units, one head');
  t.same(view.participating, { area: '670.75', headcount: 5 });
  t.equal(view.rule, 'special');
  t.equal(view.quorumMet, true);
  t.equal(view.passed, false, 'special: 330.25/670.75 m² is under 3/4');
  t.same(view.raw, { quorumMet: true, passed: false });
  t.equal(view.deemedVotes, null);

  const ballots = first.list<BallotDoc>(MOTION_BALLOTS, 'm1');
  t.equal(ballots.length, 6, 'every ballot is on the public list, the late one too');
  t.same(ballots.map((b) => b.status), ['counted', 'counted', 'counted', 'counted', 'counted', 'late'], 'in log order');
  t.same(ballots[2]!.unitIds, ['1-201', '2-101']);
  const receipt = isDomainError(late) ? '' : (late.events[0]!.data as { receipt: string }).receipt;
  t.same(findBallot(first.reader, 'm1', receipt)?.status, 'late', 'the owner finds their ballot by its receipt');
  t.equal(findBallot(first.reader, 'other-motion', receipt), undefined);

  const motionDoc = first.reader.get<MotionDoc>(MOTIONS, 'm1')!;
  t.equal(motionDoc.status, 'closed');
  t.same(first.list<MotionDoc>(MOTIONS, 'c1').map((m) => m.motionId), ['m1'], 'the compound\u2019s notice board');

  // Posting the result with the projection's frozen totals.
  await h.motion({ type: 'PublishResult', data: { motionId: 'm1', totals: totalsOfTally(tallyDoc) }, by: convenor }, '2024-03-31T09:00:00+08:00');
  const after = readModel();
  after.apply(await store.readAll());
  t.same(after.reader.get<MotionDoc>(MOTIONS, 'm1')!.outcome, { basis: 'raw', quorumMet: true, passed: false });
  t.equal(renderTally(after.reader.get<TallyDoc>(MOTION_TALLIES, 'm1')!).status, 'result_published');
});

t.test('concurrent ballots and a concurrent close: the count is what stands before the close in the log', async (t) => {
  const store = memoryStore();
  const h = harness(store);
  const many: VoterIdentity[] = Array.from({ length: 40 }, (_, i) => identity(`o${i}`, [[`1-${100 + i}`, `${50 + i}.${String(i % 100).padStart(2, '0')}`]], [`p-o${i}`]));
  many.push(identity('pair', [['2-100', '99.99']], ['p-q1', 'p-q2']));
  await h.openWith(many);
  const open = await h.motionState();
  const results = await Promise.all([
    ...many.slice(0, 40).map((v, i) => h.cast(owner(v.ownerPersonIds[0]!, v.units[0]!.unitId, i % 3 === 0 ? 'against' : 'for'), '2024-03-30T17:59:00+08:00', open)),
    h.close(),
    // Two co-owners at once: the store lets exactly one first ballot in.
    h.cast(owner('p-q1', '2-100', 'for'), '2024-03-30T17:59:00+08:00', open),
    h.cast(owner('p-q2', '2-100', 'against'), '2024-03-30T17:59:00+08:00', open),
  ]);
  const pair = results.slice(-2);
  t.equal(pair.filter((r) => !isDomainError(r)).length, 1, 'one co-owner ballot lands');
  t.equal(pair.filter((r) => isDomainError(r) && r.code === 'ballot_already_cast').length, 1, 'the other is refused after the retry');

  const log = await store.readAll();
  const closeAt = log.find((e) => e.type === 'MotionClosed')!.position;
  const cast = log.filter((e) => e.type === 'BallotCast');
  const before = cast.filter((e) => e.position < closeAt);
  t.equal(cast.length, 41, 'every ballot is in the log');

  const replay = readModel();
  replay.apply(log);
  const doc = replay.reader.get<TallyDoc>(MOTION_TALLIES, 'm1')!;
  t.equal(doc.ballots.counted, before.length, `counted = ballots before the close (${before.length} of ${cast.length})`);
  t.equal(doc.ballots.late, cast.length - before.length, 'late = ballots after it');
  const live = readModel();
  for (let i = 0; i < log.length; i += 7) live.apply(log.slice(i, i + 7));
  t.equal(live.snapshot(), replay.snapshot(), 'fed in batches: the same documents');
  // The counted sums equal a direct recount over the log prefix.
  let forHeads = 0;
  for (const e of before) if ((e.data as { choice: string }).choice === 'for') forHeads++;
  t.equal(renderTally(doc).for.headcount, forHeads);
});

t.test('re-voting packs: the later ballot replaces the earlier one in the tally', async (t) => {
  const store = memoryStore();
  const base = selectRulePack('national', '2024-01-01')!;
  const revote: RulePackVersion = { ...base, id: 'revote@2021-01-01', jurisdiction: 'revote', revoteAllowed: true };
  const h = harness(store, [revote]);
  await h.openWith(roll, 'revote');
  await h.cast(owner('p-a', '1-101', 'for'), DURING);
  await h.cast(owner('p-c', '1-201', 'for'), DURING);
  const again = await h.cast(owner('p-a', '1-101', 'against'), '2024-03-26T10:00:00+08:00');
  t.notOk(isDomainError(again));
  const refused = await h.cast(owner('p-b1', '1-102', 'for'), DURING);
  t.notOk(isDomainError(refused));
  const coOwner = await h.cast(owner('p-b2', '1-102', 'against'), DURING);
  t.equal(isDomainError(coOwner) ? coOwner.code : 'ok', 'ballot_already_cast', 'the first co-owner ballot stands');
  const model = readModel();
  model.apply(await store.readAll());
  const view = renderTally(model.reader.get<TallyDoc>(MOTION_TALLIES, 'm1')!);
  t.same(view.for, { area: '290.75', headcount: 2 }, 'c and b1');
  t.same(view.against, { area: '100.00', headcount: 1 }, 'a changed its mind');
  t.same(view.ballots, { counted: 3, late: 0, superseded: 1, ruledInvalid: 0 });
  t.same(
    model.list<BallotDoc>(MOTION_BALLOTS, 'm1').map((b) => `${b.unitIds[0]} ${b.choice} ${b.status}`),
    ['1-101 for superseded', '1-201 for counted', '1-101 against counted', '1-102 for counted'],
  );
});

t.test('the tally view: needed while open, passed null until the close, exact decimal areas', async (t) => {
  const store = memoryStore();
  const h = harness(store);
  const model = readModel();
  await h.openWith(roll);
  model.apply(await store.readAll());
  let view = renderTally(model.reader.get<TallyDoc>(MOTION_TALLIES, 'm1')!);
  t.equal(view.status, 'open');
  t.equal(view.passed, null, 'null while open');
  t.equal(view.quorumMet, false);
  // 2/3 of 730.75 m² = 487.1666…: 487.1667 m² needed; 2/3 of 6 heads = 4.
  t.same(view.needed.quorum, { area: '487.1667', headcount: 4 });
  t.same(view.needed.passage, { area: '0.0001', headcount: 1 }, 'nobody yet: one approving unit of area and one head');

  const seen = (await store.readAll()).length;
  await h.cast(owner('p-a', '1-101', 'for'), DURING);
  await h.cast(owner('p-b1', '1-102', 'against'), DURING);
  model.apply((await store.readAll()).slice(seen));
  view = renderTally(model.reader.get<TallyDoc>(MOTION_TALLIES, 'm1')!);
  t.same(view.participating, { area: '220.50', headcount: 2 });
  t.same(view.needed.quorum, { area: '266.6667', headcount: 2 });
  // Special: (100 + x)·4 >= (220.50 + x)·3 ⇒ x >= 261.50 m²; heads: (1 + x)·4 >= (2 + x)·3 ⇒ x >= 2.
  t.same(view.needed.passage, { area: '261.50', headcount: 2 });
  for (const a of [view.eligible, view.participating, view.for, view.against, view.abstain, view.needed.quorum, view.needed.passage]) {
    t.match(a.area, /^\d+\.\d{2,4}$/, `${a.area}: at least two decimals, exact`);
  }
  t.equal(renderBallot(model.list<BallotDoc>(MOTION_BALLOTS, 'm1')[0]!).area, '100.00');
});

t.test('从众 in the tally view: raw beside deemed', async (t) => {
  const store = memoryStore();
  const h = harness(store);
  await h.motion(
    {
      type: 'ProposeMotion',
      data: {
        motionId: 'm1',
        compoundId: 'c1',
        jurisdiction: 'national',
        title: '修改管理规约',
        description: '',
        matter: 'management_rules',
        scope: { kind: 'compound' },
        opensAt: '2024-03-20T09:00:00+08:00',
        closesAt: '2024-03-30T18:00:00+08:00',
        deemedVotes: { basis: '管理规约第二十条：未投票视为同意多数意见' },
      },
      by: convenor,
    },
    '2024-03-04T10:00:00+08:00',
  );
  await h.motion({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, '2024-03-04T10:00:00+08:00');
  // Notices delivered on the record: b during the notice period, c and the developer after opening; d never.
  const deliver = (unitId: string, voterId: string, now: string) =>
    h.motion({ type: 'RecordDelivery', data: { motionId: 'm1', unitId, voterId, method: 'in_person', evidenceRef: `签收-${unitId}` }, by: convenor }, now);
  await deliver('1-102', 'owners:b', '2024-03-05T10:00:00+08:00');
  await h.motion({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-20T09:00:00+08:00');
  await deliver('1-201', '', DURING);
  await deliver('2-102', '', DURING);
  await h.cast(owner('p-c', '1-201', 'for'), DURING);
  await h.cast(owner('p-e', '1-302', 'for'), DURING);
  await h.cast(owner('p-a', '1-101', 'against'), DURING);
  await h.close();
  const model = readModel();
  model.apply(await store.readAll());
  const view = renderTally(model.reader.get<TallyDoc>(MOTION_TALLIES, 'm1')!);
  t.same(view.participating, { area: '330.25', headcount: 3 }, 'raw participation stays');
  t.same(view.raw, { quorumMet: false, passed: false });
  t.equal(view.outcomeBasis, 'deemed');
  // Only delivered non-voters are deemed: b (120.50) and the developer (220.00); c voted; d's notice is not on record.
  t.same(view.deemedVotes, {
    basis: '管理规约第二十条：未投票视为同意多数意见',
    majority: 'for',
    added: { area: '340.50', headcount: 2 },
    participating: { area: '670.75', headcount: 5 },
    for: { area: '570.75', headcount: 4 },
    against: { area: '100.00', headcount: 1 },
    quorumMet: true,
    passed: true,
  });
  t.equal(view.quorumMet, true);
  t.equal(view.passed, true);
});

t.test('privacy: no person id, voter id or evidence reference in any public document or view', async (t) => {
  const store = memoryStore();
  const h = harness(store);
  await h.openWith(roll);
  await h.motion({ type: 'RegisterMandate', data: { mandateRef: 'WT-1', motionId: 'm1', unitId: '1-101', principalPersonId: 'p-a', proxyPersonId: 'p-x', evidenceRef: '委托书-p-a-张三' }, by: { personId: 'p-rc', grants: ['rc_staff'] } }, DURING);
  await h.cast({ unitId: '1-101', choice: 'for', channel: 'electronic', by: { personId: 'p-x', grants: [] } }, DURING);
  await h.cast({ unitId: '1-102', choice: 'against', channel: 'paper', onBehalfOf: 'p-b2', evidenceRef: '纸质票-李四', by: { personId: 'p-oc', grants: ['oc_member'] } }, DURING);
  await h.cast({ ...owner('p-dev', '2-201', 'abstain'), by: { personId: 'p-dev', grants: ['developer'] } }, DURING);
  await h.cast(owner('p-c', '2-101', 'for'), DURING);
  await h.close();
  const log = await store.readAll();
  t.ok(JSON.stringify(log.map((e) => e.data)).includes('p-x'), 'the (non-public) log does hold person ids');
  const model = readModel();
  model.apply(log);
  const tallyDoc = model.reader.get<TallyDoc>(MOTION_TALLIES, 'm1')!;
  const everything = JSON.stringify({
    docs: [...model.docs.values()],
    tally: renderTally(tallyDoc),
    ballots: model.list<BallotDoc>(MOTION_BALLOTS, 'm1').map(renderBallot),
  });
  for (const id of personIds) t.notOk(everything.includes(id), `no ${id}`);
  t.notOk(everything.includes('owners:'), 'no voter ids');
  t.notOk(everything.includes('developer"'), 'not even the developer\u2019s voter id');
  t.notOk(everything.includes('张三') || everything.includes('李四'), 'no names from evidence references');
  t.equal(model.list<BallotDoc>(MOTION_BALLOTS, 'm1').length, 4);
  const keys = Object.keys(renderBallot(model.list<BallotDoc>(MOTION_BALLOTS, 'm1')[0]!)).sort();
  t.same(keys, ['area', 'castAt', 'channel', 'choice', 'invalid', 'receipt', 'status', 'unitIds']);
});
