/**
 * The given / when / then helpers themselves: they pass on the outcome they state and fail on any other.
 */
import t from 'tap';
import { motionDecider, type MotionContext, type MotionEvent } from '../../domain/assembly/index.js';
import { assemblyProjection, MOTION_TALLIES } from '../../projections/assembly/index.js';
import { spec } from '../support/deciderSpec.js';
import { projectionSpec } from '../support/projectionSpec.js';

const convenor = { personId: 'p-oc', grants: ['oc_member'] };
const context = (): MotionContext => ({ now: new Date('2024-03-04T10:00:00+08:00'), newId: () => 'id', actor: { personId: 'p-oc', role: 'oc_member' } });
const motion = spec(motionDecider, context);
const propose = {
  type: 'ProposeMotion',
  data: {
    motionId: 'm1',
    compoundId: 'c1',
    jurisdiction: 'hangzhou',
    title: '续聘物业服务企业',
    description: '',
    matter: 'hire_or_dismiss_firm',
    scope: { kind: 'compound' },
    opensAt: '2024-03-20T09:00:00+08:00',
    closesAt: '2024-03-30T18:00:00+08:00',
  },
  by: convenor,
} as const;

/** A stand-in for tap's asserts that records what would have failed. */
function recorder() {
  const failures: string[] = [];
  const check = (ok: boolean, message?: string) => {
    if (!ok) failures.push(message ?? 'failed');
    return ok;
  };
  return {
    failures,
    same: (a: unknown, b: unknown, m?: string) => check(JSON.stringify(a) === JSON.stringify(b), m),
    equal: (a: unknown, b: unknown, m?: string) => check(a === b, m),
    match: (a: unknown, b: unknown, m?: string) => check(a !== undefined && b !== undefined, m),
    fail: (m?: string) => check(false, m),
  };
}

t.test('deciderSpec: then(code) passes on that refusal and fails on events or another code', async (t) => {
  const proposed = motion.given([]).when(propose).events(t) as MotionEvent[];
  t.equal(proposed.length, 1);
  const given = motion.given(proposed);
  given.when({ type: 'OpenMotion', data: { motionId: 'm1', roll: [] }, by: convenor }).then(t, 'notice_not_published');

  const r = recorder();
  given.when({ type: 'OpenMotion', data: { motionId: 'm1', roll: [] }, by: convenor }).then(r, 'too_early_to_open');
  given.when({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }).then(r, 'notice_not_published');
  given.when({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }).refusal(r, 'x');
  motion.given([]).when({ ...propose, data: { ...propose.data, title: '' } }).events(r);
  t.equal(r.failures.length, 4, 'each mismatch is a failure');
});

t.test('projectionSpec: given events, then the documents', async (t) => {
  const proposed = motion.given([]).when(propose).events(t);
  const projected = projectionSpec(assemblyProjection).given(proposed.map((e) => ({ ...e, streamId: 'motion-m1' })));
  projected.thenMatch(t, { [`${MOTION_TALLIES}/m1`]: { motionId: 'm1', status: 'proposed', for: { area: '0.00', headcount: 0 } } });
  t.equal(projected.list('motions', 'c1').length, 1);
});
