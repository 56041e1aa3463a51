/**
 * `npm run bench:vote`: durable ballots per second through the HTTP API on the embedded store, with many
 * concurrent clients, p50 and p99 latency; in the same run, the baselines: a no-op Fastify route driven the
 * same way, and the store's own append rate with 64 producers. Then the time to read the tally of a
 * 20,000-unit motion (in-process and over HTTP). Each round also runs a choose_one motion with 5 options (a
 * choice among firms, say) through the same path, printed beside the yes_no rate with their ratio.
 *
 * The server runs in this process; the load generator (autocannon) in a child process, so the two do not
 * share an event loop. Each ballot is a different voter with their own token. Rounds are repeated and the
 * medians printed (the machine is shared and noisy), with the CPU time per ballot, which noise moves less.
 *
 * A warm-up round comes first: the same ballots on their own motion and the same no-op load, printed but not
 * in the medians. In it V8 compiles the hot paths (its compiler threads cost 30–40 µs a ballot then, against
 * under 15 after), which a server pays once after a start; the rounds measure the server as it runs after that.
 *
 * Environment: BENCH_UNITS (20000), BENCH_CONNECTIONS (64), BENCH_ROUNDS (3); BENCH_PROFILE=<prefix> writes a
 * CPU profile of the event loop while each round's ballots load (<prefix>-<round>.cpuprofile).
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import { seedCompound } from './seed.js';
import { busiestThreads, mainThreadCpuMicros, threadCpuMicros } from './threadCpu.js';
import { MOTION_TALLIES, renderTally, type TallyDoc } from '../../projections/assembly/index.js';
import { manualClock } from '../clock.js';
import { loadConfig, loadToolConfig } from '../config.js';
import { startRuntime } from '../runtime.js';
import { openSqliteStore, type SqliteStore } from '../store/sqlite/index.js';

const run = promisify(execFile);
const tool = loadToolConfig();
const UNITS = tool.benchUnits;
const ROUNDS = tool.benchRounds;
const CONNECTIONS = tool.benchConnections;

interface LoadResult {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  statuses: Record<string, number>;
  cpuMicros: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

async function load(dir: string, job: Record<string, unknown>): Promise<LoadResult> {
  const file = join(dir, `job-${randomUUID()}.json`);
  writeFileSync(file, JSON.stringify(job));
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'services/bench/loadClient.ts', file], { maxBuffer: 1 << 26 });
  rmSync(file);
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as LoadResult;
}

async function storeAppendRate(dir: string): Promise<number> {
  const file = join(dir, `raw-${randomUUID()}.db`);
  const store = openSqliteStore(file);
  const metadata = { commandId: 'c', correlationId: 'c', causationId: 'c', actor: { personId: 'p', role: 'owner' }, recordedAt: new Date().toISOString() };
  let appended = 0;
  const started = performance.now();
  const until = started + 2000;
  await Promise.all(
    Array.from({ length: 64 }, async (_, p) => {
      const stream = `ballot-bench-${p}-${randomUUID()}`;
      for (let r = 0n; performance.now() < until; r++) {
        await store.append(stream, [{ eventId: randomUUID(), type: 'BallotCast', schemaVersion: 1, data: { choice: 'for', area: '88.50' }, metadata }], r === 0n ? 'no_stream' : r - 1n);
        appended++;
      }
    }),
  );
  const rate = appended / ((performance.now() - started) / 1000);
  await store.close();
  for (const s of ['', '-wal', '-shm']) rmSync(`${file}${s}`, { force: true });
  return rate;
}

/**
 * Garbage collection on the event loop while `run` runs: its pauses summed (µs) and counted, scavenges apart
 * (node:perf_hooks `gc` entries; the concurrent marking and scavenging helpers' share is in "others").
 */
async function gcDuring<T>(run: () => Promise<T>): Promise<{ result: T; scavengeMicros: number; scavenges: number; otherMicros: number; others: number }> {
  const { PerformanceObserver, constants } = await import('node:perf_hooks');
  const totals = { scavengeMicros: 0, scavenges: 0, otherMicros: 0, others: 0 };
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      const kind = (entry as unknown as { detail?: { kind?: number } }).detail?.kind;
      if (kind === constants.NODE_PERFORMANCE_GC_MINOR) {
        totals.scavengeMicros += entry.duration * 1000;
        totals.scavenges++;
      } else {
        totals.otherMicros += entry.duration * 1000;
        totals.others++;
      }
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  try {
    const result = await run();
    await new Promise((r) => setImmediate(r)); // the last entries are delivered asynchronously
    return { result, ...totals };
  } finally {
    observer.disconnect();
  }
}

/** BENCH_PROFILE=<prefix>: a CPU profile of the server process while the ballots load, one file per round. */
async function startProfile(): Promise<(file: string) => Promise<void>> {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async (file) => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

async function main() {
  const dir = resolve(tool.dataDir, `bench-vote-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  console.log(`bench:vote — ${UNITS} units, ${CONNECTIONS} connections, ${ROUNDS} rounds, data in ${dir}`);
  const clock = manualClock(new Date('2026-03-02T01:00:00.000Z'));
  const runtime = await startRuntime(loadConfig({ DATA_DIR: dir, CLOCK: 'manual' }), { clock });
  const storeStats = () => ('stats' in runtime.deps.store ? (runtime.deps.store as SqliteStore).stats() : null);
  const base = await runtime.app.listen({ port: 0, host: '127.0.0.1' });
  const inject = async (method: 'GET' | 'POST', url: string, bearer: string, payload?: unknown) => {
    const res = await runtime.app.inject({ method, url, headers: { authorization: `Bearer ${bearer}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });
    if (res.statusCode >= 400) throw new Error(`${method} ${url}: ${res.body}`);
    return res.json() as Record<string, unknown>;
  };

  // The no-op baseline: the same HTTP stack without auth, store or projections.
  const noop = Fastify();
  noop.post('/noop', async (_request, reply) => reply.code(201).send({ ok: true }));
  const noopUrl = await noop.listen({ port: 0, host: '127.0.0.1' });

  const seed = await seedCompound(runtime, clock, { units: UNITS });
  const { units, oc } = seed;
  process.stdout.write('minting tokens…');
  const voterTokens = await seed.voterTokens();
  console.log(' done');

  const ballotRounds: LoadResult[] = [];
  const noopRounds: LoadResult[] = [];
  const storeRounds: number[] = [];
  const tallyInProcess: number[] = [];
  const tallyHttp: LoadResult[] = [];
  const cpuRounds: number[] = [];
  const noopCpuRounds: number[] = [];
  const chooseRounds: LoadResult[] = [];
  const chooseCpuRounds: number[] = [];
  const openMotion = (title: string, extra: Record<string, unknown> = {}) => seed.openMotion(title, { extra });
  const OPTIONS = ['a', 'b', 'c', 'd', 'e'];
  // Every round's yes_no ballots (each on a motion of its own), the warm-up's included.
  const bodies = units.map((u, i) => JSON.stringify({ unitId: u.unitId, choice: ['for', 'against', 'abstain'][i % 3] }));
  {
    // The warm-up round (see the header): printed, not counted.
    const motionId = await openMotion('bench warm-up');
    const cpuBefore = process.cpuUsage();
    const threadsBefore = threadCpuMicros();
    const warm = await load(dir, { url: base, connections: CONNECTIONS, amount: UNITS, method: 'POST', path: `/v1/motions/${motionId}/ballots`, bodies, tokens: voterTokens });
    if ((warm.statuses['201'] ?? 0) !== UNITS) throw new Error(`not every warm-up ballot was accepted: ${JSON.stringify(warm.statuses)}`);
    const cpu = process.cpuUsage(cpuBefore);
    const threads = threadsBefore.size > 0 ? `; by thread, µs per ballot: ${busiestThreads(threadsBefore, threadCpuMicros(), UNITS)}` : '';
    const noopBefore = process.cpuUsage();
    const noopWarm = await load(dir, { url: noopUrl, connections: CONNECTIONS, amount: UNITS, method: 'POST', path: '/noop', bodies, tokens: voterTokens });
    const noopCpu = process.cpuUsage(noopBefore);
    console.log(
      `warm-up (not in the medians): ballots ${fmt(warm.perSecond)}/s, server CPU ${fmt((cpu.user + cpu.system) / UNITS)} µs per ballot${threads} · no-op ${fmt(noopWarm.perSecond)}/s, ${fmt((noopCpu.user + noopCpu.system) / UNITS)} µs per request`,
    );
  }
  for (let round = 1; round <= ROUNDS; round++) {
    const motionId = await openMotion(`bench ${round}`);

    const profiler = tool.benchProfile ? await startProfile() : null;
    const statsBefore = storeStats();
    const cpuBefore = process.cpuUsage();
    const mainBefore = mainThreadCpuMicros();
    const threadsBefore = threadCpuMicros();
    const gc = await gcDuring(() => load(dir, { url: base, connections: CONNECTIONS, amount: UNITS, method: 'POST', path: `/v1/motions/${motionId}/ballots`, bodies, tokens: voterTokens }));
    const ballots = gc.result;
    if ((ballots.statuses['201'] ?? 0) !== UNITS) throw new Error(`not every ballot was accepted: ${JSON.stringify(ballots.statuses)}`);
    ballotRounds.push(ballots);
    const statsAfter = storeStats();
    const cpu = process.cpuUsage(cpuBefore);
    const mainAfter = mainThreadCpuMicros();
    const threadsAfter = threadCpuMicros();
    const mainShare = mainBefore !== null && mainAfter !== null ? `, of which the event loop ${fmt((mainAfter - mainBefore) / UNITS)} µs` : '';
    cpuRounds.push((cpu.user + cpu.system) / UNITS);
    console.log(`  CPU per ballot: server ${fmt((cpu.user + cpu.system) / UNITS)} µs in all its threads${mainShare}; load generator ${fmt(ballots.cpuMicros / UNITS)} µs`);
    console.log(`  RSS after the ballots ${fmt(process.memoryUsage().rss / 2 ** 20)} MB, the event loop's heap ${fmt(process.memoryUsage().heapUsed / 2 ** 20)} MB, new space now ${fmt((await import('node:v8')).getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')!.space_size / 2 ** 20)} MB`);
    console.log(`  GC pauses on the event loop: ${fmt(gc.scavengeMicros / UNITS, 1)} µs per ballot in ${fmt(gc.scavenges)} scavenges, ${fmt(gc.otherMicros / UNITS, 1)} µs in ${fmt(gc.others)} other collections`);
    if (threadsAfter.size > 0) console.log(`  by thread, µs per ballot (the writer and projection threads are the busiest after main): ${busiestThreads(threadsBefore, threadsAfter, UNITS)}`);
    if (statsBefore && statsAfter) {
      const commits = statsAfter.commits - statsBefore.commits;
      console.log(`  store: ${fmt(statsAfter.appends - statsBefore.appends)} appends in ${fmt(commits)} commits (${fmt((statsAfter.appends - statsBefore.appends) / commits, 1)} per fsync)`);
    }
    if (profiler) await profiler(`${tool.benchProfile}-${round}.cpuprofile`);
    const noopCpuBefore = process.cpuUsage();
    const noopRun = await load(dir, { url: noopUrl, connections: CONNECTIONS, amount: UNITS, method: 'POST', path: '/noop', bodies, tokens: voterTokens });
    const noopCpu = process.cpuUsage(noopCpuBefore);
    noopRounds.push(noopRun);
    // The same process serves the no-op route (the app idles meanwhile): its CPU per request is the HTTP floor.
    noopCpuRounds.push((noopCpu.user + noopCpu.system) / UNITS);
    storeRounds.push(await storeAppendRate(dir));

    // The tally of a motion with UNITS voters and UNITS ballots.
    const tally = (await inject('GET', `/v1/motions/${motionId}/tally`, oc)) as { ballots: { counted: number } };
    if (tally.ballots.counted !== UNITS) throw new Error(`tally counted ${tally.ballots.counted}`);
    const samples: number[] = [];
    for (let i = 0; i < 2000; i++) {
      const t0 = performance.now();
      renderTally(runtime.deps.read.get<TallyDoc>(MOTION_TALLIES, motionId)!);
      samples.push(performance.now() - t0);
    }
    tallyInProcess.push(median(samples));
    tallyHttp.push(await load(dir, { url: base, connections: 1, durationSeconds: 2, method: 'GET', path: `/v1/motions/${motionId}/tally`, token: oc }));
    // The same ballots on a choose_one motion with 5 options.
    const chooseId = await openMotion(`bench ${round} choose_one`, { form: 'choose_one', options: OPTIONS.map((o) => ({ optionId: o, label: `option ${o}` })) });
    const chooseBodies = units.map((u, i) => JSON.stringify({ unitId: u.unitId, option: [...OPTIONS, 'abstain'][i % 6] }));
    const chooseCpu = process.cpuUsage();
    const chosen = await load(dir, { url: base, connections: CONNECTIONS, amount: UNITS, method: 'POST', path: `/v1/motions/${chooseId}/ballots`, bodies: chooseBodies, tokens: voterTokens });
    if ((chosen.statuses['201'] ?? 0) !== UNITS) throw new Error(`not every choose_one ballot was accepted: ${JSON.stringify(chosen.statuses)}`);
    const cc = process.cpuUsage(chooseCpu);
    chooseRounds.push(chosen);
    chooseCpuRounds.push((cc.user + cc.system) / UNITS);
    console.log(
      `round ${round}: choose_one (5 options) ${fmt(chosen.perSecond)}/s (p50 ${chosen.p50} ms, p99 ${chosen.p99} ms), server CPU ${fmt((cc.user + cc.system) / UNITS)} µs per ballot`,
    );
    console.log(
      `round ${round}: ballots ${fmt(ballots.perSecond)}/s (p50 ${ballots.p50} ms, p99 ${ballots.p99} ms) · no-op ${fmt(noopRun.perSecond)}/s · store ${fmt(storeRounds.at(-1)!)} appends/s · tally GET p50 ${tallyHttp.at(-1)!.p50} ms`,
    );
  }

  const b = median(ballotRounds.map((r) => r.perSecond));
  const n = median(noopRounds.map((r) => r.perSecond));
  const s = median(storeRounds);
  console.log('\nmedians over rounds');
  console.log(`  durable ballots over HTTP     ${fmt(b)}/s   p50 ${median(ballotRounds.map((r) => r.p50))} ms   p99 ${median(ballotRounds.map((r) => r.p99))} ms   (target ≥ 5,000/s)`);
  console.log(`  baseline: no-op Fastify route ${fmt(n)}/s   p50 ${median(noopRounds.map((r) => r.p50))} ms   p99 ${median(noopRounds.map((r) => r.p99))} ms`);
  console.log(`  baseline: store append, 64 producers ${fmt(s)}/s`);
  console.log(`  server CPU per ballot ${fmt(median(cpuRounds))} µs in all threads (target ≤ 150 µs; 2 cores shared with the load generator)`);
  console.log(`  baseline: no-op route CPU per request ${fmt(median(noopCpuRounds))} µs; ratio ballot / no-op = ${fmt(median(cpuRounds) / median(noopCpuRounds), 1)}`);
  const c = median(chooseRounds.map((r) => r.perSecond));
  console.log(`  choose_one, 5 options          ${fmt(c)}/s   p50 ${median(chooseRounds.map((r) => r.p50))} ms   p99 ${median(chooseRounds.map((r) => r.p99))} ms   server CPU ${fmt(median(chooseCpuRounds))} µs per ballot`);
  console.log(`  ratio choose_one / yes_no = ${fmt(c / b, 2)} (target ≥ 0.85)`);
  console.log(`  ratios: ballots / no-op = ${fmt(b / n, 2)}   ballots / store appends = ${fmt(b / s, 2)}`);
  console.log(`  tally of a ${fmt(UNITS)}-unit motion: ${fmt(median(tallyInProcess) * 1000, 1)} µs in-process (read + render), HTTP GET p50 ${median(tallyHttp.map((r) => r.p50))} ms, p99 ${median(tallyHttp.map((r) => r.p99))} ms (target < 5 ms)`);

  await noop.close();
  await runtime.close();
  rmSync(dir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
