/**
 * A checkpoint per projection (#10 item 4): changing one projection's version replays that projection alone;
 * the others, and the idempotency index, stay where they were.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import type { Projection } from '../../projections/projection.js';
import { openReadStore } from '../../services/projections/readStore.js';
import { startProjectionRunner } from '../../services/projections/runner.js';
import { memoryStore } from '../../services/store/memory.js';

function counting(name: string, version: number) {
  const applied = { n: 0 };
  const projection: Projection = {
    name,
    version,
    handles: ['Counted'],
    apply(event, docs) {
      applied.n += 1;
      const current = docs.get<{ n: number }>(`${name}-counts`, event.streamId)?.n ?? 0;
      return [{ op: 'put', collection: `${name}-counts`, id: event.streamId, doc: { n: current + 1 } }];
    },
  };
  return { projection, applied };
}

t.test('bumping one projection\u2019s version replays it alone; the command index is not rebuilt', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-checkpoints-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const store = memoryStore();
  const metadata = (i: number) => ({ commandId: `c${i}`, correlationId: 'x', causationId: 'x', actor: { personId: 'p', role: 'owner' }, recordedAt: '2026-01-01T00:00:00.000Z', requestHash: `h${i}` });
  for (let i = 0; i < 20; i++) await store.append(`s-${i % 4}`, [{ eventId: `e${i}`, type: 'Counted', schemaVersion: 1, data: {}, metadata: metadata(i) }], 'any');
  const head = await store.headPosition();

  const run = async (projections: Projection[]) => {
    const read = openReadStore(join(dir, 'read.db'));
    const runner = startProjectionRunner(store, read, projections);
    t.ok(await runner.waitFor(head, 5000), 'caught up');
    const result = { counts: projections.map((p) => read.get<{ n: number }>(`${p.name}-counts`, 's-0')?.n), projections: read.projections(), command: read.command('c3') };
    await runner.close();
    await read.close();
    return result;
  };

  const a1 = counting('a', 1);
  const b1 = counting('b', 1);
  const first = await run([a1.projection, b1.projection]);
  t.same([a1.applied.n, b1.applied.n], [20, 20]);
  t.same(first.counts, [5, 5]);
  t.equal(first.command?.count, 1);

  const a2 = counting('a', 1);
  const b2 = counting('b', 2);
  const second = await run([a2.projection, b2.projection]);
  t.same([a2.applied.n, b2.applied.n], [0, 20], 'a applies nothing again; b (version 2) replays all 20 events');
  t.same(second.counts, [5, 5], 'b rebuilt from scratch: not 10');
  t.same(second.projections.map((p) => [p.name, p.version, p.position]), [['a', 1, head], ['b', 2, head]]);
  t.equal(second.command?.count, 1, 'the idempotency index stays as it was (not counted twice)');

  const a3 = counting('a', 1);
  const third = await run([a3.projection]);
  t.equal(a3.applied.n, 0);
  t.same(third.projections.map((p) => p.name), ['a'], 'a projection no longer listed is removed with its documents');
});
