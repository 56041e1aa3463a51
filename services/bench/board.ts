/**
 * `npm run bench:board`: what the notice board costs at size, each figure beside a same-run baseline.
 *
 *   (a) the page of a motion with BENCH_UNITS (20,000) voters, every one voted, rendered on the server
 *       (GET /board/{compoundId}/motions/{motionId}), median, beside the JSON tally read of the same motion
 *       (GET /v1/motions/{motionId}/tally). Target < 100 ms.
 *   (b) a compound with 100,000 events (its units and motions of BENCH_UNITS ballots each) read `?asOf=` a
 *       past moment (the last motion's tally half-way through its voting), median, beside reading those events
 *       raw: the same streams read from the store without projecting them, and the whole log up to that point
 *       in global order. Target < 500 ms.
 *   (c) the compound-wide path: the board's home page `?asOf=` a different past point at every request (so no
 *       cached answer is reused), folded from the compound's nearest snapshot (services/api/asOf/snapshots.ts);
 *       the first request, which folds from the start and leaves the snapshots, is printed apart. Median and
 *       ratio to (b)'s raw read of the log to the moment.
 *   (d) snap16: the first compound-wide `?asOf=` after a real restart: the app closed and a new one started on
 *       the same data directory (memory empty; the snapshots the earlier folds left in the read database), a
 *       new point each restart, beside the same-run raw read of the log to the moment; median over
 *       max(3, BENCH_ROUNDS) restarts. Target < 500 ms. Also printed: the size of the largest snapshot on disk
 *       and how many the compound keeps. asof16: snapshots load in parts (services/api/asOf/snapshotCodec.ts).
 *   (e) asof16: a request while snapshots are written: the app restarted with the table emptied, a compound-wide
 *       `?asOf=` the head (folds from the start and leaves a snapshot per cell, written after the answer), then
 *       a cheap GET (/health) due every 5 ms until every snapshot is on disk, each timed from when it was due (a
 *       blocked event loop delays it); p50, p99 and max beside the same GETs on the idle app just before.
 *
 * Requests go through the whole HTTP stack in process (app.inject: routing, auth, schema, rendering), so the
 * times are the server's own. The machine is shared: every figure is a median of BENCH_ROUNDS × 7 samples.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ballotStreamId, motionStreamId, type MotionOpenedData } from '../../domain/assembly/index.js';
import { manualClock } from '../clock.js';
import { loadConfig, loadToolConfig } from '../config.js';
import { startRuntime } from '../runtime.js';
import { seedCompound } from './seed.js';

const tool = loadToolConfig();
const UNITS = tool.benchUnits;
const ROUNDS = tool.benchRounds;
const TARGET_EVENTS = 100_000;
const IN_FLIGHT = 64;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (x: number): string => `${x.toFixed(1)} ms`;

async function timed(samples: number, f: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
};

/** asof16: `get` due every 5 ms while `going()`, each latency from when it was due (never below 0). */
async function openLoop(get: () => Promise<void>, going: (elapsed: number) => Promise<boolean>): Promise<number[]> {
  const times: number[] = [];
  const start = performance.now();
  for (let i = 0; await going(performance.now() - start); i++) {
    const due = start + i * 5;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await get();
    times.push(Math.max(0, performance.now() - due));
  }
  return times;
}

async function main(): Promise<void> {
  const dir = resolve(tool.dataDir, `bench-board-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const motions = Math.max(1, Math.ceil((TARGET_EVENTS - 10) / UNITS));
  console.log(`bench:board — ${UNITS} units, ${motions} motions of ${UNITS} ballots (≥ ${TARGET_EVENTS} events), ${ROUNDS} rounds, data in ${dir}`);
  const clock = manualClock(new Date('2026-03-02T01:00:00.000Z'));
  const start = () => startRuntime(loadConfig({ DATA_DIR: dir, CLOCK: 'manual' }), { clock });
  let runtime = await start();
  let store = runtime.deps.store;
  try {
    const call = async (method: 'GET' | 'POST', url: string, bearer: string, payload?: unknown) => {
      const res = await runtime.app.inject({ method, url, headers: { authorization: `Bearer ${bearer}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });
      if (res.statusCode >= 400) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 300)}`);
      return res;
    };

    const seed = await seedCompound(runtime, clock, { units: UNITS, name: '基准小区' });
    const { compoundId, units, oc } = seed;
    process.stdout.write('minting tokens…');
    const voterTokens = await seed.voterTokens();
    console.log(' done');

    let halfway = 0n;
    let lastMotion = '';
    for (let m = 1; m <= motions; m++) {
      const motionId = await seed.openMotion(`基准议题 ${m}`, { opensInDays: 30, closesInDays: 40 });
      const t0 = performance.now();
      let next = 0;
      const worker = async () => {
        while (next < UNITS) {
          const i = next++;
          const res = await call('POST', `/v1/motions/${motionId}/ballots`, voterTokens[i]!, { unitId: units[i]!.unitId, choice: ['for', 'against', 'abstain'][i % 3] });
          if (m === motions && i === UNITS >> 1) halfway = BigInt((res.json() as { position: string }).position);
        }
      };
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
      lastMotion = motionId;
      console.log(`  motion ${m}/${motions}: ${UNITS} ballots in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
    const head = await store.headPosition();
    // asof16: only the count is kept (100,000 events held to the end made every later figure pay for their GC).
    const events = (await store.readAll({})).length;
    console.log(`log: ${events} events (head position ${head}); the past moment: position ${halfway}`);

    const pageUrl = `/board/${compoundId}/motions/${lastMotion}`;
    const tallyUrl = `/v1/motions/${lastMotion}/tally`;
    const asOfUrl = `${tallyUrl}?asOf=${halfway}`;
    const asOfPageUrl = `${pageUrl}?asOf=${halfway}`;
    const pageRes = await call('GET', pageUrl, oc);
    console.log(`page: ${(pageRes.body.length / 1024).toFixed(1)} KiB of HTML`);
    const past = (await call('GET', asOfUrl, oc)).json() as { ballots: { counted: number }; asOf: { position: string } };
    console.log(`as of position ${halfway}: ${past.ballots.counted} ballots counted (at the head: ${UNITS})`);

    // The raw baseline of (b): the events the asOf view is computed from, read without projecting them.
    const opened = (await store.readStream(motionStreamId(lastMotion))).find((e) => e.type === 'MotionOpened')!.data as MotionOpenedData;
    const voters = opened.roll.voters.map((v) => v.voterId);
    const rawStreams = async () => {
      await store.readStream(motionStreamId(lastMotion));
      for (let i = 0; i < voters.length; i += 256) await Promise.all(voters.slice(i, i + 256).map((v) => store.readStream(ballotStreamId(lastMotion, v))));
    };
    const rawLog = async () => {
      let after = 0n;
      for (;;) {
        const batch = await store.readAll({ after, maxCount: 10_000 });
        const last = batch.at(-1);
        if (!last || last.position >= halfway || batch.length < 10_000) break;
        after = last.position;
      }
    };

    // (c) asof16: the compound-wide path at a new point each time (between the first motion's ballots and the moment).
    const homeUrl = `/board/${compoundId}`;
    let nextPoint = halfway;
    const asOfHome = async () => void (await call('GET', `${homeUrl}?asOf=${(nextPoint -= 997n)}`, oc));
    // Its first request folds from the start: timed once the read model has caught up (the route waits for it).
    if (!(await runtime.deps.runner.waitFor(head, 600_000))) throw new Error('the read model did not catch up');
    const cold = performance.now();
    await call('GET', `${homeUrl}?asOf=${halfway}`, oc);
    const coldHome = performance.now() - cold;
    console.log(`compound-wide ?asOf=${halfway}, the first (from the start, leaving the snapshots): ${ms(coldHome)}`);

    const rows: Record<string, number[]> = { page: [], tally: [], asOfTally: [], asOfPage: [], rawStreams: [], rawLog: [], asOfHome: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      rows.page!.push(await timed(7, async () => void (await call('GET', pageUrl, oc))));
      rows.tally!.push(await timed(7, async () => void (await call('GET', tallyUrl, oc))));
      rows.asOfTally!.push(await timed(7, async () => void (await call('GET', asOfUrl, oc))));
      rows.asOfPage!.push(await timed(7, async () => void (await call('GET', asOfPageUrl, oc))));
      rows.rawStreams!.push(await timed(7, rawStreams));
      rows.rawLog!.push(await timed(7, rawLog));
      rows.asOfHome!.push(await timed(7, asOfHome));
      console.log(`  round ${round}: page ${ms(rows.page!.at(-1)!)}, tally ${ms(rows.tally!.at(-1)!)}, asOf tally ${ms(rows.asOfTally!.at(-1)!)}, asOf page ${ms(rows.asOfPage!.at(-1)!)}, raw streams ${ms(rows.rawStreams!.at(-1)!)}, raw log ${ms(rows.rawLog!.at(-1)!)}, asOf home ${ms(rows.asOfHome!.at(-1)!)}`);
    }
    // (d) snap16: the first compound-wide past view after a real restart, a new point each time.
    const restarts: { first: number; raw: number }[] = [];
    let restartPoint = halfway;
    for (let r = 1; r <= Math.max(3, ROUNDS); r++) {
      await runtime.close(); // waits for the snapshots' writes
      runtime = await start();
      store = runtime.deps.store;
      if (!(await runtime.deps.runner.waitFor(head, 600_000))) throw new Error('the read model did not catch up after the restart');
      const t0 = performance.now();
      await call('GET', `${homeUrl}?asOf=${(restartPoint -= 1231n)}`, oc);
      const first = performance.now() - t0;
      const t1 = performance.now();
      await rawLog();
      restarts.push({ first, raw: performance.now() - t1 });
      console.log(`  restart ${r}: the first ?asOf=${restartPoint} ${ms(first)}, raw log to the moment ${ms(restarts.at(-1)!.raw)}`);
    }
    const table = runtime.deps.asOfSnapshots!;
    const kept = table.positions(compoundId).length;
    const largest = table.largest();
    // (e) asof16: a cheap GET while the snapshots of a fold from the start are written.
    await runtime.close();
    const readDb = new Database(join(dir, 'read.db'));
    readDb.exec('DELETE FROM asof_snapshots');
    readDb.close();
    runtime = await start();
    store = runtime.deps.store;
    if (!(await runtime.deps.runner.waitFor(head, 600_000))) throw new Error('the read model did not catch up after the restart');
    const health = async () => void (await runtime.app.inject({ method: 'GET', url: '/health' }));
    const idle = await openLoop(health, async (elapsed) => elapsed < 3_000);
    await call('GET', `${homeUrl}?asOf=${head}`, oc);
    const cells = Math.min(Number(head / BigInt(runtime.deps.asOfSnapshots!.options.every)), runtime.deps.asOfSnapshots!.options.perCompound);
    let writing = 0;
    const during = await openLoop(health, async (elapsed) => {
      if (elapsed > 120_000) throw new Error('the snapshots were not written within 2 minutes');
      writing = elapsed;
      return runtime.deps.asOfSnapshots!.positions(compoundId).length < cells;
    });
    const med = (k: string) => median(rows[k]!);
    const verdict = (x: number, target: number) => (x < target ? `under ${target} ms: ok` : `OVER the ${target} ms target`);
    console.log('\nmedians');
    console.log(`(a) motion page, ${UNITS} voters:        ${ms(med('page'))}  (${verdict(med('page'), 100)})`);
    console.log(`    baseline: JSON tally read:        ${ms(med('tally'))}  (page / tally ${(med('page') / med('tally')).toFixed(2)}×)`);
    console.log(`(b) tally ?asOf=${halfway} of ${events} events: ${ms(med('asOfTally'))}  (${verdict(med('asOfTally'), 500)})`);
    console.log(`    the page ?asOf= the same moment:  ${ms(med('asOfPage'))}  (${verdict(med('asOfPage'), 500)})`);
    console.log(`    baseline: those streams read raw: ${ms(med('rawStreams'))}  (asOf / raw ${(med('asOfTally') / med('rawStreams')).toFixed(2)}×)`);
    console.log(`    baseline: the log read raw to the moment: ${ms(med('rawLog'))}`);
    console.log(`(c) the board ?asOf= a new point each time:   ${ms(med('asOfHome'))}  (${verdict(med('asOfHome'), 500)}; asOf / raw log ${(med('asOfHome') / med('rawLog')).toFixed(2)}×)`);
    console.log(`    the first, folded from the start:  ${ms(coldHome)}  (asOf / raw log ${(coldHome / med('rawLog')).toFixed(2)}×)`);
    const firstAfter = median(restarts.map((x) => x.first));
    const rawAfter = median(restarts.map((x) => x.raw));
    console.log(`(d) the first ?asOf= after a restart:  ${ms(firstAfter)}  (${verdict(firstAfter, 500)}; median of ${restarts.length} restarts)`);
    console.log(`    baseline: the log read raw to the moment, same restarts: ${ms(rawAfter)}  (asOf / raw log ${(firstAfter / rawAfter).toFixed(2)}×)`);
    console.log(`    snapshots on disk: ${kept} for the compound (at most ${table.options.perCompound}), the largest ${(largest / 1024 / 1024).toFixed(1)} MiB deflated`);
    console.log(`(e) GET /health due every 5 ms while ${cells} snapshots are written (${ms(writing)}): p50 ${ms(quantile(during, 0.5))}, p99 ${ms(quantile(during, 0.99))}, max ${ms(Math.max(...during))} (${during.length} requests)`);
    console.log(`    baseline: the same on the idle app just before: p50 ${ms(quantile(idle, 0.5))}, p99 ${ms(quantile(idle, 0.99))}, max ${ms(Math.max(...idle))} (${idle.length} requests)`);
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
