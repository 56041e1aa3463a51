import t from 'tap';
import {
  builtinRulePacks,
  motionDecider,
  selectRulePack,
  type MotionCommand,
  type MotionContext,
  type MotionEvent,
  type MotionState,
  type ProposeMotion,
  type ProposeMotionData,
  type RulePackVersion,
} from '../../../domain/assembly/index.js';
import type { VoterIdentity } from '../../../domain/registry/types.js';
import { isDomainError, type DomainError } from '../../../domain/shared/errors.js';

const convenor = { personId: 'p-oc', grants: ['oc_member'] };
const roll: VoterIdentity[] = [
  { voterId: 'owners:a', developerHeld: false, ownerPersonIds: ['p-a'], units: [{ unitId: '1-1-101', building: '1', area: '100.00' }], area: '100.00' },
  {
    voterId: 'owners:c',
    developerHeld: false,
    ownerPersonIds: ['p-c'],
    units: [
      { unitId: '1-1-201', building: '1', area: '90.25' },
      { unitId: '2-1-101', building: '2', area: '80.00' },
    ],
    area: '170.25',
  },
  { voterId: 'developer', developerHeld: true, ownerPersonIds: [], units: [{ unitId: '2-1-102', building: '2', area: '110.00' }], area: '110.00' },
];

function context(now: string, extra: Partial<MotionContext> = {}): MotionContext {
  let n = 0;
  return { now: new Date(now), newId: () => `id-${n++}`, actor: { personId: 'p-oc', role: 'oc_member' }, ...extra };
}

/** A motion stream in memory: decide, and on success fold the events in. */
function stream(extra: Partial<MotionContext> = {}) {
  let state: MotionState = motionDecider.initialState();
  const events: MotionEvent[] = [];
  return {
    get state() {
      return state;
    },
    events,
    run(command: MotionCommand, now: string): readonly MotionEvent[] | DomainError {
      const decided = motionDecider.decide(command, state, context(now, extra));
      if (!isDomainError(decided)) for (const e of decided) {
        events.push(e);
        state = motionDecider.evolve(state, e);
      }
      return decided;
    },
  };
}

const proposal = ({ by = convenor, ...over }: Partial<ProposeMotionData> & { readonly by?: ProposeMotion['by'] } = {}): ProposeMotion => ({
  type: 'ProposeMotion',
  data: {
    motionId: 'm1',
    compoundId: 'c1',
    jurisdiction: 'hangzhou',
    title: '续聘物业服务企业',
    description: '是否续聘现物业服务企业三年',
    matter: 'hire_or_dismiss_firm',
    scope: { kind: 'compound' },
    compoundBuildings: ['1', '2'],
    opensAt: '2024-03-20T09:00:00+08:00',
    closesAt: '2024-03-30T18:00:00+08:00',
    ...over,
  },
  by,
});

const code = (r: unknown) => (isDomainError(r) ? `${r.error}:${r.code}` : 'ok');
const NOW = '2024-03-04T10:00:00+08:00'; // a Monday

t.test('the lifecycle: propose, notice, open (roll frozen), close, publish', async (t) => {
  const m = stream();
  t.equal(code(m.run(proposal(), NOW)), 'ok');
  const proposed = m.events[0]!;
  t.equal(proposed.type, 'MotionProposed');
  if (proposed.type === 'MotionProposed') {
    t.equal(proposed.data.rules.rulePack, 'hangzhou@2022-03-01');
    t.equal(proposed.data.rules.rule, 'ordinary');
    t.equal(proposed.data.rules.thresholds, 'civil_code_art278');
    t.same(proposed.data.rules.votingWindowDays, { min: 5, max: 60 });
  }
  t.equal(code(m.run({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, NOW)), 'ok');
  const noticed = m.events[1]!;
  if (noticed.type === 'MotionNoticePublished') {
    // 15 days from 03-04: 03-05 … 03-19 (Tuesday); may open from 03-20 00:00 China time.
    t.equal(noticed.data.noticeRunsUntil, '2024-03-19T16:00:00.000Z');
  }
  t.equal(code(m.run({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, NOW)), 'conflict:notice_already_published');
  t.equal(code(m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-19T23:59:59+08:00')), 'conflict:notice_period_not_run');
  t.equal(code(m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-20T08:59:59+08:00')), 'conflict:too_early_to_open');
  t.equal(code(m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: { personId: 'p-a', grants: ['owner'] } }, '2024-03-20T09:00:00+08:00')), 'forbidden:not_entitled');
  t.equal(code(m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-20T09:00:00+08:00')), 'ok');
  const opened = m.events[2]!;
  if (opened.type === 'MotionOpened') {
    t.same(opened.data.roll.eligible, { area: '380.25', headcount: 3 }, 'the frozen roll: 3 heads, areas summed');
    t.equal(opened.data.roll.voters.length, 3);
  }
  t.equal(code(m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-21T09:00:00+08:00')), 'conflict:motion_already_open');
  t.equal(code(m.run({ type: 'CancelMotion', data: { motionId: 'm1', reason: 'x' }, by: convenor }, '2024-03-21T09:00:00+08:00')), 'conflict:motion_already_open', 'no cancelling after opening');
  t.equal(code(m.run({ type: 'CloseMotion', data: { motionId: 'm1' }, by: convenor }, '2024-03-30T17:59:59.999+08:00')), 'conflict:too_early_to_close');
  const totals = {
    eligible: { area: '380.25', headcount: 3 },
    for: { area: '270.25', headcount: 2 },
    against: { area: '0', headcount: 0 },
    abstain: { area: '0', headcount: 0 },
  };
  t.equal(code(m.run({ type: 'PublishResult', data: { motionId: 'm1', totals }, by: convenor }, '2024-03-30T19:00:00+08:00')), 'conflict:motion_not_closed');
  t.equal(code(m.run({ type: 'CloseMotion', data: { motionId: 'm1' }, by: { personId: 'system', grants: ['system'] } }, '2024-03-30T18:00:00+08:00')), 'ok', 'at the scheduled close, by the scheduler');
  t.equal(code(m.run({ type: 'CloseMotion', data: { motionId: 'm1' }, by: convenor }, '2024-03-30T18:00:00+08:00')), 'conflict:motion_not_open');
  t.equal(
    code(m.run({ type: 'PublishResult', data: { motionId: 'm1', totals: { ...totals, eligible: { area: '380.00', headcount: 3 } } }, by: convenor }, '2024-03-31T09:00:00+08:00')),
    'invalid:invalid_totals',
    'eligible totals must be the frozen roll',
  );
  t.equal(code(m.run({ type: 'PublishResult', data: { motionId: 'm1', totals }, by: convenor }, '2024-03-31T09:00:00+08:00')), 'ok');
  const published = m.events.at(-1)!;
  if (published.type === 'ResultPublished') {
    t.same(published.data.outcome, { basis: 'raw', quorumMet: true, passed: true }, '270.25/380.25 ≥ 2/3, 2/3 heads; all for');
    t.equal(published.data.late, false, 'Hangzhou sets no posting deadline');
  }
  t.equal(code(m.run({ type: 'PublishResult', data: { motionId: 'm1', totals }, by: convenor }, '2024-03-31T09:00:00+08:00')), 'conflict:result_already_published');
  t.equal(m.state.status, 'result_published');
});

t.test('opening exactly when the notice period has run (D+16 00:00 China time)', async (t) => {
  const m = stream({ rulePacks: builtinRulePacks });
  // Notice on Monday 03-04; the earliest opening is 03-20 00:00 China time.
  t.equal(code(m.run(proposal({ jurisdiction: 'national', opensAt: '2024-03-20T00:00:00+08:00' }), NOW)), 'ok');
  t.equal(code(m.run({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, NOW)), 'ok');
  t.equal(code(m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-19T23:59:59.999+08:00')), 'conflict:notice_period_not_run');
  t.equal(code(m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-20T00:00:00+08:00')), 'ok');
});

t.test('notice periods roll past rest days, and must fit before the scheduled opening', async (t) => {
  // Notice on Friday 03-01: 15 days end on Saturday 03-16 → Monday 03-18; opening from 03-19 00:00.
  const m = stream();
  t.equal(code(m.run(proposal({ jurisdiction: 'national', opensAt: '2024-03-18T09:00:00+08:00' }), '2024-03-01T10:00:00+08:00')), 'invalid:opens_too_soon');
  t.equal(code(m.run(proposal({ jurisdiction: 'national', opensAt: '2024-03-19T00:00:00+08:00' }), '2024-03-01T10:00:00+08:00')), 'ok');
  t.equal(code(m.run({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, '2024-03-04T10:00:00+08:00')), 'conflict:notice_too_late', 'notice a working day later is too late');
  t.equal(code(m.run({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, '2024-03-01T23:00:00+08:00')), 'ok');
  t.equal(code(m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-18T23:59:59+08:00')), 'conflict:notice_period_not_run');
  t.equal(code(m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-19T00:00:00+08:00')), 'ok');
});

t.test('Hangzhou voting window: 5 to 60 days (杭条例 Art. 20), the opening day not counted', async (t) => {
  const tryWindow = (closesAt: string, jurisdiction = 'hangzhou') => code(stream().run(proposal({ jurisdiction, closesAt }), NOW));
  // Opening 03-20: five days are 03-21 … 03-25, so the window may close from 03-26 00:00.
  t.equal(tryWindow('2024-03-25T23:59:59+08:00'), 'invalid:window_out_of_bounds');
  t.equal(tryWindow('2024-03-26T00:00:00+08:00'), 'ok');
  // Sixty days: 03-21 … 05-19; closing by 05-20 00:00 at the latest.
  t.equal(tryWindow('2024-05-20T00:00:00+08:00'), 'ok');
  t.equal(tryWindow('2024-05-20T00:00:00.001+08:00'), 'invalid:window_out_of_bounds');
  t.equal(tryWindow('2024-03-20T10:00:00+08:00', 'national'), 'ok', 'no national bound');
  t.equal(tryWindow('2024-03-20T09:00:00+08:00', 'national'), 'invalid:invalid_motion', 'but a window closes after it opens');
});

t.test('opening so late that the window is too short is refused', async (t) => {
  const m = stream();
  m.run(proposal(), NOW);
  m.run({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, NOW);
  t.equal(code(m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-26T09:00:00+08:00')), 'conflict:opening_too_late', '4 days left, Hangzhou needs 5');
  t.equal(code(m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-24T09:00:00+08:00')), 'ok');
});

t.test('cancelling: before opening only, with a reason', async (t) => {
  const a = stream();
  a.run(proposal(), NOW);
  t.equal(code(a.run({ type: 'CancelMotion', data: { motionId: 'm1', reason: ' ' }, by: convenor }, NOW)), 'invalid:invalid_motion');
  t.equal(code(a.run({ type: 'CancelMotion', data: { motionId: 'm1', reason: '议题重复' }, by: convenor }, NOW)), 'ok', 'while proposed');
  t.equal(code(a.run({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, NOW)), 'conflict:motion_cancelled');
  t.equal(code(a.run({ type: 'CancelMotion', data: { motionId: 'm1', reason: 'again' }, by: convenor }, NOW)), 'conflict:motion_cancelled');
  const b = stream();
  b.run(proposal(), NOW);
  b.run({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, NOW);
  t.equal(code(b.run({ type: 'CancelMotion', data: { motionId: 'm1', reason: '撤回' }, by: convenor }, '2024-03-10T10:00:00+08:00')), 'ok', 'while noticed');
  t.equal(code(b.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-20T09:00:00+08:00')), 'conflict:motion_cancelled');
});

t.test('proposal validation and authority', async (t) => {
  const run = (over: Parameters<typeof proposal>[0]) => code(stream().run(proposal(over), NOW));
  t.equal(run({ by: { personId: 'p-a', grants: ['owner'] } }), 'forbidden:not_entitled', 'owners do not convene');
  t.equal(run({ by: { personId: 'p-rc', grants: ['rc_staff'] } }), 'ok', 'the residents\u2019 committee may');
  t.equal(run({ title: '  ' }), 'invalid:invalid_motion');
  t.equal(run({ matter: 'lottery' as never }), 'invalid:invalid_motion');
  t.equal(run({ scope: { kind: 'buildings', buildings: [] } }), 'invalid:invalid_motion');
  t.equal(run({ scope: { kind: 'buildings', buildings: ['1', '1'] } }), 'invalid:invalid_motion');
  t.equal(run({ opensAt: 'tomorrow' }), 'invalid:invalid_motion');
  t.equal(run({ jurisdiction: 'national', opensAt: '2005-06-01T09:00:00+08:00', closesAt: '2005-06-10T09:00:00+08:00' }), 'invalid:no_rule_pack');
  const m = stream();
  m.run(proposal(), NOW);
  t.equal(code(m.run(proposal(), NOW)), 'conflict:motion_already_exists');
  t.equal(code(stream().run({ type: 'PublishNotice', data: { motionId: 'nope' }, by: convenor }, NOW)), 'not_found:motion_not_found');
});

t.test('the roll is checked against the scope and frozen as given', async (t) => {
  const open = (identities: VoterIdentity[], over: Partial<ProposeMotionData> = {}) => {
    const m = stream();
    m.run(proposal(over), NOW);
    m.run({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, NOW);
    return code(m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll: identities }, by: convenor }, '2024-03-20T09:00:00+08:00'));
  };
  t.equal(open([]), 'invalid:invalid_roll', 'empty');
  t.equal(open(roll, { scope: { kind: 'buildings', buildings: ['1'] } }), 'invalid:invalid_roll', 'a unit of building 2 in a building-1 vote');
  t.equal(open([roll[0]!]), 'ok');
  t.equal(open([roll[0]!, { ...roll[0]!, voterId: 'owners:z' }]), 'invalid:invalid_roll', 'a unit twice');
  t.equal(open([{ ...roll[1]!, area: '170.24' }]), 'invalid:invalid_roll', 'areas must add up exactly');
  t.equal(open([{ ...roll[2]!, ownerPersonIds: ['p-x'] }]), 'invalid:invalid_roll', 'developer units have no owners');
  t.equal(open([roll[2]!, { ...roll[2]!, voterId: 'developer2', units: [{ unitId: 'x', building: '1', area: '1' }], area: '1' }]), 'invalid:invalid_roll', 'one developer head');
});

t.test('rules are chosen by the motion\u2019s own date: before 2021 物业管理条例 Art. 12', async (t) => {
  const dated = (jurisdiction: string, opensAt: string, now: string) => {
    const m = stream();
    const r = m.run(proposal({ jurisdiction, opensAt, closesAt: new Date(Date.parse(opensAt) + 10 * 86_400_000).toISOString(), matter: 'use_maintenance_fund' }), now);
    if (isDomainError(r)) return r.code;
    const d = m.events[0]!;
    return d.type === 'MotionProposed' ? `${d.data.rules.rulePack} ${d.data.rules.thresholds} ${d.data.rules.rule}` : '?';
  };
  t.equal(dated('beijing', '2020-10-10T09:00:00+08:00', '2020-09-01T09:00:00+08:00'), 'beijing@2020-05-01 property_regulation_art12 special');
  t.equal(dated('beijing', '2021-01-20T09:00:00+08:00', '2020-12-20T09:00:00+08:00'), 'beijing@2021-01-01 civil_code_art278 ordinary', 'proposed in 2020, voting in 2021');
  t.equal(dated('shanghai', '2019-05-01T09:00:00+08:00', '2019-04-01T09:00:00+08:00'), 'national@2007-10-01 property_regulation_art12 special', 'no Shanghai pack yet: national');
  t.equal(dated('hangzhou', '2021-06-01T09:00:00+08:00', '2021-05-01T09:00:00+08:00'), 'national@2021-01-01 civil_code_art278 ordinary', 'before 杭条例 2022');
  t.equal(dated('national', '2021-01-01T00:00:00+08:00', '2020-12-01T09:00:00+08:00'), 'national@2021-01-01 civil_code_art278 ordinary', '00:00 of 2021-01-01 China time');
  t.equal(dated('national', '2020-12-31T23:59:59+08:00', '2020-12-01T09:00:00+08:00'), 'national@2007-10-01 property_regulation_art12 special');

  // A pre-2021 motion whose result is posted in 2021 is still counted under Art. 12.
  const m = stream();
  m.run(proposal({ jurisdiction: 'national', matter: 'hire_or_dismiss_firm', opensAt: '2020-12-20T09:00:00+08:00', closesAt: '2020-12-30T09:00:00+08:00' }), '2020-12-01T09:00:00+08:00');
  m.run({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, '2020-12-01T09:00:00+08:00');
  m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2020-12-20T09:00:00+08:00');
  m.run({ type: 'CloseMotion', data: { motionId: 'm1' }, by: convenor }, '2020-12-30T09:00:00+08:00');
  // 2 of 3 heads and 270.25 of 380.25 m² take part; 170.25 m² / 1 head for: > 1/2 of participants on area, not of all.
  const totals = {
    eligible: { area: '380.25', headcount: 3 },
    for: { area: '170.25', headcount: 1 },
    against: { area: '100.00', headcount: 1 },
    abstain: { area: '0', headcount: 0 },
  };
  m.run({ type: 'PublishResult', data: { motionId: 'm1', totals }, by: convenor }, '2021-01-05T09:00:00+08:00');
  const last = m.events.at(-1)!;
  t.equal(last.type, 'ResultPublished');
  if (last.type === 'ResultPublished') t.same(last.data.outcome, { basis: 'raw', quorumMet: true, passed: false });
});

t.test('Beijing: the result is due within 3 days of the close (京条例 Art. 37)', async (t) => {
  const m = stream();
  m.run(proposal({ jurisdiction: 'beijing' }), NOW);
  m.run({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, NOW);
  m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-20T09:00:00+08:00');
  // Closed Saturday 03-30: three days are 03-31 (Sun), 04-01, 04-02 (Tue): due by 04-03 00:00 China time.
  m.run({ type: 'CloseMotion', data: { motionId: 'm1' }, by: convenor }, '2024-03-30T18:00:00+08:00');
  const closed = m.events.at(-1)!;
  t.equal(closed.type === 'MotionClosed' ? closed.data.resultDueBy : null, '2024-04-02T16:00:00.000Z');
  const totals = {
    eligible: { area: '380.25', headcount: 3 },
    for: { area: '0', headcount: 0 },
    against: { area: '0', headcount: 0 },
    abstain: { area: '0', headcount: 0 },
  };
  m.run({ type: 'PublishResult', data: { motionId: 'm1', totals }, by: convenor }, '2024-04-03T00:00:00+08:00');
  const published = m.events.at(-1)!;
  if (published.type === 'ResultPublished') {
    t.equal(published.data.late, true, 'posted at 04-03 00:00: late');
    t.same(published.data.outcome, { basis: 'raw', quorumMet: false, passed: false });
  }
});

t.test('从众: off by default; on when the motion cites its covenant; refused where the pack forbids it', async (t) => {
  const rulesOf = (m: ReturnType<typeof stream>) => (m.events[0]!.type === 'MotionProposed' ? m.events[0]!.data.rules : null);
  const off = stream();
  off.run(proposal(), NOW);
  t.equal(rulesOf(off)!.deemedVotes, null);
  const on = stream();
  on.run(proposal({ deemedVotes: { basis: '管理规约第十二条' } }), NOW);
  t.same(rulesOf(on)!.deemedVotes, { basis: '管理规约第十二条' });
  const strict: RulePackVersion = { ...selectRulePack('national', '2024-01-01')!, id: 'strict@2021-01-01', jurisdiction: 'strict', deemedVotes: 'off' };
  t.equal(code(stream({ rulePacks: [strict] }).run(proposal({ jurisdiction: 'strict', deemedVotes: { basis: 'x' } }), NOW)), 'invalid:deemed_votes_not_allowed');
  t.equal(code(stream().run(proposal({ deemedVotes: { basis: ' ' } }), NOW)), 'invalid:invalid_motion');

  // With deemed votes on, the posted outcome is the deemed one.
  on.run({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, NOW);
  on.run({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-20T09:00:00+08:00');
  on.run({ type: 'CloseMotion', data: { motionId: 'm1' }, by: convenor }, '2024-03-30T18:00:00+08:00');
  const totals = {
    eligible: { area: '380.25', headcount: 3 },
    for: { area: '170.25', headcount: 1 },
    against: { area: '0', headcount: 0 },
    abstain: { area: '0', headcount: 0 },
    // Only notified non-voters whose delivery is recorded are deemed: here the developer's 110.00 m².
    deemable: { area: '110.00', headcount: 1 },
  };
  on.run({ type: 'PublishResult', data: { motionId: 'm1', totals }, by: convenor }, '2024-03-31T09:00:00+08:00');
  const last = on.events.at(-1)!;
  t.equal(last.type, 'ResultPublished');
  t.same((last.data as { outcome: unknown }).outcome, { basis: 'deemed', quorumMet: true, passed: true }, '170.25 + 110.00 of 380.25 m², 2 of 3 heads');
  const nobody = stream();
  for (const [cmd, at] of [
    [proposal({ deemedVotes: { basis: '管理规约第十二条' } }), NOW],
    [{ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, NOW],
    [{ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-20T09:00:00+08:00'],
    [{ type: 'CloseMotion', data: { motionId: 'm1' }, by: convenor }, '2024-03-30T18:00:00+08:00'],
    [{ type: 'PublishResult', data: { motionId: 'm1', totals: { ...totals, deemable: { area: '0', headcount: 0 } } }, by: convenor }, '2024-03-31T09:00:00+08:00'],
  ] as const) nobody.run(cmd as MotionCommand, at);
  t.same((nobody.events.at(-1)!.data as { outcome: unknown }).outcome, { basis: 'deemed', quorumMet: false, passed: false }, 'no delivery on record: nobody is deemed');
});

t.test('rule packs: each number has a source; versions are unique', async (t) => {
  const ids = new Set<string>();
  for (const p of builtinRulePacks) {
    t.notOk(ids.has(p.id), `${p.id} unique`);
    ids.add(p.id);
    t.equal(p.id, `${p.jurisdiction}@${p.effectiveFrom}`);
    for (const key of ['thresholds', 'noticeDays', 'votingWindowDays', 'revoteAllowed', 'proxyLimit', 'resultPublicationDays', 'deemedVotes'] as const) {
      t.ok(p.sources[key].length > 0, `${p.id} ${key} cites a source`);
    }
    t.equal(p.thresholds, p.effectiveFrom < '2021-01-01' ? 'property_regulation_art12' : 'civil_code_art278', `${p.id} thresholds by date`);
  }
  t.equal(selectRulePack('hangzhou', '2024-01-01')!.id, 'hangzhou@2022-03-01');
  t.equal(selectRulePack('hangzhou', 'not-a-date'), null);
});

t.test('the posted outcome at every boundary (decider level)', async (t) => {
  const flats = (n: number, area: string): VoterIdentity[] =>
    Array.from({ length: n }, (_, i) => ({
      voterId: `owners:${i}`,
      developerHeld: false,
      ownerPersonIds: [`p-${i}`],
      units: [{ unitId: `1-${i}`, building: '1', area }],
      area,
    }));
  const outcome = (matter: ProposeMotionData['matter'], identities: VoterIdentity[], f: [string, number], a: [string, number], ab: [string, number] = ['0', 0]) => {
    const m = stream();
    m.run(proposal({ jurisdiction: 'national', matter }), NOW);
    m.run({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, NOW);
    m.run({ type: 'OpenMotion', data: { motionId: 'm1', roll: identities }, by: convenor }, '2024-03-20T09:00:00+08:00');
    m.run({ type: 'CloseMotion', data: { motionId: 'm1' }, by: convenor }, '2024-03-30T18:00:00+08:00');
    const opened = m.events[2]!;
    const eligible = opened.type === 'MotionOpened' ? opened.data.roll.eligible : { area: '0', headcount: 0 };
    const axes = ([area, headcount]: [string, number]) => ({ area, headcount });
    const r = m.run({ type: 'PublishResult', data: { motionId: 'm1', totals: { eligible, for: axes(f), against: axes(a), abstain: axes(ab) } }, by: convenor }, '2024-03-31T09:00:00+08:00');
    if (isDomainError(r)) return r.code;
    const e = r[0]!;
    return e.type === 'ResultPublished' ? `quorum ${e.data.outcome.quorumMet} passed ${e.data.outcome.passed}` : '?';
  };
  const nine = flats(9, '100.00'); // 900.00 m², 9 heads
  t.equal(outcome('other_major', nine, ['400.00', 4], ['200.00', 2]), 'quorum true passed true', 'participation exactly 2/3 (600.00 m², 6 heads)');
  t.equal(outcome('other_major', nine, ['399.99', 4], ['200.00', 2]), 'quorum false passed false', '0.01 m² below 2/3');
  t.equal(outcome('other_major', nine, ['300.00', 3], ['300.00', 3]), 'quorum true passed false', 'for exactly 1/2 of participation fails');
  t.equal(outcome('other_major', nine, ['300.0001', 4], ['299.9999', 2]), 'quorum true passed true', 'one ten-thousandth of a m² and one head more passes');
  t.equal(outcome('other_major', nine, ['300.0001', 3], ['299.9999', 3]), 'quorum true passed false', 'area over half, heads exactly half: fails');
  const twelve = flats(12, '100.00'); // 1200.00 m², 12 heads
  t.equal(outcome('rebuild', twelve, ['600.00', 6], ['200.00', 2]), 'quorum true passed true', 'special: exactly 3/4 of participation passes');
  t.equal(outcome('rebuild', twelve, ['599.99', 6], ['200.01', 2]), 'quorum true passed false', 'special: 0.01 m² under 3/4 fails');
  t.equal(outcome('change_common_use', twelve, ['600.00', 5], ['200.00', 3]), 'quorum true passed false', 'special: heads 5 of 8 fail though area is 3/4');
  t.equal(outcome('other_major', twelve, ['300.00', 6], ['500.00', 2]), 'quorum true passed false', 'axes disagree: heads pass, area fails');
  t.equal(outcome('other_major', twelve, ['300.00', 13], ['500.00', 2]), 'invalid_totals', 'more heads than the roll has');
});
