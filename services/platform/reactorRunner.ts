/**
 * Runs reactors: each on a catch-up subscription of its own from its own checkpoint, so a failing reactor
 * stops only itself, never another reactor or the projections. For each event a reactor handles, its
 * commands run once each (issueOnce.ts), then the checkpoint moves past the event. A failure (a thrown
 * error: the store is unreachable, a bug) stops that reactor at the event; it is shown by `status()` (in
 * `/health`) with the position it stopped at and is retried from its checkpoint with exponential backoff.
 * A command refused by its decider is a decision, not a failure: counted, logged, and the reactor goes on.
 *
 * Only the store port is used, so it runs the same on every adapter.
 */
import type { Clock } from '../clock.js';
import { positionWaiters, type PositionWaiters } from '../projections/positionWaiters.js';
import type { EventStore, RecordedEvent, Subscription } from '../store/port.js';
import { issueOnce } from './issueOnce.js';
import type { CheckpointStore } from './platformDb.js';
import { reactorCommandId, systemEnvelope, type Reactor } from './reactor.js';

export interface ReactorFailure {
  /** Global position of the event the reactor stopped at. */
  readonly at: string;
  readonly reason: string;
  readonly attempts: number;
  /** ISO-8601 (wall clock) of the next attempt. */
  readonly retryAt: string;
}

export interface ReactorStatus {
  readonly name: string;
  readonly state: 'running' | 'failing' | 'stopped';
  /** The checkpoint: every event up to here is done. */
  readonly position: string;
  readonly failure: ReactorFailure | null;
  /** Commands this process ran, found already run (replays), and that their deciders refused. */
  readonly issued: number;
  readonly replayed: number;
  readonly refused: number;
}

export interface ReactorRunner {
  status(): ReactorStatus[];
  /** Resolves true once the reactor has dealt with every event up to `position`; false on timeout. */
  waitFor(name: string, position: bigint, timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface ReactorRunnerOptions {
  readonly store: Pick<EventStore, 'subscribe' | 'readStream'>;
  readonly checkpoints: CheckpointStore;
  readonly clock: Clock;
  readonly log?: { info(obj: unknown, msg: string): void; error(obj: unknown, msg: string): void };
  /** First retry delay and its cap (defaults 500 ms and 60 s); doubled after every failed attempt. */
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  /** A checkpoint over events no reactor handles is written at most this often (default 1000 ms). */
  readonly idleCheckpointMs?: number;
  /** Test seam: called after a command is appended, before the checkpoint moves past its event. */
  readonly afterCommand?: (reactor: string, commandId: string) => Promise<void> | void;
}

/**
 * An error's message for `/health`: no file system paths (they say where the data lives), one line,
 * bounded; the error's `code` first when it has one.
 */
export function publicReason(error: unknown): string {
  const code = typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : null;
  const message = error instanceof Error ? error.message : String(error);
  const clean = message
    .replace(/(^|[\s'"(=:])(?:[A-Za-z]:)?[\\/][^\s'")]*/g, '$1<path>')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
  return code && !clean.startsWith(code) ? `${code}: ${clean}` : clean;
}

export function startReactors(reactors: readonly Reactor[], options: ReactorRunnerOptions): ReactorRunner {
  const names = new Set<string>();
  for (const r of reactors) {
    if (names.has(r.name)) throw new Error(`two reactors named ${r.name}`);
    names.add(r.name);
  }
  const initialMs = options.backoff?.initialMs ?? 500;
  const maxMs = options.backoff?.maxMs ?? 60_000;
  const idleMs = options.idleCheckpointMs ?? 1000;
  let closed = false;

  const loops = reactors.map((reactor) => {
    const handles = new Set(reactor.handles);
    let checkpoint = options.checkpoints.checkpoint(reactor.name);
    let saved = checkpoint;
    let savedAtMs = Date.now();
    const seen: PositionWaiters = positionWaiters(checkpoint);
    let subscription: Subscription | null = null;
    let retry: NodeJS.Timeout | null = null;
    let failure: ReactorFailure | null = null;
    let attempts = 0;
    let failingAt = 0n;
    const counts = { issued: 0, replayed: 0, refused: 0 };

    const save = (force: boolean) => {
      if (checkpoint === saved) return;
      if (!force && Date.now() - savedAtMs < idleMs) return;
      options.checkpoints.saveCheckpoint(reactor.name, checkpoint);
      saved = checkpoint;
      savedAtMs = Date.now();
    };

    async function react(event: RecordedEvent): Promise<void> {
      const commands = await reactor.react(event);
      for (let i = 0; i < commands.length; i++) {
        const commandId = reactorCommandId(reactor.name, event.eventId, i);
        const result = await issueOnce(options.store, commands[i]!, systemEnvelope(commandId, options.clock.now(), event));
        switch (result.kind) {
          case 'appended':
          case 'unchanged':
            counts.issued += 1;
            if (result.kind === 'appended') await options.afterCommand?.(reactor.name, commandId);
            break;
          case 'replayed':
            counts.replayed += 1;
            break;
          case 'refused':
            counts.refused += 1;
            options.log?.info({ reactor: reactor.name, commandId, code: result.error.code }, 'reactor command refused');
            break;
        }
      }
    }

    function subscribe() {
      if (closed) return;
      subscription = options.store.subscribe({
        after: checkpoint,
        // The store reads (and decodes) only the types this reactor handles; the rest only moves `through` (#18).
        types: reactor.handles,
        async onEvents(events, through) {
          for (const event of events) {
            if (handles.has(event.type)) {
              failingAt = event.position;
              await react(event);
              checkpoint = event.position;
              save(true);
            } else {
              checkpoint = event.position;
            }
            seen.advance(event.position);
          }
          if (through > checkpoint) {
            checkpoint = through;
            seen.advance(through);
          }
          save(false);
          if (failure) {
            options.log?.info({ reactor: reactor.name, position: checkpoint.toString() }, 'reactor recovered');
            failure = null;
            attempts = 0;
          }
        },
        onCaughtUp(position) {
          seen.advance(position);
        },
        onError(error) {
          subscription = null;
          if (closed) return;
          attempts += 1;
          const delay = Math.min(maxMs, initialMs * 2 ** Math.min(attempts - 1, 30));
          failure = {
            at: (failingAt > checkpoint ? failingAt : checkpoint).toString(),
            reason: publicReason(error),
            attempts,
            retryAt: new Date(Date.now() + delay).toISOString(),
          };
          options.log?.error({ reactor: reactor.name, at: failure.at, attempts, err: error }, 'reactor failed; retrying');
          try {
            save(true);
          } catch {
            // The checkpoint stays in memory; the next success writes it.
          }
          retry = setTimeout(() => {
            retry = null;
            subscribe();
          }, delay);
        },
      });
    }

    subscribe();

    return {
      name: reactor.name,
      status: (): ReactorStatus => ({
        name: reactor.name,
        state: closed ? 'stopped' : failure ? 'failing' : 'running',
        position: checkpoint.toString(),
        failure,
        ...counts,
      }),
      waitFor: (position: bigint, timeoutMs?: number) => seen.waitFor(position, timeoutMs),
      async close() {
        if (retry) clearTimeout(retry);
        await subscription?.close();
        seen.releaseAll();
        save(true);
      },
    };
  });

  const byName = new Map(loops.map((l) => [l.name, l]));
  return {
    status: () => loops.map((l) => l.status()),
    waitFor(name, position, timeoutMs) {
      const loop = byName.get(name);
      if (!loop) return Promise.reject(new Error(`no reactor ${name}`));
      return loop.waitFor(position, timeoutMs);
    },
    async close() {
      closed = true;
      await Promise.all(loops.map((l) => l.close()));
    },
  };
}
