/**
 * The platform's moving parts besides the projections: the reactors the contexts declare and the deadline
 * scheduler over their deadline sources, with their state in `platform.db` (platformDb.ts). The runtime
 * hands it the lists; it knows no context.
 */
import type { Clock } from '../clock.js';
import type { EventStore } from '../store/port.js';
import type { DeadlineSource } from './deadlines.js';
import { openPlatformDb, type PlatformDb } from './platformDb.js';
import type { Reactor } from './reactor.js';
import { startReactors, type ReactorRunner, type ReactorRunnerOptions } from './reactorRunner.js';
import { DEADLINE_TRACKER, deadlineScheduler, type DeadlineScheduler } from './scheduler.js';

export type { DeadlineSource } from './deadlines.js';
export type { Reactor, ReactorCommand } from './reactor.js';
export type { ReactorStatus } from './reactorRunner.js';

export interface Platform {
  readonly reactors: ReactorRunner;
  /** The contexts' deadline sources, for views folded from the log (deadlineFold.ts). */
  readonly deadlineSources: readonly DeadlineSource[];
  readonly deadlines: DeadlineScheduler;
  /** Resolves once the deadline list reflects every event up to `position`; false on timeout. */
  deadlinesAt(position: bigint, timeoutMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

export interface PlatformOptions {
  readonly store: EventStore;
  readonly clock: Clock;
  /** `DATA_DIR/platform.db`, or `:memory:`. */
  readonly dbFile: string;
  readonly reactors: readonly Reactor[];
  readonly deadlineSources: readonly DeadlineSource[];
  readonly log?: ReactorRunnerOptions['log'];
  readonly backoff?: ReactorRunnerOptions['backoff'];
}

export function startPlatform(options: PlatformOptions): Platform {
  const db: PlatformDb = openPlatformDb(options.dbFile);
  const log = options.log ? { log: options.log } : {};
  const deadlines = deadlineScheduler(options.deadlineSources, { store: options.store, db, clock: options.clock, ...log });
  const reactors = startReactors([deadlines.tracker, ...options.reactors], {
    store: options.store,
    checkpoints: db,
    clock: options.clock,
    ...log,
    ...(options.backoff ? { backoff: options.backoff } : {}),
  });
  return {
    reactors,
    deadlineSources: options.deadlineSources,
    deadlines,
    deadlinesAt: (position, timeoutMs) => reactors.waitFor(DEADLINE_TRACKER, position, timeoutMs),
    async close() {
      deadlines.close();
      await reactors.close();
      db.close();
    },
  };
}
