/**
 * The rebuild's fast path (#18): pages read ahead on a thread of their own, batches committed on the writer
 * thread while the next is projected, and from zero a bulk rebuild (no secondary indexes, no syncing, marked
 * until it reaches the log's head). Small pages here, so a short log goes through all of it.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import t from 'tap';
import { startThreadedProjectionRunner } from '../../services/projections/threadedRunner.js';
import { openSqliteEventReader } from '../../services/store/sqlite/eventReader.js';
import { openSqliteStore } from '../../services/store/sqlite/index.js';
import { seedFunds } from '../support/boardFundsSeed.js';

/** Every document (with its parent, sort key and owner), command record and checkpoint, in key order. */
export function dumpReadDb(file: string): { docs: string[]; commands: string[]; projections: string[]; meta: Record<string, string>; indexes: string[] } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return {
      docs: db.prepare<[], { r: string }>("SELECT json_array(collection, id, parent, sort_key, projection, doc) AS r FROM docs ORDER BY collection, id").all().map((r) => r.r),
      commands: db.prepare<[], { r: string }>('SELECT json_array(command_id, request_hash, stream_id, first_revision, count, position) AS r FROM commands ORDER BY command_id').all().map((r) => r.r),
      projections: db.prepare<[], { r: string }>('SELECT json_array(name, version, position) AS r FROM projections ORDER BY name').all().map((r) => r.r),
      meta: Object.fromEntries(db.prepare<[], { key: string; value: string }>('SELECT key, value FROM meta').all().map((r) => [r.key, r.value])),
      indexes: db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'docs' AND name NOT LIKE 'sqlite_%' ORDER BY name").all().map((r) => r.name),
    };
  } finally {
    db.close();
  }
}

t.test('a rebuild from zero on the fast path gives the same documents as the live projection did, document by document', async (t) => {
  const seed = await seedFunds(t);
  const dataDir = seed.api.dataDir;
  const eventsFile = join(dataDir, 'events.db');
  const liveFile = join(dataDir, 'read.db');
  await seed.api.close(true);
  t.teardown(() => rmSync(dataDir, { recursive: true, force: true }));
  const reader = openSqliteEventReader(eventsFile);
  const head = await reader.headPosition();
  reader.close();
  t.ok(head > 50n, `a log of ${head} events across the contexts`);

  const rebuiltFile = join(dataDir, 'rebuilt.db');
  // Pages of 7 events, every one through the writer thread, and a bulk rebuild from 20 events behind.
  const runner = await startThreadedProjectionRunner({ eventsFile, readFile: rebuiltFile, commits: () => () => {}, tuning: { pageEvents: 7, pipelineEvents: 2, backlogEvents: 20 } });
  t.ok(await runner.waitFor(head, 60_000), 'the rebuild reaches the head');
  t.equal(runner.progress?.()?.from, '0', 'it ran as a catch-up from zero, far behind the log (the bulk rebuild)');
  await runner.close();

  const live = dumpReadDb(liveFile);
  const rebuilt = dumpReadDb(rebuiltFile);
  t.ok(live.docs.length > 50, `${live.docs.length} documents`);
  t.equal(rebuilt.docs.length, live.docs.length, 'as many documents');
  for (let i = 0; i < live.docs.length; i++) {
    if (rebuilt.docs[i] !== live.docs[i]) t.fail(`document ${i} differs`, { live: live.docs[i], rebuilt: rebuilt.docs[i] });
  }
  t.same(rebuilt.docs, live.docs, 'the same documents, parents, sort keys and owners');
  t.same(rebuilt.commands, live.commands, 'the same command index');
  t.same(rebuilt.projections, live.projections, 'the same checkpoints');
  t.equal(rebuilt.meta.checkpoint, live.meta.checkpoint);
  t.equal(rebuilt.meta.rebuilding, undefined, 'the bulk rebuild is no longer marked');
  t.same(rebuilt.indexes, live.indexes, 'its secondary indexes there');
  t.same(rebuilt.indexes, ['docs_parent_order', 'docs_projection']);
});

const repo = new URL('../..', import.meta.url).pathname;
const killWorker = new URL('../support/rebuildKillWorker.ts', import.meta.url).pathname;
const countingProjections = { module: new URL('../support/countingProjections.ts', import.meta.url).href, exportName: 'countingProjections' };

/** Runs the child's rebuild until it has applied at least `atLeast` (short of `head`), then SIGKILLs it. */
function killMidRebuild(eventsFile: string, readFile: string, atLeast: bigint, head: bigint): Promise<bigint> {
  return new Promise((done, fail) => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, ['--import', 'tsx', killWorker, eventsFile, readFile], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let killedAt: bigint | undefined;
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`the rebuild did not reach ${atLeast} in time; stderr: ${stderr}`));
    }, 60_000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) {
        const p = BigInt(line);
        if (killedAt === undefined && p >= atLeast) {
          killedAt = p;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      if (killedAt === undefined || signal !== 'SIGKILL') fail(new Error(`the child ended on its own (${signal}); stderr: ${stderr}`));
      else if (killedAt >= head) fail(new Error(`the child finished the rebuild (${killedAt}) before the kill`));
      else done(killedAt);
    });
  });
}

t.test('a bulk rebuild killed between batches is thrown away at the restart and rebuilt: the views equal a clean rebuild', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bulk-kill-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));
  const eventsFile = join(dir, 'events.db');
  const store = openSqliteStore(eventsFile);
  const STREAMS = 20;
  const PER_STREAM = 600;
  for (let s = 0; s < STREAMS; s++) {
    for (let k = 0; k < PER_STREAM; k += 100) {
      const commandId = `cmd-${s}-${k}`;
      const metadata = { commandId, correlationId: commandId, causationId: commandId, actor: { personId: 'p', role: 'admin' }, recordedAt: '2026-03-02T00:00:00.000Z', requestHash: `h-${s}-${k}` };
      const events = Array.from({ length: 100 }, () => ({ eventId: randomUUID(), type: 'Counted', schemaVersion: 1, data: { pad: 'x'.repeat(200) }, metadata }));
      await store.append(`s-${s}`, events, k === 0 ? 'no_stream' : BigInt(k - 1));
    }
  }
  await store.close();
  const head = BigInt(STREAMS * PER_STREAM);

  const readFile = join(dir, 'read.db');
  const killedAt = await killMidRebuild(eventsFile, readFile, 1_000n, head);
  const half = dumpReadDb(readFile);
  t.equal(half.meta.rebuilding, '1', `killed during the bulk rebuild (at ${killedAt} of ${head}): the file is marked`);
  t.ok(BigInt(half.meta.checkpoint ?? '0') > 0n && BigInt(half.meta.checkpoint ?? '0') < head, `half applied (checkpoint ${half.meta.checkpoint})`);
  t.same(half.indexes, ['docs_parent_order', 'docs_projection'], 'its indexes kept while it writes');

  const restarted = await startThreadedProjectionRunner({ eventsFile, readFile, commits: () => () => {}, projections: countingProjections, tuning: { pageEvents: 50, pipelineEvents: 10, backlogEvents: 100 } });
  t.equal(restarted.progress?.()?.from, '0', 'the restart rebuilds from zero, not from the half-done checkpoint');
  t.ok(await restarted.waitFor(head, 60_000));
  await restarted.close();

  const cleanFile = join(dir, 'clean.db');
  const clean = await startThreadedProjectionRunner({ eventsFile, readFile: cleanFile, commits: () => () => {}, projections: countingProjections });
  t.ok(await clean.waitFor(head, 60_000));
  await clean.close();

  const rebuilt = dumpReadDb(readFile);
  const reference = dumpReadDb(cleanFile);
  t.equal(rebuilt.docs.length, STREAMS);
  t.same(rebuilt.docs, reference.docs, 'the same documents as a clean rebuild');
  t.same(rebuilt.commands, reference.commands, 'the same command index (no count applied twice)');
  t.same(rebuilt.projections, reference.projections);
  t.same(JSON.parse(rebuilt.docs[0]!)[5], JSON.stringify({ n: PER_STREAM, position: String(PER_STREAM) }), 'every event counted once');
  t.equal(rebuilt.meta.rebuilding, undefined);
  t.same(rebuilt.indexes, ['docs_parent_order', 'docs_projection']);
});
