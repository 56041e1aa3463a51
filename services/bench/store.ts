/**
 * `npm run bench:store`: durable appends per second of the SQLite adapter, next to a raw better-sqlite3
 * baseline measured in the same run, on the same disk, with the same pragmas and schema.
 *
 *   adapter, 1 producer      one event per append, awaiting each          vs raw: one transaction per append
 *   adapter, 64 producers    each on its own stream, awaiting each call   vs raw: 64 appends per transaction
 *
 * A raw "append" is what SQLite must do for one event: insert the event row (its index holds the stream head).
 * It skips everything the adapter adds (promises, queueing, expectation checks, JSON, hashing), so the
 * ratio is the price of the adapter. Measurements are interleaved over several rounds and the medians
 * are printed, because the machine is shared and noisy.
 *
 * Files go under `$DATA_DIR` (default ./data), not /tmp: on tmpfs an fsync costs nothing and the
 * numbers would mean nothing. They are removed afterwards.
 */
import { loadToolConfig } from '../config.js';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, statfsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type Database from 'better-sqlite3';
import type { NewEvent } from '../store/port.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { openDatabase } from '../store/sqlite/schema.js';

const tool = loadToolConfig(process.env, { benchRounds: 5 });
const ROUNDS = tool.benchRounds;
const ROUND_MS = tool.benchRoundMs;
const PRODUCERS = 64;
const RAW_BATCH = 64;
const TMPFS_MAGIC = 0x01021994;

const dir = resolve(tool.dataDir, `bench-${process.pid}`);
let files = 0;
const freshFile = () => join(dir, `bench-${++files}.db`);
const removeFile = (file: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
};

// A typical small event: a registry fact with its envelope.
const metadata = {
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: randomUUID(),
  actor: { personId: randomUUID(), role: 'oc_member' },
  recordedAt: '2026-11-21T08:00:00.000Z',
};
const data = { unitId: 'B3-2-1402', areaTenThousandths: 13507400, owners: ['p-1', 'p-2'] };
const event = (): NewEvent => ({ eventId: randomUUID(), type: 'UnitRegistered', schemaVersion: 1, data, metadata });

interface Measured {
  readonly perSecond: number;
  readonly note?: string;
}

async function adapter(producers: number): Promise<Measured> {
  const file = freshFile();
  const store = openSqliteStore(file);
  let appended = 0;
  const started = performance.now();
  const deadline = started + ROUND_MS;
  await Promise.all(
    Array.from({ length: producers }, async (_, p) => {
      const stream = `bench-${p}`;
      let expected: bigint | 'no_stream' = 'no_stream';
      while (performance.now() < deadline) {
        expected = (await store.append(stream, [event()], expected)).nextExpectedRevision;
        appended += 1;
      }
    }),
  );
  const elapsed = performance.now() - started;
  const { commits, appends } = store.stats();
  await store.close();
  removeFile(file);
  return { perSecond: (appended * 1000) / elapsed, note: `${(appends / commits).toFixed(1)} appends/commit` };
}

/** `streams` as in the adapter case it is compared with: one stream per producer. */
function raw(perTransaction: number, streams: number): Measured {
  const file = freshFile();
  const db: Database.Database = openDatabase(file);
  const dataJson = JSON.stringify(data);
  const metadataJson = JSON.stringify(metadata);
  const hash = 'f'.repeat(64);
  const insert = db.prepare(
    `INSERT INTO events(stream_id, revision, event_id, type, schema_version, data, metadata, prev_hash, hash)
     VALUES (?, ?, ?, 'UnitRegistered', 1, ?, ?, ?, ?)`,
  );
  const revisions = new Array<number>(streams).fill(-1);
  const appendOne = (n: number) => {
    const p = n % streams;
    const revision = ++revisions[p]!;
    insert.run(`bench-${p}`, revision, randomUUID(), dataJson, metadataJson, hash, hash);
  };
  const transaction = db.transaction((from: number) => {
    for (let i = 0; i < perTransaction; i += 1) appendOne(from + i);
  });
  let appended = 0;
  const started = performance.now();
  const deadline = started + ROUND_MS;
  while (performance.now() < deadline) {
    transaction.immediate(appended);
    appended += perTransaction;
  }
  const elapsed = performance.now() - started;
  db.close();
  removeFile(file);
  return { perSecond: (appended * 1000) / elapsed };
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

const cases = {
  adapter1: () => adapter(1),
  rawEach: async () => raw(1, 1),
  adapter64: () => adapter(PRODUCERS),
  rawBatched: async () => raw(RAW_BATCH, PRODUCERS),
} as const;
type Case = keyof typeof cases;
/** Each adapter case next to its baseline; the order flips every round so drift hits both alike. */
const pairs: ReadonlyArray<readonly [Case, Case]> = [
  ['adapter1', 'rawEach'],
  ['adapter64', 'rawBatched'],
];

async function main() {
  mkdirSync(dir, { recursive: true });
  const fsType = statfsSync(dir).type;
  console.log(`store bench: ${ROUNDS} rounds × ${ROUND_MS} ms per case, files in ${dir}`);
  console.log(`node ${process.version}, WAL + synchronous=FULL, one event per append`);
  if (fsType === TMPFS_MAGIC) console.log('WARNING: tmpfs — fsync is free here, numbers are meaningless; set DATA_DIR');

  const results: Record<Case, number[]> = { adapter1: [], rawEach: [], adapter64: [], rawBatched: [] };
  const notes: Record<Case, string[]> = { adapter1: [], rawEach: [], adapter64: [], rawBatched: [] };
  const roundRatios: number[][] = pairs.map(() => []);
  for (let round = 1; round <= ROUNDS; round += 1) {
    const line: string[] = [];
    for (const [i, pair] of pairs.entries()) {
      const order = round % 2 === 1 ? pair : ([pair[1], pair[0]] as const);
      const got = new Map<Case, number>();
      for (const name of order) {
        const m = await cases[name]();
        got.set(name, m.perSecond);
        results[name].push(m.perSecond);
        if (m.note) notes[name].push(m.note);
        line.push(`${name} ${Math.round(m.perSecond)}`);
      }
      roundRatios[i]!.push(got.get(pair[0])! / got.get(pair[1])!);
    }
    console.log(`round ${round}: ${line.join(', ')}`);
  }

  const med = (name: Case) => median(results[name]);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(9);
  console.log('\nmedians (durable appends/s):');
  console.log(`  adapter, 1 producer            ${fmt(med('adapter1'))}   (${notes.adapter1.at(-1) ?? ''})`);
  console.log(`  raw, 1 append/transaction      ${fmt(med('rawEach'))}`);
  console.log(`  adapter, ${PRODUCERS} producers          ${fmt(med('adapter64'))}   (${notes.adapter64.at(-1) ?? ''})`);
  console.log(`  raw, ${RAW_BATCH} appends/transaction    ${fmt(med('rawBatched'))}`);
  console.log('ratios adapter/raw:              of medians   median of per-round');
  pairs.forEach(([a, r], i) => {
    const label = a === 'adapter1' ? '1 producer / 1 per transaction' : `${PRODUCERS} producers / ${RAW_BATCH} per transaction`;
    console.log(`  ${label.padEnd(32)}${(med(a) / med(r)).toFixed(2).padStart(9)}${median(roundRatios[i]!).toFixed(2).padStart(15)}`);
  });
}

try {
  await main();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
