/**
 * Time travel (`?asOf=`): a motion as the notice board showed it at an earlier point of the log, computed
 * from the log itself with the same pure projection the read model uses (projections/assembly), never from
 * the current documents. The point is a log position (every event at or before it) or an instant (every
 * event recorded at or before it, which is the same cut: positions and record times grow together).
 *
 * Read: the motion's stream, and, once voting had opened by then, the ballot stream of every voter identity
 * on its frozen roll (ballot-<motionId>-<voterId>), all cut at the point and applied in global order, so a
 * ballot behind the close stays uncounted as it did then.
 */
import { ballotStreamId, motionStreamId, type MotionOpenedData } from '../../domain/assembly/index.js';
import { assemblyProjection, MOTION_TALLIES, MOTIONS, type MotionDoc, type TallyDoc } from '../../projections/assembly/index.js';
import type { EventStore, RecordedEvent } from '../store/port.js';
import { DocsAsOf } from '../api/asOf/compoundAsOf.js';

/** A point of the log: a global position, or an instant. */
export type AsOf = { readonly kind: 'position'; readonly position: bigint } | { readonly kind: 'instant'; readonly at: Date };

const POSITION = /^\d{1,20}$/;
/** An ISO 8601 instant with a time zone (`Z` or `±hh:mm`): a local time without a zone would be ambiguous. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/** Parses `?asOf=`: a log position (decimal digits) or an ISO instant with a zone; null when it is neither. */
export function parseAsOf(text: string): AsOf | null {
  if (POSITION.test(text)) return { kind: 'position', position: BigInt(text) };
  if (!INSTANT.test(text)) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : { kind: 'instant', at };
}

/** A motion's documents as they stood at the point, and where exactly the cut fell. */
export interface MotionAsOf {
  readonly asOf: AsOf;
  /** Global position of the last event of this motion included (0 when none was). */
  readonly position: bigint;
  /** When that event was recorded (null when none was). */
  readonly recordedAt: string | null;
  /** Undefined when the motion did not exist yet at the point. */
  readonly motion: MotionDoc | undefined;
  readonly tally: TallyDoc | undefined;
  /** How many of the motion's events (lifecycle and ballots) the view was computed from. */
  readonly events: number;
}

const included = (asOf: AsOf) => (e: RecordedEvent): boolean =>
  asOf.kind === 'position' ? e.position <= asOf.position : Date.parse(e.metadata.recordedAt) <= asOf.at.getTime();

/** How many ballot streams are read at once. */
const READ_BATCH = 256;

export async function motionAsOf(store: EventStore, motionId: string, asOf: AsOf): Promise<MotionAsOf> {
  const keep = included(asOf);
  const lifecycle = (await store.readStream(motionStreamId(motionId))).filter(keep);
  const events: RecordedEvent[] = [...lifecycle];
  const opened = lifecycle.find((e) => e.type === 'MotionOpened');
  if (opened) {
    const voters = (opened.data as MotionOpenedData).roll.voters.map((v) => v.voterId);
    for (let i = 0; i < voters.length; i += READ_BATCH) {
      const streams = await Promise.all(voters.slice(i, i + READ_BATCH).map((voterId) => store.readStream(ballotStreamId(motionId, voterId))));
      for (const stream of streams) for (const e of stream) if (keep(e)) events.push(e);
    }
  }
  events.sort((a, b) => (a.position < b.position ? -1 : a.position > b.position ? 1 : 0));
  const docs = new DocsAsOf();
  for (const e of events) docs.apply(e, [assemblyProjection]);
  const last = events.at(-1);
  return {
    asOf,
    position: last?.position ?? 0n,
    recordedAt: last?.metadata.recordedAt ?? null,
    motion: docs.get<MotionDoc>(MOTIONS, motionId),
    tally: docs.get<TallyDoc>(MOTION_TALLIES, motionId),
    events: events.length,
  };
}
