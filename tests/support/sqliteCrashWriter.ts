/**
 * Child process of tests/store/sqliteCrash.test.ts, killed with SIGKILL mid-burst.
 *
 *   node --import tsx tests/support/sqliteCrashWriter.ts <file> [producers] [streamsPerProducer]
 *
 * Many producers append 3-event batches to their own streams in a tight loop. A line is printed for an
 * append only after its promise resolved, i.e. after COMMIT returned: each line is a durability claim the
 * parent checks after the kill. stdout is a pipe, and Node writes to pipes synchronously on Linux, so a
 * printed line has left this process before the producer issues its next append.
 *
 * Streams are named by producer, not by run, so a second run continues the chains the first run's crash
 * left behind (heads are read from the recovered file).
 */
import { randomUUID } from 'node:crypto';
import type { NewEvent } from '../../services/store/port.js';
import { openSqliteStore } from '../../services/store/sqlite/index.js';

const [file, producersArg = '48', streamsArg = '3'] = process.argv.slice(2);
if (!file) {
  console.error('usage: sqliteCrashWriter.ts <file> [producers] [streamsPerProducer]');
  process.exit(2);
}
const producers = Number(producersArg);
const streamsPerProducer = Number(streamsArg);
const store = openSqliteStore(file);

function batch(commandId: string): NewEvent[] {
  return [0, 1, 2].map((i) => ({
    eventId: randomUUID(),
    type: `Step${i}`,
    schemaVersion: 1,
    data: { i, pad: 'x'.repeat(64 * i) },
    metadata: {
      commandId,
      correlationId: commandId,
      causationId: commandId,
      actor: { personId: 'crash-writer', role: 'system' },
      recordedAt: new Date().toISOString(),
    },
  }));
}

async function produce(p: number): Promise<void> {
  const streams = Array.from({ length: streamsPerProducer }, (_, k) => `crash-${p}-${k}`);
  const heads = new Map<string, bigint>();
  for (const s of streams) {
    const events = await store.readStream(s);
    heads.set(s, events.length === 0 ? -1n : events[events.length - 1]!.revision);
  }
  for (let n = 0; ; n += 1) {
    const s = streams[n % streams.length]!;
    const head = heads.get(s)!;
    const events = batch(randomUUID());
    const r = await store.append(s, events, head < 0n ? 'no_stream' : head);
    heads.set(s, r.nextExpectedRevision);
    const line = { s, from: String(head + 1n), to: String(r.nextExpectedRevision), pos: String(r.position), ids: events.map((e) => e.eventId) };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  }
}

process.stdout.write('ready\n');
await Promise.all(Array.from({ length: producers }, (_, p) => produce(p))).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
