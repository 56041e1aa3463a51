/**
 * `npm run cli -- copy --from <store> --to <store>`: copies the whole log between stores (services/store/copy.ts),
 * printing progress to stderr, then checks every destination stream's hash chain (hashChain.ts verifyStream).
 * Running it again after an interruption resumes: what the destination already has is skipped.
 *
 * Stores: `sqlite:<dir>` (the server's DATA_DIR, file `<dir>/events.db`), `sqlite:<file.db>`, `memory`
 * (empty, for trials), `esdb://...` / `esdb+discover://...` (an EventStoreDB connection string; it must
 * answer within ESDB_CONNECT_TIMEOUT_MS, default 10 000 ms).
 */
import { loadConfig } from '../config.js';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { copyLog } from '../store/copy.js';
import { verifyStream } from '../store/hashChain.js';
import { memoryStore } from '../store/memory.js';
import type { EventStore } from '../store/port.js';
import { option, parseArgs } from './args.js';

const usage = `usage: npm run cli -- copy --from <store> --to <store>
  <store>: sqlite:<dir> (uses <dir>/events.db) | sqlite:<file.db> | memory | esdb://host:2113?tls=false
  e.g.     copy --from sqlite:./data --to "esdb://localhost:2113?tls=false"`;

class UsageError extends Error {}

export async function copyCommand(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const fromSpec = option(args, 'from');
  const toSpec = option(args, 'to');
  if (!fromSpec || !toSpec || fromSpec === 'true' || toSpec === 'true') {
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  if (fromSpec === toSpec) {
    process.stderr.write(`copy: --from and --to name the same store\n`);
    return 2;
  }
  const opened: EventStore[] = [];
  try {
    const from = await openStore(fromSpec, 'source');
    opened.push(from);
    const to = await openStore(toSpec, 'destination');
    opened.push(to);
    process.stderr.write(`copying ${from.name} -> ${to.name}\n`);
    const result = await copyLog(from, to, {
      onProgress: (events, position) => process.stderr.write(`\r${events} events (source position ${position})`),
    });
    process.stderr.write(`\n${result.copied} copied, ${result.skipped} already there; verifying the destination\n`);
    const verified = await verifyAll(to, (streams) => process.stderr.write(`\r${streams} streams verified`));
    process.stderr.write('\n');
    if (verified.broken) {
      const b = verified.broken;
      console.log(`BROKEN: stream ${b.streamId} revision ${b.revision}: ${b.reason}`);
      return 1;
    }
    console.log(`ok: ${result.copied} events copied, ${result.skipped} already present, ${verified.streams} streams verified`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`copy: ${error.message}\n${usage}\n`);
      return 2;
    }
    process.stderr.write(`\ncopy failed: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await Promise.allSettled(opened.map((s) => s.close()));
  }
}

/** Opens a store named on the command line. */
export async function openStore(spec: string, role: 'source' | 'destination'): Promise<EventStore> {
  if (spec === 'memory') return memoryStore();
  if (spec.startsWith('sqlite:')) {
    const path = spec.slice('sqlite:'.length);
    if (path === '') throw new UsageError('sqlite: needs a directory or a file');
    const file = path.endsWith('.db') || (existsSync(path) && statSync(path).isFile()) ? path : join(path, 'events.db');
    if (role === 'source' && !existsSync(file)) throw new UsageError(`no event log at ${file}`);
    if (role === 'destination') mkdirSync(dirname(file), { recursive: true });
    // Loaded on demand: an EventStoreDB-only copy never needs the native SQLite module.
    const { openSqliteStore } = await import('../store/sqlite/index.js');
    return openSqliteStore(file);
  }
  if (/^esdb(\+discover)?:\/\//.test(spec)) {
    const { openEsdbStore } = await import('../store/esdb/index.js');
    return openEsdbStore(spec, { connectTimeoutMs: loadConfig().esdbConnectTimeoutMs });
  }
  throw new UsageError(`unknown store ${JSON.stringify(spec)}`);
}

/** Every stream of the store, each checked from revision 0 with verifyStream. */
export async function verifyAll(
  store: EventStore,
  onProgress?: (streams: number) => void,
): Promise<{ streams: number; broken: ReturnType<typeof verifyStream> }> {
  const streams = new Set<string>();
  let after = 0n;
  for (;;) {
    const page = await store.readAll({ after, maxCount: 2000 });
    for (const e of page) streams.add(e.streamId);
    if (page.length < 2000) break;
    after = page[page.length - 1]!.position;
  }
  let n = 0;
  for (const streamId of streams) {
    const broken = verifyStream(await store.readStream(streamId));
    if (broken) return { streams: n, broken };
    n++;
    if (n % 500 === 0) onProgress?.(n);
  }
  onProgress?.(n);
  return { streams: n, broken: null };
}
