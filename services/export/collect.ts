/**
 * A compound's part of the log: every stream that belongs to it, whole, in the log's global order. A stream
 * belongs to the compound its first event names (`data.compoundId`), or whose per-compound stream it is
 * (`compound-`, `funds-`, `board-`, `committee-`, `supervision-`, `residents-roll-` + the id), or whose record it
 * continues (a ballot names its motion, a signature its petition, a step its meeting, tender, contract, dispute
 * or request, through the record's id). Firms are registered across compounds and are not exported.
 */
import type { EventStore, RecordedEvent } from '../store/port.js';

const PER_COMPOUND = ['compound', 'funds', 'board', 'committee', 'supervision', 'residents-roll'];
/** The ids by which a stream's first event names the record it continues. */
const RECORD_KEYS = ['motionId', 'petitionId', 'meetingId', 'requestId', 'tenderId', 'contractId', 'disputeId', 'releaseId', 'electionId'];
const BATCH = 10_000;

export interface CompoundLog {
  readonly events: readonly RecordedEvent[];
  /** The log's last position when reading began (events after it are not read). */
  readonly head: bigint;
}

export async function compoundLog(store: EventStore, compoundId: string): Promise<CompoundLog> {
  const head = await store.headPosition();
  const member = new Map<string, boolean>();
  const records = new Set<string>();
  const perCompound = new Set(PER_COMPOUND.map((p) => `${p}-${compoundId}`));
  const events: RecordedEvent[] = [];
  let after = 0n;
  for (;;) {
    const batch = await store.readAll({ after, maxCount: BATCH });
    for (const e of batch) {
      if (e.position > head) break;
      let belongs = member.get(e.streamId);
      const data = (typeof e.data === 'object' && e.data !== null ? e.data : {}) as Record<string, unknown>;
      if (belongs === undefined) {
        belongs =
          perCompound.has(e.streamId) ||
          (typeof data.compoundId === 'string' ? data.compoundId === compoundId : RECORD_KEYS.some((k) => typeof data[k] === 'string' && records.has(`${k}:${data[k] as string}`)));
        member.set(e.streamId, belongs);
      }
      if (!belongs) continue;
      events.push(e);
      for (const k of RECORD_KEYS) if (typeof data[k] === 'string') records.add(`${k}:${data[k] as string}`);
    }
    const last = batch.at(-1);
    if (!last || batch.length < BATCH || last.position >= head) break;
    after = last.position;
  }
  return { events, head };
}
