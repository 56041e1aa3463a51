/** `?asOf=` on HTTP: a log position or an ISO instant (with a zone), checked before any reading. */
import { z } from 'zod';
import { instantInRange } from '../../domain/shared/limits.js';
import { HttpProblem } from '../api/problem.js';
import type { EventStore } from '../store/port.js';
import { parseAsOf, type AsOf } from './asOf.js';

export const asOfField = z.string().max(40).optional().describe('view as of a log position (digits) or an ISO instant with a zone, e.g. 2026-03-20T08:00:00Z');

/**
 * The point asked for, or undefined without `?asOf=`. `400 invalid_as_of` when it is neither a position nor
 * an instant with a zone; `400 instant_out_of_range` outside 2000–2100; `400 position_beyond_log` past the
 * log's head (no view has been there).
 */
export async function requestedAsOf(store: EventStore, text: string | undefined): Promise<AsOf | undefined> {
  if (text === undefined) return undefined;
  const asOf = parseAsOf(text);
  if (!asOf) throw new HttpProblem(400, 'invalid_as_of', 'asOf is a log position (digits) or an ISO 8601 instant with a time zone, e.g. 2026-03-20T08:00:00Z');
  if (asOf.kind === 'instant' && !instantInRange(asOf.at)) throw new HttpProblem(400, 'instant_out_of_range', 'asOf must lie from 2000-01-01 to before 2100-01-01 UTC');
  if (asOf.kind === 'position') {
    const head = await store.headPosition();
    if (asOf.position > head) throw new HttpProblem(400, 'position_beyond_log', `No event stands at position ${asOf.position}: the log ends at ${head}`, { head: head.toString() });
  }
  return asOf;
}

/** How a view says which point it shows. */
export function asOfWire(view: { asOf: AsOf; position: bigint; recordedAt: string | null }) {
  return {
    requested: view.asOf.kind === 'position' ? { position: view.asOf.position.toString() } : { instant: view.asOf.at.toISOString() },
    position: view.position.toString(),
    recordedAt: view.recordedAt,
  };
}
