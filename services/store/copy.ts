/**
 * Copies a whole log from one store to another (SQLite -> EventStoreDB when moving to production, or
 * back for an export), keeping stream names, revisions, event ids, types, data and metadata, and therefore
 * the hashes: the destination chains every event itself (hashChain.ts `chain()`), and the copy fails loudly
 * as soon as a hash differs from the source's.
 *
 * Resumable: events already in the destination at the same revision with the same id and hash are skipped,
 * so running the copy again after an interruption continues where it stopped; a different event at that
 * revision is an error (`CopyMismatchError`). Consecutive events of one stream go in one append, and the
 * destination's revision of each stream is remembered, so an uninterrupted copy reads nothing back.
 *
 * Global positions are not copied: each store numbers its own log. The copy appends in the source's global
 * order, so the relative order of all events (what decides, e.g., whether a ballot preceded a close) is kept.
 */
import { chain } from './hashChain.js';
import { RevisionConflictError, type EventStore, type ExpectedRevision, type RecordedEvent } from './port.js';

export class CopyMismatchError extends Error {
  constructor(
    readonly streamId: string,
    readonly revision: bigint,
    detail: string,
  ) {
    super(`copy: stream ${streamId} revision ${revision}: ${detail}`);
    this.name = 'CopyMismatchError';
  }
}

export interface CopyOptions {
  /** After each page of the source: events copied so far (appended + skipped) and the source position. */
  onProgress?(copied: number, position: bigint): void;
  /** Source events read per page. Default 1000. */
  pageSize?: number;
}

export interface CopyResult {
  /** Events appended to the destination. */
  readonly copied: number;
  /** Events the destination already had (same revision, id and hash). */
  readonly skipped: number;
}

export async function copyLog(from: EventStore, to: EventStore, opts: CopyOptions = {}): Promise<CopyResult> {
  const pageSize = opts.pageSize ?? 1000;
  /** Destination's last revision per stream, where known (after this copy appended to it). */
  const destination = new Map<string, bigint>();
  let copied = 0;
  let skipped = 0;
  let after = 0n;
  for (;;) {
    const page = await from.readAll({ after, maxCount: pageSize });
    if (page.length === 0) break;
    for (const run of runs(page)) {
      const result = await copyRun(to, run, destination);
      copied += result.copied;
      skipped += result.skipped;
    }
    after = page[page.length - 1]!.position;
    opts.onProgress?.(copied + skipped, after);
    if (page.length < pageSize) break;
  }
  return { copied, skipped };
}

/** Splits a page into runs of consecutive events of one stream. */
function runs(page: readonly RecordedEvent[]): RecordedEvent[][] {
  const out: RecordedEvent[][] = [];
  for (const e of page) {
    const current = out[out.length - 1];
    if (current && current[0]!.streamId === e.streamId) current.push(e);
    else out.push([e]);
  }
  return out;
}

async function copyRun(
  to: EventStore,
  run: readonly RecordedEvent[],
  destination: Map<string, bigint>,
): Promise<{ copied: number; skipped: number }> {
  const first = run[0]!;
  const streamId = first.streamId;
  for (let i = 1; i < run.length; i++) {
    if (run[i]!.revision !== first.revision + BigInt(i)) {
      throw new CopyMismatchError(streamId, run[i]!.revision, `source has a revision gap (expected ${first.revision + BigInt(i)})`);
    }
  }
  let present = 0;
  if (destination.get(streamId) !== first.revision - 1n) {
    // Unknown (first time this run sees the stream, e.g. after an interruption): look at what is there.
    const existing = await to.readStream(streamId, { fromRevision: first.revision, maxCount: run.length });
    for (const got of existing) {
      const want = run[present]!;
      if (got.revision !== want.revision || got.eventId !== want.eventId || got.hash !== want.hash) {
        throw new CopyMismatchError(
          streamId,
          want.revision,
          `destination holds event ${got.eventId} (hash ${got.hash}) where the source has ${want.eventId} (hash ${want.hash})`,
        );
      }
      present++;
    }
  }
  const rest = run.slice(present);
  const lastPresent = first.revision + BigInt(present) - 1n;
  if (rest.length > 0) {
    // Check the source's hashes before writing anything: a tampered source must not reach the destination.
    const recomputed = chain(streamId, lastPresent, rest[0]!.prevHash, rest);
    recomputed.forEach((c, i) => {
      if (c.hash !== rest[i]!.hash) {
        throw new CopyMismatchError(streamId, c.revision, `source event ${c.eventId} does not match its own hash (source chain broken)`);
      }
    });
    const expected: ExpectedRevision = lastPresent < 0n ? 'no_stream' : lastPresent;
    const result = await to.append(
      streamId,
      rest.map((e) => ({ eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, data: e.data, metadata: e.metadata })),
      expected,
    ).catch((error: unknown) => {
      if (!(error instanceof RevisionConflictError)) throw error;
      throw new CopyMismatchError(
        streamId,
        rest[0]!.revision,
        `destination stream is at ${String(error.actual)}, the copy needs ${String(expected)} (written by someone else?)`,
      );
    });
    const last = run[run.length - 1]!;
    if (result.nextExpectedRevision !== last.revision || result.hash !== last.hash) {
      throw new CopyMismatchError(
        streamId,
        last.revision,
        `destination computed hash ${result.hash} at revision ${result.nextExpectedRevision}, source has ${last.hash} at ${last.revision} (source chain broken or encoding differs)`,
      );
    }
  }
  // Known only when we wrote the end ourselves: if everything was already there, the destination may hold more.
  if (rest.length > 0) destination.set(streamId, run[run.length - 1]!.revision);
  else destination.delete(streamId);
  return { copied: rest.length, skipped: present };
}
