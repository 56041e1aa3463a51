/**
 * Micro bench of the assembly projection's ballot apply (issue #18), alone: no store, no thread, no SQLite.
 * BENCH_EVENTS ballots (300,000) over motions of a BENCH_UNITS-identity compound (20,000; every identity votes
 * once per motion, yes_no, choices in turn, one in ten a re-vote of the one before), applied with an in-memory
 * DocReader as the runner's pending batch serves it (the projection's own objects). Each round applies the same
 * events through main's frozen apply (tests/support/assemblyOracle) and through the current one, in alternating
 * order; prints medians of µs per ballot and of GC time per ballot, the ratio, and the load average.
 *
 *   npx tsx tests/support/assemblyApplyBench.ts            # BENCH_EVENTS, BENCH_UNITS, BENCH_ROUNDS (5)
 *   npx tsx tests/support/assemblyApplyBench.ts breakdown   # what one ballot's apply spends, piece by piece
 *
 * What it found (2026-11-29, 2 shared cores, load average 3–7; ns per ballot, breakdown pass 2): main's whole
 * apply 1,300–2,000, of which tallyAfterBallot 760–1,130 — three figureArea (a regular expression, two BigInt
 * of substrings and a padEnd: 140–210 each), two formatArea (bigint division and modulo: 80–320 each) and three
 * spread copies of the ~22-key tally document (25–95 each) with their short-lived objects — and ballotDoc +
 * putBallot 165–450 (spread-in optional fields, the position through BigInt and back); the in-memory reader
 * ~100–230 per get. This branch: whole apply 935–1,120, tallyAfterBallot 360–630 (one copy, figures parsed by
 * a char scan, 45–75, and written through Number arithmetic below 2^53, 47–80).
 */
import { loadavg } from 'node:os';
import { PerformanceObserver, performance } from 'node:perf_hooks';
import { formatArea } from '../../domain/shared/area.js';
import type { Projection } from '../../projections/projection.js';
import { assemblyProjection } from '../../projections/assembly/projection.js';
import type { RecordedEvent } from '../../services/store/port.js';
import { ballotEvent, memoryModel, openingEvents, variedRoll, type Said } from './assemblyApplyWorld.js';
import { ballotDoc, putBallot } from './assemblyOracle/ballots.js';
import { figureArea } from './assemblyOracle/figures.js';
import { assemblyProjection as oracleProjection } from './assemblyOracle/projection.js';
import { tallyAfterBallot } from './assemblyOracle/tally.js';
import { recorded, type SpecEvent } from './projectionSpec.js';
import type { BallotCastData } from '../../domain/assembly/events.js';
import type { TallyDoc } from '../../projections/assembly/docs.js';
import { figureArea as newFigureArea, figureText } from '../../projections/assembly/figures.js';
import { tallyAfterBallot as newTallyAfterBallot } from '../../projections/assembly/tally.js';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 300_000);
const UNITS = Math.min(Number(process.env.BENCH_UNITS ?? 20_000), EVENTS);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const MOTIONS = Math.ceil(EVENTS / UNITS);
const fmt = (n: number, d = 2) => n.toFixed(d);
const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const roll = variedRoll(UNITS);
const opening: SpecEvent[] = [];
const ballots: SpecEvent[] = [];
const choices = ['for', 'against', 'abstain'] as const;
for (let m = 0; m < MOTIONS; m++) {
  const motionId = `m${m}`;
  opening.push(...openingEvents(roll, 'yes_no', motionId));
  for (let i = 0; i < UNITS && ballots.length < EVENTS; i++) {
    const said: Said = { choice: choices[i % 3]! };
    // One in ten re-votes: replaces the ballot of the same identity cast just before (its own, first).
    if (i % 10 === 9) ballots.push(ballotEvent(motionId, roll[i]!, m * UNITS + i, said, { receipt: `r-${motionId}-${m * UNITS + i - 1}`, said: { choice: choices[(i - 1) % 3]! } }));
    else ballots.push(ballotEvent(motionId, roll[i]!, m * UNITS + i, said));
  }
}
const all = recorded([...opening, ...ballots]);
const setup = all.slice(0, opening.length);
const timed = all.slice(opening.length);

let gcMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
}).observe({ entryTypes: ['gc'] });

// GC entries are delivered on a later turn of the event loop: let them in before and after a round.
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

async function round(projection: Projection): Promise<{ us: number; gcUs: number }> {
  const model = memoryModel();
  for (const e of setup) model.apply(projection, e);
  await settle();
  const gc0 = gcMs;
  const t0 = performance.now();
  for (const e of timed as RecordedEvent[]) model.apply(projection, e);
  const ms = performance.now() - t0;
  await settle();
  return { us: (ms * 1000) / timed.length, gcUs: ((gcMs - gc0) * 1000) / timed.length };
}

function time(label: string, n: number, f: (i: number) => unknown) {
  let sink: unknown;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) sink = f(i);
  const ns = ((performance.now() - t0) * 1e6) / n;
  console.log(`${label.padEnd(58)} ${fmt(ns, 0).padStart(6)} ns`);
  return sink;
}

if (process.argv[2] === 'breakdown') {
  const model = memoryModel();
  for (const e of setup) model.apply(oracleProjection, e);
  const data = timed.map((e) => e.data as BallotCastData);
  const tally = model.reader.get<TallyDoc>('motion-tallies', 'm0')!;
  const n = Math.min(timed.length, 200_000);
  for (let r = 0; r < 2; r++) {
    console.log(`-- pass ${r + 1} (${n} iterations each, main's code)`);
    time('whole apply (oracle), per ballot', n, (i) => oracleProjection.apply(timed[i]!, model.reader));
    time('whole apply (this branch), per ballot', n, (i) => assemblyProjection.apply(timed[i]!, model.reader));
    time('tallyAfterBallot (oracle)', n, (i) => tallyAfterBallot(tally, data[i]!, false));
    time('tallyAfterBallot (this branch)', n, (i) => newTallyAfterBallot(tally, data[i]!, false));
    time('ballotDoc + putBallot (oracle)', n, (i) => putBallot(ballotDoc(data[i]!, timed[i]!.position, 'counted')));
    time('figureArea(ballot area) (oracle)', n, (i) => figureArea(data[i]!.area));
    time('figureArea(ballot area) (this branch)', n, (i) => newFigureArea(data[i]!.area));
    time('formatArea(a sum) (oracle)', n, (i) => formatArea(123_456_789n + BigInt(i)));
    time('figureText(a sum) (this branch)', n, (i) => figureText(123_456_789n + BigInt(i)));
    time('{ ...tally } (one copy of the tally doc)', n, () => ({ ...tally }));
    time('docs.get (in-memory reader)', n, (i) => model.reader.get('motion-tallies', data[i]!.motionId));
  }
} else {
  const impls: Array<[string, Projection]> = [
    ['main (frozen copy)', oracleProjection],
    ['this branch', assemblyProjection],
  ];
  const results = new Map<string, Array<{ us: number; gcUs: number }>>(impls.map(([name]) => [name, []]));
  await round(oracleProjection);
  await round(assemblyProjection);
  const loads: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? impls : [...impls].reverse();
    for (const [name, p] of order) {
      const res = await round(p);
      results.get(name)!.push(res);
      console.log(`round ${r + 1} ${name.padEnd(20)} ${fmt(res.us)} µs/ballot (GC ${fmt(res.gcUs)} µs)`);
    }
    loads.push(loadavg()[0]!);
  }
  console.log(`${timed.length} ballots, ${MOTIONS} motions of ${UNITS} identities, ${ROUNDS} rounds, load average ${loads.map((l) => fmt(l)).join(' ')}`);
  const med = (name: string) => ({ us: median(results.get(name)!.map((x) => x.us)), gcUs: median(results.get(name)!.map((x) => x.gcUs)) });
  const a = med(impls[0]![0]);
  const b = med(impls[1]![0]);
  console.log(`main        median ${fmt(a.us)} µs/ballot, GC ${fmt(a.gcUs)} µs/ballot`);
  console.log(`this branch median ${fmt(b.us)} µs/ballot, GC ${fmt(b.gcUs)} µs/ballot`);
  console.log(`ratio (branch / main) ${fmt(b.us / a.us, 3)}`);
}
