/**
 * kill -9 durability: a child appends 3-event batches from many producers and prints each append once it
 * is acknowledged; we SIGKILL it mid-burst, reopen the file and check that every acknowledged event is
 * there, that no append is half-written and that every chain verifies. A second child then continues the
 * same streams on the recovered file and is killed too.
 *
 * (kill -9 proves atomicity and that an acknowledged commit is in the WAL; surviving power loss also
 * needs the fsync that synchronous=FULL adds, which a process kill cannot tell apart from NORMAL.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import t, { type Test } from 'tap';
import { verifyStream } from '../../services/store/hashChain.js';
import type { RecordedEvent } from '../../services/store/port.js';
import { openSqliteStore } from '../../services/store/sqlite/index.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const writer = join(repo, 'tests/support/sqliteCrashWriter.ts');
const ROUND_MS = 20_000;

interface Ack {
  readonly s: string;
  readonly from: string;
  readonly to: string;
  readonly pos: string;
  readonly ids: string[];
}

/** Runs the writer until it has acknowledged `acks` appends, then SIGKILLs it; returns every ack it printed. */
function crashRun(file: string, acks: number): Promise<{ acks: Ack[]; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((done, fail) => {
    // Not tap's NODE_OPTIONS: the child is a plain Node process with tsx, as in production scripts.
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, ['--import', 'tsx', writer, file], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const got: Ack[] = [];
    let buffered = '';
    let stderr = '';
    let killing = false;
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`writer did not reach ${acks} acks in ${ROUND_MS} ms (got ${got.length}); stderr: ${stderr}`));
    }, ROUND_MS);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!; // an unterminated tail is not a claim (yet)
      for (const line of lines) {
        if (line !== 'ready') got.push(JSON.parse(line) as Ack);
      }
      if (!killing && got.length >= acks) {
        killing = true;
        // A random few ms more, so the kill lands anywhere in the commit cycle, not just after a batch.
        setTimeout(() => child.kill('SIGKILL'), Math.floor(Math.random() * 4));
      }
    });
    child.on('error', fail);
    // 'close' fires after stdout is fully read, so every line the child wrote before dying is in `got`.
    child.on('close', (_code, signal) => {
      clearTimeout(guard);
      done({ acks: got, signal, stderr });
    });
  });
}

async function checkLog(t: Test, file: string, acks: readonly Ack[]): Promise<number> {
  const store = openSqliteStore(file);
  try {
    const all = await store.readAll();
    const streams = new Map<string, RecordedEvent[]>();
    for (const e of all) {
      const list = streams.get(e.streamId) ?? [];
      list.push(e);
      streams.set(e.streamId, list);
    }
    let missing = 0;
    for (const ack of acks) {
      const events = streams.get(ack.s) ?? [];
      const from = Number(ack.from);
      const slice = events.slice(from, Number(ack.to) + 1);
      const ok =
        slice.length === 3 &&
        slice.every((e, i) => e.eventId === ack.ids[i] && e.revision === BigInt(from + i)) &&
        slice[2]!.position === BigInt(ack.pos);
      if (!ok) missing += 1;
    }
    t.equal(missing, 0, `all ${acks.length} acknowledged appends are present with their revisions and ids`);

    let torn = 0;
    let broken = 0;
    for (const [, events] of streams) {
      if (events.length % 3 !== 0) torn += 1;
      for (let r = 0; r + 2 < events.length; r += 3) {
        const group = events.slice(r, r + 3);
        const commandId = group[0]!.metadata.commandId;
        if (!group.every((e, i) => e.metadata.commandId === commandId && (e.data as { i: number }).i === i)) torn += 1;
      }
      if (verifyStream(events) !== null) broken += 1;
    }
    t.equal(torn, 0, `every one of ${streams.size} streams holds whole 3-event appends only`);
    t.equal(broken, 0, 'every stream chain verifies');
    const positions = all.map((e) => e.position);
    t.ok(positions.every((p, i) => i === 0 || p > positions[i - 1]!), 'global positions strictly increase');
    t.equal(await store.headPosition(), positions[positions.length - 1] ?? 0n, 'head position is the last event');
    return all.length;
  } finally {
    await store.close();
  }
}

t.test('acknowledged appends survive kill -9, nothing is half-written', { timeout: 60_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlite-crash-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'events.db');

  const first = await crashRun(file, 300);
  t.equal(first.signal, 'SIGKILL', 'first writer was killed, not exited', { stderr: first.stderr });
  t.ok(first.acks.length >= 300, `first writer acknowledged ${first.acks.length} appends`);
  const afterFirst = await checkLog(t, file, first.acks);
  t.ok(afterFirst >= first.acks.length * 3, `log holds ${afterFirst} events`);

  // A second writer recovers the file (WAL replay), continues the same streams and is killed as well.
  const second = await crashRun(file, 300);
  t.equal(second.signal, 'SIGKILL', 'second writer was killed, not exited', { stderr: second.stderr });
  const afterSecond = await checkLog(t, file, [...first.acks, ...second.acks]);
  t.ok(afterSecond > afterFirst, 'the second writer continued the log');
  t.ok(
    second.acks.some((a) => a.from !== '0'),
    'the second writer appended to streams the first crash left behind',
  );
});
