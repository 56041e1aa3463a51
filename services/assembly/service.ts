/**
 * The assembly's application service: runs motion commands on `motion-<id>` and ballots on
 * `ballot-<motionId>-<voterId>`, with the motion's state cached at its revision.
 *
 * Close by log order: a ballot counts iff it stands before the motion's close in the global order. A ballot
 * decided while voting was open can still reach the log after a racing close; it is then recorded but not
 * counted, and its caller gets `409 ballot_after_close` instead of a receipt (a replay of that command too).
 *
 * The steps that take facts from elsewhere are here, not in the routes: opening freezes the roll from the
 * registry (through the assembly's own port), publishing the result takes the tally as the read model froze it
 * at the close.
 */
import {
  ballotDecider,
  ballotStreamFor,
  motionDecider,
  motionStreamId,
  type BallotStreamState,
  type ActorFacts,
  type CastBallot,
  type MotionCommand,
  type MotionState,
} from '../../domain/assembly/index.js';
import { voterIdentities } from '../../domain/registry/index.js';
import { conflict, isDomainError, notFound, type DomainError } from '../../domain/shared/errors.js';
import { MOTION_TALLIES, totalsOfTally, type TallyDoc } from '../../projections/assembly/index.js';
import { HttpProblem } from '../api/problem.js';
import { requireProjected } from '../api/projected.js';
import { READ_MODEL_WAIT_MS } from '../api/readModel.js';
import { handleCommand, loadState, type CommandEnvelope, type Handled } from '../commands/handler.js';
import { lruStateCache } from '../commands/stateCache.js';
import type { ProjectionRunner } from '../projections/runner.js';
import type { ReadView } from '../projections/readStore.js';
import type { EventStore } from '../store/port.js';
import type { RegistryReader } from './registryReader.js';

/** Events on the motion stream after which no ballot counts. */
const CLOSING_EVENTS = new Set(['MotionClosed', 'MotionCancelled']);
const isClosing = (type: string) => CLOSING_EVENTS.has(type);

/** A motion's state and the stream revision it stands at. */
export interface MotionAt {
  readonly state: MotionState;
  readonly revision: bigint;
  /**
   * Where the store keeps commit records (SQLite): a log position every event up to which the read behind this state saw (this process's commits
   * it had been told of), so a later check can tell from the commit records alone that no close came since.
   */
  readonly seenThrough?: bigint;
}

export interface AssemblyService {
  motion(motionId: string): Promise<MotionState>;
  motionAt(motionId: string): Promise<MotionAt>;
  handleMotion(motionId: string, command: MotionCommand, cmd: CommandEnvelope): Promise<Handled<MotionState> | DomainError>;
  /** `decidedOn`: the motion as the caller already loaded it (saves a read); loaded here when omitted. */
  castBallot(command: CastBallot, cmd: CommandEnvelope, decidedOn?: MotionAt): Promise<Handled<BallotStreamState> | DomainError>;
  /** Position of the motion's close in the log, or null while it is not closed. */
  closePosition(motionId: string): Promise<bigint | null>;
  /** Opens voting, freezing the roll from the registry as it stands (the decider judges notice and window). */
  openMotion(motionId: string, by: ActorFacts, cmd: CommandEnvelope): Promise<Handled<MotionState> | DomainError>;
  /**
   * Publishes the result from the tally the read model froze at the close: `504 read_model_behind` while it has
   * not reached the close, `503 projection_failed` when the assembly's view of the compound stopped.
   */
  publishResult(motionId: string, by: ActorFacts, cmd: CommandEnvelope): Promise<Handled<MotionState> | DomainError>;
  /** A ballot recorded at `position` stands behind the close: `409 ballot_after_close` (for a replayed command), else null. */
  afterClose(motionId: string, position: bigint): Promise<DomainError | null>;
}

/**
 * A port other contexts fill to refuse a matter the owners may not decide now (committee: Shanghai's transition
 * freeze, 沪规定 Art. 28 para. 4). Asked before a motion is proposed and before it opens; null = go on.
 */
export type MotionGate = (compoundId: string, matter: string, step: { motionId: string; step: 'propose' | 'open' }, by: ActorFacts, cmd: CommandEnvelope) => Promise<DomainError | null>;

/** What the assembly reads besides its own streams: the registry (its port) and the tally's read model. */
export interface AssemblyServiceDeps {
  readonly registry: RegistryReader;
  readonly read: Pick<ReadView, 'get'>;
  readonly runner: Pick<ProjectionRunner, 'waitFor'>;
  /** committee: Shanghai's transition freeze (services/assembly/committeeGate.ts). */
  readonly gate?: MotionGate;
}

const afterCloseError = (closedAt: bigint): DomainError =>
  conflict('ballot_after_close', 'voting closed before this ballot reached the log; it is recorded but not counted', { closedAt: closedAt.toString() });

export function assemblyService(store: EventStore, deps: AssemblyServiceDeps): AssemblyService {
  const motions = lruStateCache<MotionState>(2_000);

  /** Close positions never change once written: found once, remembered. */
  const closes = new Map<string, bigint>();

  const motionAt = async (motionId: string): Promise<MotionAt> => {
    // Taken before the read: everything committed through it is visible to the read that follows. (The read
    // itself stays: another process's commit is not in this process's records until this one commits again.)
    const seenThrough = store.committedThrough?.();
    const at = await loadState(store, motionDecider, motionStreamId(motionId), motions);
    return seenThrough === undefined ? at : { ...at, seenThrough };
  };
  const motion = async (motionId: string) => (await motionAt(motionId)).state;

  async function closePosition(motionId: string): Promise<bigint | null> {
    const known = closes.get(motionId);
    if (known !== undefined) return known;
    const { state, revision } = await loadState(store, motionDecider, motionStreamId(motionId), motions);
    if (state.status !== 'closed' && state.status !== 'result_published' && state.status !== 'cancelled') return null;
    // The close is at or near the head: walk back from it rather than re-reading the frozen roll.
    for (let r = revision; r >= 0n; r--) {
      const [event] = await store.readStream(motionStreamId(motionId), { fromRevision: r, maxCount: 1 });
      if (event && CLOSING_EVENTS.has(event.type)) {
        closes.set(motionId, event.position);
        return event.position;
      }
    }
    return null;
  }

  const handleMotion = async (motionId: string, command: MotionCommand, cmd: CommandEnvelope) => {
    // committee: a matter frozen for the compound is refused when proposed and when it would open.
    if (deps.gate && (command.type === 'ProposeMotion' || command.type === 'OpenMotion')) {
      const current = command.type === 'OpenMotion' ? await motion(motionId) : null;
      const target = command.type === 'ProposeMotion' ? command.data : current?.status !== 'none' ? current : null;
      // committee: the check is written on the committee's stream at the revision it read (committeeGate.ts).
      const frozen = target ? await deps.gate(target.compoundId, target.matter, { motionId, step: command.type === 'ProposeMotion' ? 'propose' : 'open' }, command.by, cmd) : null;
      if (frozen) return frozen;
    }
    return handleCommand(store, motionDecider, motionStreamId(motionId), command, cmd, {}, { cache: motions });
  };

  return {
    motion,
    motionAt,
    closePosition,
    handleMotion,
    async openMotion(motionId, by, cmd) {
      const state = await motion(motionId);
      if (state.status === 'none') return notFound('motion_not_found', `No motion ${motionId}`);
      // Only a noticed motion can open; for the others the decider refuses and the roll does not matter.
      const roll = state.status === 'noticed' ? voterIdentities(await deps.registry.state(state.compoundId), state.scope.kind === 'buildings' ? state.scope.buildings : undefined) : [];
      return handleMotion(motionId, { type: 'OpenMotion', data: { motionId, roll }, by }, cmd);
    },
    async publishResult(motionId, by, cmd) {
      const state = await motion(motionId);
      if (state.status === 'none') return notFound('motion_not_found', `No motion ${motionId}`);
      const close = await closePosition(motionId);
      if (close !== null && !(await deps.runner.waitFor(close, READ_MODEL_WAIT_MS))) throw new HttpProblem(504, 'read_model_behind', 'The tally has not caught up with the close yet; retry');
      requireProjected(deps.read, 'assembly', state.compoundId);
      const doc = deps.read.get<TallyDoc>(MOTION_TALLIES, motionId);
      if (!doc || doc.eligible === null) return conflict('motion_not_closed', 'Voting has not been held on this motion');
      return handleMotion(motionId, { type: 'PublishResult', data: { motionId, totals: totalsOfTally(doc) }, by }, cmd);
    },
    async afterClose(motionId, position) {
      const close = await closePosition(motionId);
      return close !== null && close < position ? afterCloseError(close) : null;
    },
    async castBallot(command, cmd, decidedOn) {
      const { state: current, revision, seenThrough } = decidedOn ?? (await motionAt(command.data.motionId));
      const stream = ballotStreamFor(current, command.data.unitId);
      if (isDomainError(stream)) return stream;
      // Most identities vote once: try the append as the stream's first; a re-vote or a second ballot reads it.
      const handled = await handleCommand(store, ballotDecider, stream, command, cmd, { motion: current }, { expectNew: true });
      if (isDomainError(handled) || handled.events.length === 0) return handled;
      // Did the motion close before this ballot reached the log? Only events after the revision we decided on matter.
      // #18: when this process's commit records show no closing event at all between what that read saw and
      // the ballot's position (no gap, so no other process's commit either), there is nothing to read.
      if (seenThrough !== undefined && store.committedWithout?.(seenThrough, handled.position, isClosing) === true) return handled;
      const later = await store.readStream(motionStreamId(command.data.motionId), { fromRevision: revision + 1n });
      const close = later.find((e) => CLOSING_EVENTS.has(e.type));
      if (close && close.position < handled.position) return afterCloseError(close.position);
      return handled;
    },
  };
}
