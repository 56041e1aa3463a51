/**
 * A whole vote in memory, through the real deciders and the real assembly projection, in log order: motion
 * commands and ballots are decided, their events appended to one list (the log), and the projection folds them
 * (projectionSpec). For decider and projection tests of forms, objections and decisions without a store.
 */
import {
  ballotDecider,
  ballotStreamFor,
  motionDecider,
  selectRulePack,
  type BallotStreamState,
  type CastBallot,
  type MotionCommand,
  type MotionContext,
  type MotionEvent,
  type MotionState,
  type RulePackVersion,
} from '../../domain/assembly/index.js';
import type { VoterIdentity } from '../../domain/registry/types.js';
import { isDomainError, type DomainError } from '../../domain/shared/errors.js';
import { assemblyProjection, MOTION_TALLIES, renderTally, totalsOfTally, type TallyDoc } from '../../projections/assembly/index.js';
import { projectionSpec, type SpecEvent } from './projectionSpec.js';

export const convenor = { personId: 'p-oc', grants: ['oc_member'] };
export const staff = { personId: 'p-rc', grants: ['rc_staff'] };

/** n owner identities of `area` m² each in building `building`: units `<building>-<i>`, person ids `p<building>-<i>`. */
export function owners(n: number, area: string, building = '1'): VoterIdentity[] {
  return Array.from({ length: n }, (_, i) => ({
    voterId: `owners:${building}-${i + 1}`,
    developerHeld: false,
    ownerPersonIds: [`p${building}-${i + 1}`],
    units: [{ unitId: `${building}-${i + 1}`, building, area }],
    area,
  }));
}

/** A pack for tests: the national Civil Code pack with overrides (e.g. an objection window). */
export function testPack(over: Partial<RulePackVersion> = {}): RulePackVersion {
  return { ...selectRulePack('national', '2024-01-01')!, id: 'test@2021-01-01', jurisdiction: 'test', ...over };
}

export function voteSim(roll: readonly VoterIdentity[], pack: RulePackVersion = testPack()) {
  const log: SpecEvent[] = [];
  let motion: MotionState = motionDecider.initialState();
  const ballots = new Map<string, BallotStreamState>();
  let ids = 0;
  const context = (now: string): MotionContext => ({ now: new Date(now), newId: () => `id-${ids++}`, actor: { personId: 'x', role: 'x' }, rulePacks: [pack] });

  const run = (cmd: MotionCommand, now: string): readonly MotionEvent[] | DomainError => {
    const r = motionDecider.decide(cmd, motion, context(now));
    if (isDomainError(r)) return r;
    for (const e of r) {
      motion = motionDecider.evolve(motion, e);
      log.push({ ...e, streamId: 'motion-m1' });
    }
    return r;
  };
  const must = (cmd: MotionCommand, now: string): readonly MotionEvent[] => {
    const r = run(cmd, now);
    if (isDomainError(r)) throw new Error(`${cmd.type}: ${r.code} ${r.message}`);
    return r;
  };

  const sim = {
    log,
    get motion() {
      return motion;
    },
    run,
    must,
    /** Proposed on 2024-03-04, noticed, opened 2024-03-20 09:00, closing 2024-03-30 18:00 China time. */
    open(over: Partial<Extract<MotionCommand, { type: 'ProposeMotion' }>['data']> = {}) {
      must(
        {
          type: 'ProposeMotion',
          data: {
            motionId: 'm1',
            compoundId: 'c1',
            jurisdiction: pack.jurisdiction,
            title: '表决',
            description: '',
            matter: 'other_major',
            scope: { kind: 'compound' },
            opensAt: '2024-03-20T09:00:00+08:00',
            closesAt: '2024-03-30T18:00:00+08:00',
            ...over,
          },
          by: convenor,
        },
        '2024-03-04T10:00:00+08:00',
      );
      must({ type: 'PublishNotice', data: { motionId: 'm1' }, by: convenor }, '2024-03-04T10:00:00+08:00');
      must({ type: 'OpenMotion', data: { motionId: 'm1', roll }, by: convenor }, '2024-03-20T09:00:00+08:00');
      return sim;
    },
    /** Casts as the unit's first owner (electronic) unless `by` says otherwise. */
    cast(unitId: string, ballot: Omit<CastBallot['data'], 'motionId' | 'unitId' | 'channel'> & Partial<Pick<CastBallot['data'], 'channel' | 'evidenceRef' | 'onBehalfOf'> & Pick<CastBallot, 'by'>>, now = '2024-03-25T10:00:00+08:00') {
      const voter = roll.find((v) => v.units.some((u) => u.unitId === unitId))!;
      const stream = ballotStreamFor(motion, unitId);
      if (isDomainError(stream)) return stream;
      const state = ballots.get(stream) ?? ballotDecider.initialState();
      const { by, ...marks } = ballot;
      const cmd: CastBallot = { type: 'CastBallot', data: { motionId: 'm1', unitId, channel: 'electronic', ...marks }, by: by ?? { personId: voter.ownerPersonIds[0] ?? 'dev', grants: ['owner', 'developer'] } };
      const r = ballotDecider.decide(cmd, state, { ...context(now), motion });
      if (isDomainError(r)) return r;
      for (const e of r) {
        ballots.set(stream, ballotDecider.evolve(state, e));
        log.push({ ...e, streamId: stream });
      }
      return r[0]!.data;
    },
    close() {
      return must({ type: 'CloseMotion', data: { motionId: 'm1' }, by: convenor }, '2024-03-30T18:00:00+08:00');
    },
    /** The tally document and its view, from the log so far. */
    tally() {
      const doc = projectionSpec(assemblyProjection).given(log).get<TallyDoc>(MOTION_TALLIES, 'm1')!;
      return { doc, view: renderTally(doc), totals: totalsOfTally(doc) };
    },
    projected() {
      return projectionSpec(assemblyProjection).given(log);
    },
  };
  return sim;
}
