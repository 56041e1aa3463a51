/**
 * The EventStoreDB client and everything about reaching it: creating the client from a connection string,
 * hiding credentials in messages, telling transient failures from real ones, bounded retries with backoff,
 * and a per-operation timeout so that no call can hang (the client gives reads and batch appends an
 * infinite gRPC deadline of its own).
 *
 * All `@eventstore/db-client` imports of the project live in this folder: moving to
 * `@kurrent/kurrentdb-client` is a change here only (there `expectedRevision` is called `streamState`).
 */
import {
  BACKWARDS,
  CancelledError,
  convertToCommandError,
  DeadlineExceededError,
  END,
  EventStoreDBClient,
  NotLeaderError,
  UnavailableError,
} from '@eventstore/db-client';
import { StoreUnavailableError } from '../port.js';

export type EsdbClient = EventStoreDBClient;

export interface RetryPolicy {
  /** Retries after the first attempt. */
  readonly retries: number;
  /** First backoff; doubled each retry, with ±50 % jitter. */
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  /** Upper bound for one attempt; the client itself gives reads no deadline at all. */
  readonly attemptTimeoutMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { retries: 5, baseDelayMs: 100, maxDelayMs: 2_000, attemptTimeoutMs: 15_000 };

/** The connection string with any `user:password@` removed, for messages and logs. */
export function redact(connectionString: string): string {
  return connectionString.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#]*@/i, '$1');
}

export function createClient(connectionString: string): EsdbClient {
  try {
    return EventStoreDBClient.connectionString(connectionString);
  } catch (error) {
    throw new StoreUnavailableError(`invalid EventStoreDB connection string ${redact(connectionString)}: ${message(error)}`, {
      cause: error,
    });
  }
}

/** One attempt ran past `attemptTimeoutMs`. Transient: the server may be slow or a node may be failing over. */
export class OperationTimeoutError extends Error {
  constructor(readonly operation: string, readonly ms: number) {
    super(`${operation}: no answer from EventStoreDB within ${ms} ms`);
    this.name = 'OperationTimeoutError';
  }
}

/**
 * Failures worth another attempt: the server is unreachable or restarting (UNAVAILABLE, also what grpc-js
 * throws raw before the client converts it), an attempt ran out of time (DEADLINE_EXCEEDED, our own timeout),
 * the node is not the leader (the client has already switched its channel to the leader it was told of),
 * the server cancelled the call (shutdown), or cluster discovery found no node yet.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof OperationTimeoutError) return true;
  const converted = convertToCommandError(error);
  return (
    converted instanceof UnavailableError ||
    converted instanceof DeadlineExceededError ||
    converted instanceof NotLeaderError ||
    converted instanceof CancelledError ||
    /^Failed to discover after \d+ attempts/.test(error.message)
  );
}

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function backoff(policy: RetryPolicy, attempt: number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(exp * (0.5 + Math.random()));
}

/**
 * Runs `attempt` up to 1 + `policy.retries` times while it fails transiently, each attempt bounded by
 * `policy.attemptTimeoutMs` (`onTimeout` lets a streaming read cancel its gRPC call). Gives up with
 * `StoreUnavailableError` naming the operation and the server; other errors pass through unchanged.
 */
export async function withRetry<T>(
  operation: string,
  target: string,
  policy: RetryPolicy,
  attempt: (signal: AttemptSignal) => Promise<T>,
  onRetry?: (error: unknown, attempt: number) => void,
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await withTimeout(operation, policy.attemptTimeoutMs, attempt);
    } catch (error) {
      if (!isTransient(error)) throw error;
      if (n >= policy.retries) {
        throw new StoreUnavailableError(
          `EventStoreDB at ${target}: ${operation} failed after ${n + 1} attempts: ${message(error)}`,
          { cause: error },
        );
      }
      onRetry?.(error, n + 1);
      await sleep(backoff(policy, n));
    }
  }
}

/** Lets an attempt register what to do when it times out (cancel a read, close a subscription). */
export interface AttemptSignal {
  onTimeout(cancel: () => void): void;
}

export async function withTimeout<T>(operation: string, ms: number, attempt: (signal: AttemptSignal) => Promise<T>): Promise<T> {
  const cancels: Array<() => void> = [];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      for (const cancel of cancels) cancel();
      reject(new OperationTimeoutError(operation, ms));
    }, ms);
  });
  try {
    return await Promise.race([attempt({ onTimeout: (cancel) => cancels.push(cancel) }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Asks the server for the newest record of `$all`: proves the node answers and that we may read `$all`
 * (which readAll and subscribe need), and costs one tiny read.
 */
export async function ping(client: EsdbClient, signal: AttemptSignal): Promise<void> {
  const read = client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
  signal.onTimeout(() => void read.cancel().catch(() => undefined));
  for await (const _ of read) {
    // draining is enough
  }
}

/**
 * Pings until it answers or `timeoutMs` has passed, then throws `StoreUnavailableError` with the
 * connection string minus credentials. Transient failures (refused, no leader yet) are retried within the
 * window; anything else (access denied, bad TLS) fails at once.
 */
export async function waitUntilReachable(client: EsdbClient, connectionString: string, timeoutMs: number): Promise<void> {
  const target = redact(connectionString);
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (let n = 0; ; n++) {
    const left = deadline - Date.now();
    if (left <= 0) break;
    try {
      await withTimeout('connect', left, (signal) => ping(client, signal));
      return;
    } catch (error) {
      last = error;
      if (!isTransient(error)) {
        throw new StoreUnavailableError(`cannot use EventStoreDB at ${target}: ${message(error)}`, { cause: error });
      }
    }
    await sleep(Math.min(backoff(defaultRetryPolicy, n), Math.max(0, deadline - Date.now())));
  }
  throw new StoreUnavailableError(
    `EventStoreDB at ${target} is not reachable (gave up after ${timeoutMs} ms): ${last === undefined ? 'no answer' : message(last)}`,
    { cause: last },
  );
}
