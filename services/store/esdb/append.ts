/**
 * Append with the port's semantics and an unbroken hash chain.
 *
 * 1. Read the stream's last event from the leader (backwards, maxCount 1): its revision and hash.
 * 2. Check the caller's expectation locally (`any | no_stream | stream_exists | n`, as the memory adapter);
 *    a miss is a `RevisionConflictError` with the actual revision, nothing sent.
 * 3. Chain the new events onto that hash (hashChain.ts `chain()`), append with the *exact* revision read
 *    (`no_stream` when there was none): a concurrent writer can then never slip in between and break the chain.
 * 4. WrongExpectedVersion = someone else appended since step 1. For an exact caller expectation
 *    (`n`, `no_stream`) that is the caller's conflict (actual revision from the server); for `any` and
 *    `stream_exists` the adapter re-reads and tries again (bounded).
 * 5. Read the last written event back for its global position (see positions.ts on why
 *    `AppendResult.position` is not used) and check it is ours.
 *
 * Transient failures (unavailable, deadline, not leader) retry step 3 unchanged: with an exact expected
 * revision EventStoreDB treats the same event ids as an idempotent repeat. If a repeat then meets
 * WrongExpectedVersion, the adapter looks whether the earlier attempt did land before calling it a conflict.
 */
import { NO_STREAM, WrongExpectedVersionError } from '@eventstore/db-client';
import { chain } from '../hashChain.js';
import { expectationHolds, RevisionConflictError, type AppendResult, type ExpectedRevision, type NewEvent } from '../port.js';
import { encode, validateNewEvent, type Chained } from './codec.js';
import { backoff, sleep, withRetry } from './connection.js';
import { readAt, readHead, readStream, type Ctx } from './read.js';

/** How often `any` / `stream_exists` appends re-read after losing a race before giving up. */
export const MAX_RACES = 10;

export async function append(
  ctx: Ctx,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  for (const event of events) validateNewEvent(streamId, event);
  for (let race = 0; ; race++) {
    const head = await readHead(ctx, streamId);
    if (!expectationHolds(expected, head.revision)) {
      throw new RevisionConflictError(streamId, expected, head.revision < 0n ? 'no_stream' : head.revision);
    }
    if (events.length === 0) return { nextExpectedRevision: head.revision, position: 0n, hash: '' };
    const chained = chain(streamId, head.revision, head.hash, events);
    const last = chained[chained.length - 1]!;
    const conflict = await send(ctx, streamId, chained, head.revision);
    if (conflict === null) {
      const written = await readAt(ctx, streamId, last.revision);
      if (!written || written.eventId !== last.eventId || written.hash !== last.hash) {
        throw new Error(`stream ${streamId}: append acknowledged, but revision ${last.revision} does not hold event ${last.eventId}`);
      }
      return { nextExpectedRevision: last.revision, position: written.position, hash: last.hash };
    }
    if ((expected === 'any' || expected === 'stream_exists') && race < MAX_RACES) {
      await sleep(backoff(ctx.policy, Math.min(race, 4)));
      continue;
    }
    throw new RevisionConflictError(streamId, expected, conflict.actualVersion);
  }
}

/** Appends at exactly `headRevision`; null when written, the WrongExpectedVersion error otherwise. */
async function send(
  ctx: Ctx,
  streamId: string,
  chained: readonly Chained[],
  headRevision: bigint,
): Promise<WrongExpectedVersionError | null> {
  const data = chained.map(encode);
  let repeated = false;
  try {
    await withRetry(
      'append',
      ctx.target,
      ctx.policy,
      () =>
        ctx.client.appendToStream(streamId, data, {
          expectedRevision: headRevision < 0n ? NO_STREAM : headRevision,
          deadline: ctx.policy.attemptTimeoutMs,
        }),
      (error, attempt) => {
        repeated = true;
        ctx.onRetry?.('append', error, attempt);
      },
    );
    return null;
  } catch (error) {
    if (!(error instanceof WrongExpectedVersionError)) throw error;
    if (repeated && (await landed(ctx, streamId, chained))) return null;
    return error;
  }
}

/** Did an earlier, seemingly failed attempt write exactly these events? */
async function landed(ctx: Ctx, streamId: string, chained: readonly Chained[]): Promise<boolean> {
  const stored = await readStream(ctx, streamId, { fromRevision: chained[0]!.revision, maxCount: chained.length });
  return stored.length === chained.length && stored.every((e, i) => e.eventId === chained[i]!.eventId && e.hash === chained[i]!.hash);
}

