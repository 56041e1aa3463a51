/**
 * The assembly's application service: runs motion commands on `motion-<id>` and ballots on
 * `ballot-<motionId>-<voterId>`, with the motion's state cached at its revision.
 *
 * Close by log order: a ballot counts iff it stands before the motion's close in the global order. A ballot
 * decided while voting was open can still reach the log after a racing close; it is then recorded but not
 * counted, and its caller gets `409 ballot_after_close` instead of a receipt.
 */
import {
  ballotDecider,
  ballotStreamFor,
  motionDecider,
  motionStreamId,
  type BallotStreamState,
  type CastBallot,
  type MotionCommand,
  type MotionState,
} from '../../domain/assembly/index.js';
import { conflict, isDomainError, type DomainError } from '../../domain/shared/errors.js';
import { handleCommand, loadState, type CommandEnvelope, type Handled } from '../commands/handler.js';
import { lruStateCache } from '../commands/stateCache.js';
import type { EventStore } from '../store/port.js';

/** Events on the motion stream after which no ballot counts. */
const CLOSING_EVENTS = new Set(['MotionClosed', 'MotionCancelled']);

/** A motion's state and the stream revision it stands at. */
export interface MotionAt {
  readonly state: MotionState;
  readonly revision: bigint;
}

export interface AssemblyService {
  motion(motionId: string): Promise<MotionState>;
  motionAt(motionId: string): Promise<MotionAt>;
  handleMotion(motionId: string, command: MotionCommand, cmd: CommandEnvelope): Promise<Handled<MotionState> | DomainError>;
  /** `decidedOn`: the motion as the caller already loaded it (saves a read); loaded here when omitted. */
  castBallot(command: CastBallot, cmd: CommandEnvelope, decidedOn?: MotionAt): Promise<Handled<BallotStreamState> | DomainError>;
  /** Position of the motion's close in the log, or null while it is not closed. */
  closePosition(motionId: string): Promise<bigint | null>;
}

/**
 * A port other contexts fill to refuse a matter the owners may not decide now (committee: Shanghai's transition
 * freeze, 沪规定 Art. 28 para. 4). Asked before a motion is proposed and before it opens; null = go on.
 */
export type MotionGate = (compoundId: string, matter: string) => Promise<DomainError | null>;

export function assemblyService(store: EventStore, options: { gate?: MotionGate } = {}): AssemblyService {
  const motions = lruStateCache<MotionState>(2_000);

  /** Close positions never change once written: found once, remembered. */
  const closes = new Map<string, bigint>();

  const motionAt = (motionId: string): Promise<MotionAt> => loadState(store, motionDecider, motionStreamId(motionId), motions);
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

  return {
    motion,
    motionAt,
    closePosition,
    async handleMotion(motionId, command, cmd) {
      // committee: a matter frozen for the compound is refused when proposed and when it would open.
      if (options.gate && (command.type === 'ProposeMotion' || command.type === 'OpenMotion')) {
        const current = command.type === 'OpenMotion' ? await motion(motionId) : null;
        const target = command.type === 'ProposeMotion' ? command : current?.status !== 'none' ? current : null;
        const frozen = target ? await options.gate(target.compoundId, target.matter) : null;
        if (frozen) return frozen;
      }
      return handleCommand(store, motionDecider, motionStreamId(motionId), command, cmd, {}, { cache: motions });
    },
    async castBallot(command, cmd, decidedOn) {
      const { state: current, revision } = decidedOn ?? (await motionAt(command.motionId));
      const stream = ballotStreamFor(current, command.unitId);
      if (isDomainError(stream)) return stream;
      // Most identities vote once: try the append as the stream's first; a re-vote or a second ballot reads it.
      const handled = await handleCommand(store, ballotDecider, stream, command, cmd, { motion: current }, { expectNew: true });
      if (isDomainError(handled) || handled.events.length === 0) return handled;
      // Did the motion close before this ballot reached the log? Only events after the revision we decided on matter.
      const later = await store.readStream(motionStreamId(command.motionId), { fromRevision: revision + 1n });
      const close = later.find((e) => CLOSING_EVENTS.has(e.type));
      if (close && close.position < handled.position) {
        return conflict('ballot_after_close', 'voting closed before this ballot reached the log; it is recorded but not counted', {
          closedAt: close.position.toString(),
        });
      }
      return handled;
    },
  };
}
