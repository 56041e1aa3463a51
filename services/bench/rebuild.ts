/**
 * `npm run bench:rebuild` (issue #18): how fast the read database is rebuilt from a log of ballots, next to
 * the raw rate of reading and parsing the same file in the same run.
 *
 * 1. A real compound, BENCH_UNITS units and enough motions for BENCH_EVENTS ballots, opened through the API
 *    (in process), and one real ballot cast over it: the template.
 * 2. The remaining ballots written straight into the store file (one new stream each, chained and with their
 *    log-tree leaves, as the writer would: `cli verify` passes on the result), in large transactions.
 * 3. Each round, in alternating order: the raw baseline (one query over every event in global order, each
 *    row's data and metadata JSON.parse'd) and a rebuild (the projection thread on a fresh read database, from
 *    position 0 until it has applied the last event: with its log reader and writer threads, a bulk rebuild).
 *    Medians, the ratio of the medians and each round's own ratio, and the load average (a shared machine).
 *
 * Files go under `$DATA_DIR` (a real disk) and are removed afterwards. BENCH_EVENTS (1,000,000), BENCH_UNITS
 * (20,000), BENCH_ROUNDS (3).
 */
import { rmSync, statSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { ballotReceipt } from '../../domain/assembly/receipt.js';
import { ballotStreamId } from '../../domain/assembly/streams.js';
import { ownerSetVoterId } from '../../domain/registry/voterIdentities.js';
import { manualClock } from '../clock.js';
import { loadConfig, loadToolConfig } from '../config.js';
import type { CatchUpProgress } from '../projections/catchUpProgress.js';
import { startThreadedProjectionRunner } from '../projections/threadedRunner.js';
import { startRuntime } from '../runtime.js';
import { DAY, seedCompound } from './seed.js';
import { busiestThreads, threadCpuMicros } from './threadCpu.js';
import { canonicalJson, eventHashParts, GENESIS_HASH, hashAt } from '../store/hashChain.js';
import { leafHash, LogFrontier } from '../store/logTree.js';
import type { NewEvent } from '../store/port.js';
import { openDatabase } from '../store/sqlite/schema.js';
import { prepareStatements, type EventRow } from '../store/sqlite/statements.js';

const tool = loadToolConfig();
const EVENTS = tool.benchEvents;
const UNITS = Math.min(tool.benchUnits, EVENTS);
const MOTIONS = Math.ceil(EVENTS / UNITS);
const ROUNDS = tool.benchRounds;
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const removeDb = (file: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
};

interface Seeded {
  readonly eventsFile: string;
  readonly motionIds: readonly string[];
  /** unitId and voterId of each unit, in the order the ballots are generated. */
  readonly voters: ReadonlyArray<{ unitId: string; voterId: string; area: string }>;
  readonly template: { data: Record<string, unknown>; metadata: NewEvent['metadata'] };
}

/** The compound, its units and motions through the API; one real ballot as the template. */
async function seed(dir: string): Promise<Seeded> {
  const clock = manualClock(new Date('2026-03-02T01:00:00.000Z'));
  const runtime = await startRuntime(loadConfig({ DATA_DIR: dir, CLOCK: 'manual', LOG_LEVEL: 'warn' }), { clock });
  const seeded = await seedCompound(runtime, clock, { units: UNITS });
  const { compoundId, units, oc, call: inject, token } = seeded;
  const motionIds: string[] = [];
  for (let m = 0; m < MOTIONS; m++) motionIds.push(await seeded.openMotion(`bench ${m}`, { open: false }));
  clock.set(new Date(clock.now().getTime() + 20 * DAY));
  for (const motionId of motionIds) {
    const res = await runtime.app.inject({ method: 'POST', url: `/v1/motions/${motionId}/open`, headers: { authorization: `Bearer ${oc}` } });
    // The scheduler may have opened it first.
    if (res.statusCode >= 400 && (await inject('GET', `/v1/motions/${motionId}`, oc)).status !== 'open') throw new Error(`open ${motionId}: ${res.body}`);
  }
  await inject('POST', `/v1/motions/${motionIds[0]}/ballots`, await token('v0', `owner@${compoundId}`), { unitId: units[0]!.unitId, choice: 'for' });
  const [ballot] = (await runtime.deps.store.readAll({ after: 0n })).filter((e) => e.type === 'BallotCast');
  if (!ballot) throw new Error('no template ballot');
  const eventsFile = (runtime.deps.store as { file?: string }).file;
  if (!eventsFile) throw new Error('bench:rebuild needs the SQLite store');
  await runtime.close();
  const template = { data: ballot.data as Record<string, unknown>, metadata: ballot.metadata };
  const voterOf = (i: number) => ownerSetVoterId(compoundId, [`v${i}`]);
  if (voterOf(0) !== template.data.voterId) throw new Error('the template ballot is not unit 0 voting');
  return { eventsFile, motionIds, voters: units.map((u, i) => ({ unitId: u.unitId, voterId: voterOf(i), area: u.area })), template };
}

/** The other ballots, straight into the file: chained, with leaves, positions and the tree as the writer keeps them. */
function generate(s: Seeded): number {
  const db = openDatabase(s.eventsFile);
  const stmts = prepareStatements(db);
  const stored = stmts.logTree.get()!;
  const frontier = LogFrontier.fromBlob(Number(stored.tree_size), stored.frontier);
  let position = stmts.lastPosition.get() ?? 0n;
  const t = s.template;
  const recordedAt = Date.parse(t.metadata.recordedAt);
  let written = 0;
  const batch = db.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const motionId = s.motionIds[Math.floor(n / UNITS)]!;
      const voter = s.voters[n % UNITS]!;
      const ballotId = `${motionId.slice(0, 8)}-${String(n).padStart(12, '0')}`;
      const data = {
        ...t.data,
        motionId,
        voterId: voter.voterId,
        ballotId,
        receipt: ballotReceipt(motionId, voter.voterId, ballotId),
        unitId: voter.unitId,
        unitIds: [voter.unitId],
        area: voter.area,
        choice: ['for', 'against', 'abstain'][n % 3],
        byPersonId: `v${n % UNITS}`,
      };
      const commandId = `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
      const metadata = { ...t.metadata, commandId, correlationId: commandId, causationId: commandId, actor: { personId: `v${n % UNITS}`, role: 'owner' }, recordedAt: new Date(recordedAt + n).toISOString() };
      const streamId = ballotStreamId(motionId, voter.voterId);
      const event: NewEvent = { eventId: `${commandId.slice(0, 24)}${String(n).padStart(12, '0')}`, type: 'BallotCast', schemaVersion: 1, data, metadata };
      const hash = hashAt(eventHashParts(streamId, event), 0n, GENESIS_HASH);
      const leaf = leafHash(frontier.size, hash, undefined, canonicalJson(metadata));
      position += 1n;
      stmts.insertEvent.run(position, streamId, 0n, event.eventId, event.type, 1, JSON.stringify(data), JSON.stringify(metadata), GENESIS_HASH, hash, leaf);
      frontier.append(leaf);
      written++;
    }
    stmts.setLogTree.run(frontier.size, frontier.root(), frontier.toBlob());
  });
  // Ballot 0 of motion 0 is the real one already in the log.
  for (let from = 1; from < EVENTS; from += 20_000) batch.immediate(from, Math.min(EVENTS, from + 20_000));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return written;
}

/** The baseline: every event in global order, as the store reads them, data and metadata parsed. */
function rawReadAndParse(file: string): { events: number; ms: number } {
  const db = openDatabase(file);
  db.pragma('query_only = ON');
  const rows = db
    .prepare<[], EventRow>('SELECT global_position, stream_id, revision, event_id, type, schema_version, data, metadata, prev_hash, hash, leaf_hash FROM events ORDER BY global_position')
    .safeIntegers(true);
  const started = performance.now();
  let events = 0;
  let check = 0;
  for (const row of rows.iterate()) {
    const data = JSON.parse(row.data) as { area?: string };
    const metadata = JSON.parse(row.metadata) as { recordedAt: string };
    check += (data.area?.length ?? 0) + metadata.recordedAt.length;
    events++;
  }
  const ms = performance.now() - started;
  db.close();
  if (check === 0) throw new Error('nothing read');
  return { events, ms };
}

async function rebuild(eventsFile: string, readFile: string, head: bigint): Promise<{ ms: number; cpuMs: number; threads: string }> {
  removeDb(readFile);
  const cpu = process.cpuUsage();
  const before = threadCpuMicros();
  const started = performance.now();
  let reports = 0;
  const log = {
    error: (obj: unknown, msg: string) => console.error(msg, obj),
    // The thread's progress reports (once a second; printed every 5 s and at the end).
    info: (obj: unknown) => {
      const p = (obj as { catchUp?: CatchUpProgress }).catchUp;
      if (p && (p.done || ++reports % 5 === 0)) console.log(`    progress: ${p.position} of ${p.target}, ${fmt(p.eventsPerSecond)} events/s, ETA ${p.etaSeconds ?? '?'} s`);
    },
  };
  const runner = await startThreadedProjectionRunner({ eventsFile, readFile, commits: () => () => {}, log });
  if (!(await runner.waitFor(head, 30 * 60_000))) throw new Error(`the rebuild did not reach ${head}: ${String(runner.failure())}`);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const threads = busiestThreads(before, threadCpuMicros(), Number(head));
  await runner.close();
  removeDb(readFile);
  return { ms, cpuMs: (used.user + used.system) / 1000, threads };
}

async function main() {
  const dir = resolve(tool.dataDir, `bench-rebuild-${process.pid}`);
  try {
    console.log(`load average ${loadavg().map((l) => fmt(l, 1)).join(' ')}`);
    console.log(`bench:rebuild — ${fmt(EVENTS)} ballots (${fmt(MOTIONS)} motions × ${fmt(UNITS)} units), ${ROUNDS} rounds, data in ${dir}`);
    let t0 = performance.now();
    const seeded = await seed(dir);
    console.log(`  seeded through the API in ${fmt((performance.now() - t0) / 1000, 1)} s`);
    t0 = performance.now();
    const written = generate(seeded);
    const total = rawReadAndParse(seeded.eventsFile).events;
    const head = BigInt(total);
    const size = statSync(seeded.eventsFile).size;
    console.log(`  generated ${fmt(written)} ballots in ${fmt((performance.now() - t0) / 1000, 1)} s: ${fmt(total)} events, ${fmt(size / 2 ** 20)} MiB`);
    const readFile = join(dir, 'rebuild-read.db');
    const raws: number[] = [];
    const rebuilds: number[] = [];
    const cpus: number[] = [];
    const ratios: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const order = round % 2 === 1 ? (['raw', 'rebuild'] as const) : (['rebuild', 'raw'] as const);
      const line: string[] = [];
      for (const what of order) {
        if (what === 'raw') {
          const r = rawReadAndParse(seeded.eventsFile);
          raws.push((r.events * 1000) / r.ms);
          line.push(`raw read+parse ${fmt(raws.at(-1)!)}/s`);
        } else {
          const r = await rebuild(seeded.eventsFile, readFile, head);
          rebuilds.push((total * 1000) / r.ms);
          cpus.push((r.cpuMs * 1000) / total);
          line.push(`rebuild ${fmt(rebuilds.at(-1)!)}/s in ${fmt(r.ms / 1000, 1)} s (${fmt(cpus.at(-1)!, 1)} µs CPU per event: ${r.threads})`);
        }
      }
      ratios.push(rebuilds.at(-1)! / raws.at(-1)!);
      console.log(`round ${round}: ${line.join(' · ')} · ratio ${fmt(ratios.at(-1)!, 2)} · load ${fmt(loadavg()[0]!, 1)}`);
    }
    const rb = median(rebuilds);
    const raw = median(raws);
    console.log('\nmedians');
    console.log(`  rebuild of the read database   ${fmt(rb)} events/s   ${fmt(total / rb, 1)} s for ${fmt(total)} events   (target < 30 s; from the thread's start to the last event applied)`);
    console.log(`  raw read + parse, same file    ${fmt(raw)} events/s`);
    console.log(`  ratio rebuild / raw = ${fmt(rb / raw, 2)} (target ≥ 0.50); CPU per event (all threads) ${fmt(median(cpus), 1)} µs`);
    console.log(`  same-round ratios ${ratios.map((r) => fmt(r, 2)).join(', ')}; load average at the end ${loadavg().map((l) => fmt(l, 1)).join(' ')} (${fmt(availableParallelism())} cores)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
