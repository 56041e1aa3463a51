/**
 * The deadline scheduler. Two parts:
 * - a reactor (`deadlines`) that feeds every source's declarations and meetings into the platform database,
 *   run by the reactor runner like any other (own checkpoint, backoff, `/health`);
 * - a loop that acts on what has become due: for each unmet obligation with an action whose `dueAt` has
 *   passed, it issues the source's commands once each (ids `deadline/<deadlineId>/<index>`, issueOnce.ts).
 *   It wakes at the next `dueAt` on the system clock (re-checking at least every minute), at once when the
 *   manual clock is moved, and after the tracker took in new obligations. A refused action is recorded on
 *   the obligation (`blocked`) and tried again at the next wake; the obligation shows `overdue` meanwhile.
 *
 * An obligation is due once `dueAt` has passed (strictly): at the instant itself a convenor may still take
 * the step by hand, and the scheduler does not race them for it.
 */
import { isDomainError } from '../../domain/shared/errors.js';
import { onClockChange, type Clock } from '../clock.js';
import type { EventStore } from '../store/port.js';
import type { DeadlineSource, Deadline } from './deadlines.js';
import { issueOnce } from './issueOnce.js';
import type { DeadlineStore } from './platformDb.js';
import { systemEnvelope, type Reactor } from './reactor.js';
import { publicReason } from './reactorRunner.js';

/** The reactor that keeps the obligations. */
export const DEADLINE_TRACKER = 'deadlines';

/** The longest the scheduler sleeps between checks (also how often a blocked action is retried). */
export const MAX_SLEEP_MS = 60_000;

export const deadlineCommandId = (deadlineId: string, index: number): string => `deadline/${deadlineId}/${index}`;

export interface DeadlineScheduler {
  /** The reactor to hand to the reactor runner. */
  readonly tracker: Reactor;
  deadlines(compoundId: string): Deadline[];
  /** ops (metrics): unmet obligations past due (and grace) now, in every compound. */
  overdue(): number;
  /** Acts on everything due now; resolves when done (tests and the clock route may await it). */
  wake(): Promise<void>;
  close(): void;
}

export interface SchedulerOptions {
  readonly store: Pick<EventStore, 'readStream'>;
  readonly db: DeadlineStore;
  readonly clock: Clock;
  readonly log?: { info(obj: unknown, msg: string): void; error(obj: unknown, msg: string): void };
}

export function deadlineScheduler(sources: readonly DeadlineSource[], options: SchedulerOptions): DeadlineScheduler {
  const { db, clock } = options;
  const byName = new Map<string, DeadlineSource>();
  for (const s of sources) {
    if (byName.has(s.name)) throw new Error(`two deadline sources named ${s.name}`);
    byName.set(s.name, s);
  }
  const handles = [...new Set(sources.flatMap((s) => s.handles))];
  let closed = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  /** Wall-clock ms of the last attempt per obligation: a blocked action is retried at most once a minute… */
  const attempted = new Map<string, number>();

  async function act(deadline: Deadline): Promise<void> {
    const source = byName.get(deadline.sourceName);
    if (!source?.onDue) return;
    const last = attempted.get(deadline.deadlineId);
    if (last !== undefined && Date.now() - last < MAX_SLEEP_MS) return;
    attempted.set(deadline.deadlineId, Date.now());
    const now = clock.now();
    const block = (code: string, message: string) => db.setBlocked(deadline.deadlineId, { code, message, at: now.toISOString() });
    try {
      const commands = await source.onDue(deadline, now);
      if (isDomainError(commands)) return block(commands.code, commands.message);
      for (let i = 0; i < commands.length; i++) {
        const result = await issueOnce(options.store, commands[i]!, systemEnvelope(deadlineCommandId(deadline.deadlineId, i), now));
        if (result.kind === 'refused') return block(result.error.code, result.error.message);
        if (result.kind === 'appended') options.log?.info({ deadlineId: deadline.deadlineId, kind: deadline.kind }, 'deadline action taken');
      }
      if (deadline.blocked) db.setBlocked(deadline.deadlineId, null);
    } catch (error) {
      options.log?.error({ deadlineId: deadline.deadlineId, err: error }, 'deadline action failed');
      block('action_failed', publicReason(error));
    }
  }

  async function check(): Promise<void> {
    for (const deadline of db.due(clock.now())) {
      if (closed) return;
      await act(deadline);
    }
  }

  function arm() {
    if (timer) clearTimeout(timer);
    timer = null;
    if (closed) return;
    const now = clock.now();
    const next = clock.kind === 'system' ? db.nextDue(now) : null;
    // Due once dueAt has passed: wake a millisecond after it.
    const delay = next === null ? MAX_SLEEP_MS : Math.min(MAX_SLEEP_MS, Math.max(0, next.getTime() - now.getTime() + 1));
    timer = setTimeout(() => void wake(), delay);
    timer.unref();
  }

  function wake(): Promise<void> {
    if (closed) return Promise.resolve();
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await check();
        } while (again && !closed);
      } catch (error) {
        options.log?.error({ err: error }, 'deadline scheduler check failed');
      } finally {
        running = null;
        arm();
      }
    })();
    return running;
  }

  const unlisten = onClockChange(clock, () => {
    // Time moved by hand: whatever became due is tried now, blocked ones included.
    attempted.clear();
    void wake();
  });

  const tracker: Reactor = {
    name: DEADLINE_TRACKER,
    handles,
    react(event) {
      let changed = false;
      for (const source of sources) {
        if (!source.handles.includes(event.type)) continue;
        const changes = source.changes(event, (key) => db.recall(source.name, key));
        db.applyDeadlineChanges(source.name, changes);
        changed ||= changes.some((c) => c.op === 'declare');
      }
      if (changed) setImmediate(() => void wake());
      return [];
    },
  };

  arm();
  return {
    tracker,
    deadlines: (compoundId) => db.deadlines(compoundId),
    overdue: () => db.overdue(clock.now()),
    wake,
    close() {
      closed = true;
      unlisten();
      if (timer) clearTimeout(timer);
    },
  };
}
