/**
 * Ballots (表决票): one effective ballot per voter identity, on the stream `ballot-<motionId>-<voterId>`.
 *
 * The decision reads the motion's state (open? the frozen roll, the mandates, the rules) from the context and
 * the identity's earlier ballots from its own stream. Whether a ballot counts is NOT decided here: it counts
 * iff it stands before the motion's `MotionClosed` in the log's global order (projections/assembly).
 */
import type { DecideContext, Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import { MAX_EVIDENCE_REF_LENGTH, textProblem } from '../shared/limits.js';
import { DEVELOPER_GRANT, STAFF_GRANTS, holdsAny } from './actor.js';
import type { CastBallot } from './commands.js';
import { refuse } from './errors.js';
import { channels, type BallotCastData, type BallotEvent, type CastBy } from './events.js';
import { ballotReceipt } from './receipt.js';
import type { FrozenVoter } from './roll.js';
import type { Motion, MotionState } from './state.js';
import { ballotStreamId } from './streams.js';
import { checkMarks } from './forms.js';
import type { Choice } from './tally.js';

/** The ballot that currently stands for an identity. */
export interface StandingBallot {
  readonly receipt: string;
  /** yes_no ballots only. */
  readonly choice?: Choice;
  /** choose_one and elect ballots. */
  readonly marks?: BallotCastData['marks'];
  readonly invalid?: true;
  /** Whose voice it is: an owner's person id, or `developer`. */
  readonly voice: string;
}

export interface BallotStreamState {
  readonly standing: StandingBallot | null;
  /** Ballots on the stream (more than one only where re-voting is allowed). */
  readonly count: number;
}

export const initialBallotState = (): BallotStreamState => ({ standing: null, count: 0 });

/** The developer's voice: every holder of the `developer` grant speaks for the developer-held units. */
export const DEVELOPER_VOICE = 'developer';

/** Whose voice a ballot is: the owner it speaks for, or the developer. */
export function voiceOf(d: Pick<BallotCastData, 'castBy' | 'byPersonId' | 'onBehalfOf'>): string {
  switch (d.castBy) {
    case 'owner':
      return d.byPersonId;
    case 'developer':
      return DEVELOPER_VOICE;
    case 'proxy':
    case 'paper':
      return d.onBehalfOf ?? DEVELOPER_VOICE;
  }
}

export function evolveBallot(state: BallotStreamState, event: BallotEvent): BallotStreamState {
  const d = event.data;
  return {
    standing: {
      receipt: d.receipt,
      ...(d.choice !== undefined ? { choice: d.choice } : {}),
      ...(d.marks ? { marks: d.marks } : {}),
      ...(d.invalid ? { invalid: d.invalid } : {}),
      voice: voiceOf(d),
    },
    count: state.count + 1,
  };
}

interface Entitlement {
  readonly castBy: CastBy;
  readonly onBehalfOf?: string;
  readonly voice: string;
}

/**
 * Who may cast for an identity:
 * - paper (纸质投票): OC/RC staff entering it with an evidence reference; for an owner identity it names the
 *   owner who signed (指导规则 Art. 22: signed by the owner personally);
 * - electronic: an owner in the identity's owner set (co-owners: one ballot between them, 京 FAQ); for the
 *   developer-held units a holder of the `developer` grant; or a proxy holding a registered mandate from an
 *   owner of the identity (物业管理条例 Art. 12 para. 2; 沪规定 Art. 18 para. 3).
 */
function entitlement(cmd: CastBallot, voter: FrozenVoter, motion: Motion): Entitlement | DomainError {
  const by = cmd.by;
  if (cmd.data.channel === 'paper') {
    if (!holdsAny(by, STAFF_GRANTS)) return refuse('not_entitled', 'paper ballots are entered by OC or RC staff');
    const evidenceRef = typeof cmd.data.evidenceRef === 'string' ? cmd.data.evidenceRef.trim() : '';
    if (evidenceRef === '') return refuse('evidence_required', 'a paper ballot needs its evidence reference');
    if (voter.developerHeld) {
      if (cmd.data.onBehalfOf !== undefined) return refuse('principal_not_owner', 'developer-held units have no owner to name');
      return { castBy: 'paper', voice: DEVELOPER_VOICE };
    }
    if (cmd.data.onBehalfOf === undefined || !voter.ownerPersonIds.includes(cmd.data.onBehalfOf)) {
      return refuse('principal_not_owner', 'a paper ballot names the owner of the unit who signed it', { unitId: cmd.data.unitId });
    }
    return { castBy: 'paper', onBehalfOf: cmd.data.onBehalfOf, voice: cmd.data.onBehalfOf };
  }
  if (voter.developerHeld) {
    // 区分所有权解释 Art. 9: the developer's unsold/undelivered units are one head, voted by the developer.
    if (holdsAny(by, [DEVELOPER_GRANT])) return { castBy: 'developer', voice: DEVELOPER_VOICE };
    return refuse('not_entitled', 'only the developer votes for developer-held units');
  }
  const ownSelf = cmd.data.onBehalfOf === undefined || cmd.data.onBehalfOf === by.personId;
  if (ownSelf && voter.ownerPersonIds.includes(by.personId)) return { castBy: 'owner', voice: by.personId };
  const mandate = motion.mandates.find(
    (m) =>
      m.voterId === voter.voterId &&
      m.proxyPersonId === by.personId &&
      (cmd.data.onBehalfOf === undefined || m.principalPersonId === cmd.data.onBehalfOf),
  );
  if (mandate) return { castBy: 'proxy', onBehalfOf: mandate.principalPersonId, voice: mandate.principalPersonId };
  return refuse('not_entitled', 'no right to vote for that unit');
}

/** The identity that holds a unit on the motion's roll, or a refusal. */
export function voterForUnit(motion: MotionState, unitId: string): FrozenVoter | DomainError {
  if (motion.status === 'none') return refuse('motion_not_found', 'no such motion');
  if (motion.roll === null) return refuse('motion_not_open', 'voting is not open', { status: motion.status });
  const voterId = motion.roll.voterByUnit.get(unitId);
  const voter = voterId === undefined ? undefined : motion.roll.voters.get(voterId);
  return voter ?? refuse('unit_not_in_roll', `unit ${unitId} is not on this motion's roll`, { unitId });
}

/** The ballot stream a command for `unitId` goes to (so the HTTP layer knows which stream to load). */
export function ballotStreamFor(motion: MotionState, unitId: string): string | DomainError {
  const voter = voterForUnit(motion, unitId);
  if ('code' in voter) return voter;
  return ballotStreamId((motion as Motion).motionId, voter.voterId);
}

/**
 * Decides a ballot: the `BallotCast` data, or a refusal. Checks, in order: the motion exists (404) and is open
 * now (409 `motion_not_open`, also once the scheduled close has passed); the choice and channel (400); the unit
 * is on the frozen roll (404); the right to cast for its identity (403 `not_entitled`; 400 for a paper ballot
 * without evidence); one effective ballot per identity (409 `ballot_already_cast`, unless the pack allows
 * re-voting and the new ballot is the same voice — co-owners: the first ballot stands).
 */
export function decideBallot(
  command: CastBallot,
  motion: MotionState,
  ballots: BallotStreamState,
  context: DecideContext,
): BallotCastData | DomainError {
  if (motion.status === 'none' || motion.motionId !== command.data.motionId) {
    return refuse('motion_not_found', `no motion ${command.data.motionId}`, { motionId: command.data.motionId });
  }
  if (motion.status !== 'open' || motion.roll === null) {
    return refuse('motion_not_open', 'voting is not open', { status: motion.status });
  }
  if (context.now.getTime() >= motion.closesAt.getTime()) {
    return refuse('motion_not_open', 'the voting window has ended', { status: motion.status, closesAt: motion.closesAt.toISOString() });
  }
  if (!(channels as readonly string[]).includes(command.data.channel)) {
    return refuse('invalid_channel', 'the channel is electronic or paper');
  }
  if (typeof command.data.evidenceRef === 'string' && command.data.evidenceRef.trim() !== '' && textProblem(command.data.evidenceRef, MAX_EVIDENCE_REF_LENGTH) !== null) {
    return refuse('invalid_evidence_ref', `an evidence reference is at most ${MAX_EVIDENCE_REF_LENGTH} characters on one line`);
  }
  // 废票: only staff entering a paper ballot may record it as invalid (with its evidence, checked below).
  const invalid = command.data.invalid === true;
  if (invalid && command.data.channel !== 'paper') return refuse('invalid_choice', 'only a paper ballot can be recorded as invalid');
  const marks = invalid ? null : checkMarks(motion.form, command.data);
  if (marks !== null && 'code' in marks) return marks;
  const voter = voterForUnit(motion, command.data.unitId);
  if ('code' in voter) return voter;
  const right = entitlement(command, voter, motion);
  if ('code' in right) return right;

  let replaces: BallotCastData['replaces'];
  if (ballots.standing) {
    if (!motion.rules.revoteAllowed) {
      return refuse('ballot_already_cast', 'a ballot has already been cast for this owner', { unitId: command.data.unitId });
    }
    if (ballots.standing.voice !== right.voice) {
      return refuse('ballot_already_cast', 'another owner of the unit has already voted: the first ballot stands', {
        unitId: command.data.unitId,
      });
    }
    const s = ballots.standing;
    replaces = { receipt: s.receipt, ...(s.choice !== undefined ? { choice: s.choice } : {}), ...(s.marks ? { marks: s.marks } : {}), ...(s.invalid ? { invalid: true as const } : {}) };
  }

  const ballotId = context.newId();
  const evidenceRef = typeof command.data.evidenceRef === 'string' ? command.data.evidenceRef.trim() : '';
  return {
    motionId: motion.motionId,
    voterId: voter.voterId,
    ballotId,
    receipt: ballotReceipt(motion.motionId, voter.voterId, ballotId),
    unitId: command.data.unitId,
    unitIds: voter.units.map((u) => u.unitId),
    area: voter.area,
    ...(marks === null ? { invalid: true as const } : marks.form === 'yes_no' ? { choice: marks.choice } : { marks }),
    channel: command.data.channel,
    castBy: right.castBy,
    byPersonId: command.by.personId,
    ...(right.onBehalfOf !== undefined ? { onBehalfOf: right.onBehalfOf } : {}),
    ...(evidenceRef ? { evidenceRef } : {}),
    castAt: context.now.toISOString(),
    ...(replaces ? { replaces } : {}),
  };
}

/** What the ballot decider borrows: the motion's state, loaded by the caller from `motion-<motionId>`. */
export interface BallotContext extends DecideContext {
  readonly motion: MotionState;
}

/**
 * The ballot aggregate, for services/commands/handler.ts on stream `ballot-<motionId>-<voterId>`
 * (ballotStreamFor). The handler appends with `no_stream` when the stream is new, so two racing first ballots
 * cannot both land: the loser re-reads and is refused `ballot_already_cast`.
 */
export const ballotDecider: Decider<BallotStreamState, CastBallot, BallotEvent, BallotContext> = {
  initialState: initialBallotState,
  evolve: evolveBallot,
  decide(command, state, context) {
    const data = decideBallot(command, context.motion, state, context);
    return 'code' in data ? data : [{ type: 'BallotCast', data }];
  },
};
