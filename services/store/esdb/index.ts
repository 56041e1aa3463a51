/**
 * The EventStoreDB adapter of the store port (`@eventstore/db-client` 6.2.1, servers 23.10+, tested design
 * target 24.10). Semantics are the port's, as in the memory adapter; how they map onto EventStoreDB is told
 * in append.ts (expected revisions, hash chain), positions.ts (global positions), codec.ts (storage shape)
 * and subscribe.ts (catch-up subscription).
 *
 * `openEsdbStore` proves the server answers before it returns (bounded by `connectTimeoutMs`), so a wrong
 * or dead connection string fails at start with `StoreUnavailableError`, never with a hang. Afterwards every
 * call retries transient failures with backoff, bounded, and then fails with `StoreUnavailableError`.
 */
import { StoreUnavailableError, type EventStore, type Subscription } from '../port.js';
import { append } from './append.js';
import {
  createClient,
  defaultRetryPolicy,
  message,
  ping,
  redact,
  waitUntilReachable,
  withTimeout,
  type RetryPolicy,
} from './connection.js';
import { headPositionReader, readAll, readStream, type Ctx } from './read.js';
import { subscribe } from './subscribe.js';

export interface EsdbStoreOptions {
  /** How long `openEsdbStore` waits for a first answer. Default 10 000 ms. */
  readonly connectTimeoutMs?: number;
  /** Retries and per-attempt timeout of every call. Default `defaultRetryPolicy`. */
  readonly retry?: Partial<RetryPolicy>;
  /** How long `health()` waits for the server. Default 3 000 ms. */
  readonly healthTimeoutMs?: number;
  /** Told about each transient failure that is retried (for logs and tests). */
  readonly onRetry?: (operation: string, error: unknown, attempt: number) => void;
}

export { redact, StoreUnavailableError };

export async function openEsdbStore(connectionString: string, options: EsdbStoreOptions = {}): Promise<EventStore> {
  const store = createEsdbStore(connectionString, options);
  try {
    await waitUntilReachable(store.client, connectionString, options.connectTimeoutMs ?? 10_000);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}

/** The adapter without the start-up check (health() and the retries then tell what the server is doing). */
export function createEsdbStore(
  connectionString: string,
  options: EsdbStoreOptions = {},
): EventStore & { readonly client: Ctx['client'] } {
  const client = createClient(connectionString);
  const ctx: Ctx = {
    client,
    target: redact(connectionString),
    policy: { ...defaultRetryPolicy, ...options.retry },
    ...(options.onRetry ? { onRetry: options.onRetry } : {}),
  };
  const headPosition = headPositionReader(ctx);
  const subscriptions = new Set<Subscription>();
  let closed = false;
  const guard = () => {
    if (closed) throw new StoreUnavailableError('store is closed');
  };

  return {
    name: 'esdb',
    client,
    async append(streamId, events, expected) {
      guard();
      return append(ctx, streamId, events, expected);
    },
    async readStream(streamId, readOptions) {
      guard();
      return readStream(ctx, streamId, readOptions);
    },
    async readAll(readOptions) {
      guard();
      return readAll(ctx, readOptions);
    },
    subscribe(subscribeOptions) {
      guard();
      const sub = subscribe(ctx, subscribeOptions);
      const tracked: Subscription = {
        async close() {
          subscriptions.delete(tracked);
          await sub.close();
        },
      };
      subscriptions.add(tracked);
      return tracked;
    },
    async headPosition() {
      guard();
      return headPosition();
    },
    async health() {
      if (closed) return { ok: false, adapter: 'esdb', detail: 'store is closed' };
      try {
        await withTimeout('health', options.healthTimeoutMs ?? 3_000, (signal) => ping(client, signal));
        return { ok: true, adapter: 'esdb' };
      } catch (error) {
        return { ok: false, adapter: 'esdb', detail: `EventStoreDB at ${ctx.target}: ${message(error)}` };
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await Promise.allSettled([...subscriptions].map((s) => s.close()));
      await client.dispose();
    },
  };
}
