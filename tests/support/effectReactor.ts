/**
 * A reactor for the platform tests: for every `Ping` it appends an `Effect` to `effect-<pingId>`. The
 * effect's decider appends whatever it is asked, every time (unlike most domain commands, it is not
 * idempotent by itself), so "exactly one Effect per Ping" holds only if the runner runs each command once.
 */
import { randomUUID } from 'node:crypto';
import type { Decider } from '../../domain/shared/decider.js';
import { handleCommand } from '../../services/commands/handler.js';
import type { Reactor } from '../../services/platform/reactor.js';
import type { EventStore, RecordedEvent } from '../../services/store/port.js';

type EffectEvent = { type: 'Effect'; data: { pingId: string } };
const effectDecider: Decider<number, { pingId: string }, EffectEvent> = {
  initialState: () => 0,
  evolve: (n) => n + 1,
  decide: (cmd) => [{ type: 'Effect', data: { pingId: cmd.pingId } }],
};

export const effectStream = (pingId: string) => `effect-${pingId}`;

export function effectReactor(store: EventStore, name = 'effects', options: { fail?: (event: RecordedEvent) => Error | null } = {}): Reactor {
  return {
    name,
    handles: ['Ping'],
    react(event) {
      const failure = options.fail?.(event);
      if (failure) throw failure;
      const { pingId } = event.data as { pingId: string };
      return [{ streamId: effectStream(pingId), execute: (cmd) => handleCommand(store, effectDecider, effectStream(pingId), { pingId }, cmd, {}) }];
    },
  };
}

/** Appends a `Ping` (and a few unrelated events around it); returns its position. */
export async function ping(store: EventStore, pingId: string): Promise<bigint> {
  const meta = (commandId: string) => ({ commandId, correlationId: commandId, causationId: commandId, actor: { personId: 'tester', role: 'admin' }, recordedAt: new Date().toISOString() });
  await store.append(`noise-${pingId}`, [{ eventId: randomUUID(), type: 'Noise', schemaVersion: 1, data: {}, metadata: meta(randomUUID()) }], 'any');
  const r = await store.append(`ping-${pingId}`, [{ eventId: randomUUID(), type: 'Ping', schemaVersion: 1, data: { pingId }, metadata: meta(randomUUID()) }], 'no_stream');
  return r.position;
}
