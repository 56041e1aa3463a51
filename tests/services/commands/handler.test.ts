/**
 * Commands on one stream from many concurrent requests (a compound's fund: one stream, many deposits).
 * The store's group commit puts appends that arrive together into one batch; several of them on one stream
 * with the same expected revision let only one through per batch, so retrying alone turned most of them into
 * `409 concurrent_update` (bench:soak: 974 of 1,505 deposits at 64 clients). Commands on the same stream now
 * wait their turn in this process; conflicts remain only between processes (EventStoreDB with several
 * instances), retried as before.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { Decider } from '../../../domain/shared/decider.js';
import { handleCommand, type CommandEnvelope } from '../../../services/commands/handler.js';
import { memoryStore } from '../../../services/store/memory.js';
import { openSqliteStore } from '../../../services/store/sqlite/index.js';
import type { EventStore } from '../../../services/store/port.js';

type Counted = { type: 'Counted'; data: { n: number; by: string } };
/** Each command records the count it saw plus one: a lost or reordered decision shows as a wrong n. */
const counter: Decider<number, { by: string }, Counted> = {
  initialState: () => 0,
  evolve: (n) => n + 1,
  decide: (cmd, n) => [{ type: 'Counted', data: { n: n + 1, by: cmd.by } }],
};
const envelope = (i: number): CommandEnvelope => ({
  commandId: `cmd-${i}`,
  correlationId: `cmd-${i}`,
  causationId: `cmd-${i}`,
  actor: { personId: 'p', role: 'admin' },
  now: new Date('2026-03-02T02:00:00Z'),
});

const stores: [string, () => { store: EventStore; cleanup(): Promise<void> }][] = [
  ['sqlite', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-handler-'));
    const store = openSqliteStore(join(dir, 'events.db'));
    return { store, cleanup: async () => { await store.close(); rmSync(dir, { recursive: true, force: true }); } };
  }],
  ['memory', () => {
    const store = memoryStore();
    return { store, cleanup: async () => void (await store.close()) };
  }],
];

for (const [name, open] of stores) {
  t.test(`${name}: 80 concurrent commands on one stream all succeed, each deciding on the one before`, async (t) => {
    const { store, cleanup } = open();
    t.teardown(cleanup);
    const N = 80;
    const results = await Promise.allSettled(Array.from({ length: N }, (_, i) => handleCommand(store, counter, 'fund-1', { by: `c${i}` }, envelope(i), {})));
    const rejected = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    t.same(rejected.map((r) => String(r.reason)), [], 'no command failed with a revision conflict');
    const events = await store.readStream('fund-1');
    t.equal(events.length, N);
    t.same(events.map((e) => (e.data as { n: number }).n), Array.from({ length: N }, (_, i) => i + 1), 'each decision saw every earlier one');
    t.equal(new Set(events.map((e) => (e.data as { by: string }).by)).size, N, 'each command once');
  });
}

t.test('a command that fails does not hold up the next one on its stream', async (t) => {
  const store = memoryStore();
  t.teardown(() => store.close());
  const failing: Decider<number, { by: string }, Counted> = { ...counter, decide: () => { throw new Error('boom'); } };
  const first = handleCommand(store, failing, 's', { by: 'a' }, envelope(1), {});
  const second = handleCommand(store, counter, 's', { by: 'b' }, envelope(2), {});
  await t.rejects(first, /boom/);
  t.match(await second, { position: 1n });
});
