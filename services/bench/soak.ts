/**
 * `npm run bench:soak` (ops, #17 item 8): a mixed load against the real server process for BENCH_SOAK_SECONDS,
 * SIGKILLing it BENCH_SOAK_KILLS times at random moments. After each restart, with the load held:
 * - every write acknowledged so far (201) is in the log: the event at the position the server answered
 *   carries what it answered (the ballot's unit, the deposit's transfer id, the compound's id);
 * - every hash chain and the log tree verify (`cli verify`'s walk);
 * - every view equals a rebuild from the log (services/ops/viewCheck.ts).
 * It prints the acknowledged writes, the losses (must be 0), p50/p99 latency and throughput of the mixed load
 * beside a no-op baseline (`GET /v1/keys`) measured in the same run, and exits 1 on any loss or failed check.
 *
 * The load, from BENCH_CONNECTIONS clients: ballots (each unit once), first deposits into the maintenance
 * fund (each unit once), registry changes (new compounds), and reads (the public notice-board page, the tally).
 * Knobs (services/config.ts loadToolConfig): BENCH_SOAK_SECONDS (60), BENCH_SOAK_KILLS (5), BENCH_CONNECTIONS
 * (64), BENCH_UNITS (units of the compound; 20000); it runs in a fresh directory under DATA_DIR, removed after.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSigningKey } from '../auth/keys.js';
import { issueToken } from '../auth/tokens.js';
import { parseGrant, type Grant } from '../auth/grants.js';
import { verifyLog } from '../cli/verify.js';
import { ConfigError, loadToolConfig } from '../config.js';
import { compareWithRebuild } from '../ops/viewCheck.js';
import { startServerProcess, stopServerProcess, type ServerProcess } from '../ops/serverProcess.js';
import type { EventStore } from '../store/port.js';
import { openSqliteEventReader } from '../store/sqlite/eventReader.js';

const DAY = 24 * 3600 * 1000;
type Kind = 'ballot' | 'deposit' | 'compound' | 'board' | 'tally';
const KINDS: readonly Kind[] = ['ballot', 'deposit', 'compound', 'board', 'tally'];

/** A write the server acknowledged: the event at `position` must carry every marker. */
interface Ack {
  readonly kind: Kind;
  readonly position: bigint;
  readonly markers: readonly string[];
}

const percentile = (sorted: readonly number[], p: number) => (sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!);
const ms = (n: number) => `${n.toFixed(1)} ms`;

export interface SoakResult {
  readonly acknowledged: number;
  readonly losses: number;
  readonly failures: readonly string[];
}

export async function soak(options: { seconds: number; kills: number; connections: number; units: number; baseDir?: string; log?: (line: string) => void }): Promise<SoakResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  // A real disk (DATA_DIR from the CLI): on tmpfs an fsync is free.
  const base = options.baseDir ?? tmpdir();
  mkdirSync(base, { recursive: true });
  const dataDir = mkdtempSync(join(base, 'soak-'));
  const env = { CLOCK: 'manual', LOG_LEVEL: 'error' };
  let server: ServerProcess = await startServerProcess(dataDir, env);
  const key = loadSigningKey(dataDir);
  const token = (sub: string, ...grants: string[]) => issueToken(key, sub, grants.map((g) => parseGrant(g)).filter((g): g is Grant => g !== null));
  const admin = await token('p-admin', 'admin');
  const call = async (method: string, path: string, bearer: string | undefined, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, json: () => JSON.parse(text) as Record<string, unknown>, text };
  };
  const must = async (method: string, path: string, bearer: string | undefined, body?: unknown, ok: readonly number[] = [200, 201]) => {
    const res = await call(method, path, bearer, body);
    if (!ok.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${res.text.slice(0, 300)}`);
    return res;
  };
  const failures: string[] = [];
  try {
    // The world: a compound with its units, an open motion, open ledgers, a public notice board.
    const compoundId = (await must('POST', '/v1/compounds', admin, { name: '压力测试小区', address: '文三路 1 号', jurisdiction: 'hangzhou' })).json().compoundId as string;
    const unitIds = Array.from({ length: options.units }, (_, i) => `${1 + (i % 20)}-${i}`);
    for (let i = 0; i < unitIds.length; i += 5000) {
      const units = unitIds.slice(i, i + 5000).map((unitId, j) => ({ unitId, building: unitId.split('-')[0], area: `${80 + ((i + j) % 40)}.25`, areaSource: 'registry', owners: [{ personId: `p${i + j}`, name: `业主${i + j}` }] }));
      await must('POST', `/v1/compounds/${compoundId}/units`, admin, { units });
    }
    const convenor = await token('p-oc', `oc_member@${compoundId}`);
    const now = Date.now();
    const opensAt = new Date(now + 20 * DAY);
    const motionId = (await must('POST', `/v1/compounds/${compoundId}/motions`, convenor, { title: '续聘物业服务企业', description: '是否续聘', matter: 'hire_or_dismiss_firm', opensAt: opensAt.toISOString(), closesAt: new Date(now + 27 * DAY).toISOString() })).json().motionId as string;
    await must('POST', `/v1/motions/${motionId}/notice`, convenor);
    // The manual clock starts at the real time in every process: each start moves it past the opening again.
    const clockAt = new Date(opensAt.getTime() + 60_000).toISOString();
    const setClock = () => must('POST', '/v1/admin/clock', admin, { now: clockAt });
    await setClock();
    await must('POST', `/v1/motions/${motionId}/open`, convenor, undefined, [201, 409]);
    await must('POST', `/v1/compounds/${compoundId}/funds`, admin, { ratePerSquareMetre: '50.00', evidenceRef: '杭房〔2024〕维修资金首期交存标准' });
    await must('POST', `/v1/compounds/${compoundId}/board`, admin, { public: true });

    // The same-run baseline: a no-op route under the same number of clients.
    const baselineSeconds = Math.max(2, Math.min(5, options.seconds / 6));
    const base: number[] = [];
    const baseEnd = performance.now() + baselineSeconds * 1000;
    await Promise.all(
      Array.from({ length: options.connections }, async () => {
        while (performance.now() < baseEnd) {
          const t0 = performance.now();
          const res = await fetch(`${server.url}/v1/keys`);
          await res.arrayBuffer();
          base.push(performance.now() - t0);
        }
      }),
    );
    base.sort((a, b) => a - b);
    log(`baseline  GET /v1/keys (no-op), ${options.connections} clients: ${(base.length / baselineSeconds).toFixed(0)} req/s, p50 ${ms(percentile(base, 50))}, p99 ${ms(percentile(base, 99))}`);

    // The mixed load. `gate` holds the clients while the server is down or being checked.
    const acks: Ack[] = [];
    const latencies = new Map<Kind, number[]>(KINDS.map((k) => [k, []]));
    const statuses = new Map<string, number>();
    let unanswered = 0;
    let nextBallot = 0;
    let nextDeposit = 0;
    let serial = 0;
    let gate: Promise<void> = Promise.resolve();
    let activeMs = 0;
    let activeSince = performance.now();
    let done = false;
    const ownerTokens = new Map<number, string>();
    const ownerToken = async (i: number) => ownerTokens.get(i) ?? ownerTokens.set(i, await token(`p${i}`, `owner@${compoundId}`)).get(i)!;
    const pick = (): Kind => {
      const r = Math.random();
      if (r < 0.35 && nextBallot < unitIds.length) return 'ballot';
      if (r < 0.55 && nextDeposit < unitIds.length) return 'deposit';
      if (r < 0.65) return 'compound';
      return r < 0.85 ? 'board' : 'tally';
    };
    const one = async (kind: Kind): Promise<void> => {
      let request: { method: string; path: string; bearer?: string; body?: unknown };
      let markers: (answer: Record<string, unknown>) => string[];
      switch (kind) {
        case 'ballot': {
          const i = nextBallot++;
          request = { method: 'POST', path: `/v1/motions/${motionId}/ballots`, bearer: await ownerToken(i), body: { unitId: unitIds[i], choice: i % 3 === 0 ? 'against' : 'for' } };
          markers = () => [motionId, `"${unitIds[i]}"`];
          break;
        }
        case 'deposit': {
          const i = nextDeposit++;
          request = { method: 'POST', path: `/v1/compounds/${compoundId}/funds/deposits`, bearer: admin, body: { unitId: unitIds[i], basis: 'first_deposit', evidence: [`银行回单 ${i}`] } };
          markers = (a) => (a.transferIds as string[]).map((id) => `"${id}"`);
          break;
        }
        case 'compound':
          request = { method: 'POST', path: '/v1/compounds', bearer: admin, body: { name: `登记变更 ${serial++}`, address: '某路 2 号', jurisdiction: 'national' } };
          markers = (a) => [a.compoundId as string];
          break;
        case 'board':
          request = { method: 'GET', path: `/board/${compoundId}` };
          markers = () => [];
          break;
        case 'tally':
          request = { method: 'GET', path: `/v1/motions/${motionId}/tally`, bearer: admin };
          markers = () => [];
          break;
      }
      const t0 = performance.now();
      let res;
      try {
        res = await call(request.method, request.path, request.bearer, request.body);
      } catch {
        unanswered++; // the server died under it: not acknowledged, never retried (a ballot may be in)
        return;
      }
      latencies.get(kind)!.push(performance.now() - t0);
      const outcome = `${kind} ${res.status}${res.status >= 400 ? `:${String((JSON.parse(res.text) as { code?: string }).code)}` : ''}`;
      statuses.set(outcome, (statuses.get(outcome) ?? 0) + 1);
      if (res.status === 201) {
        const answer = res.json();
        acks.push({ kind, position: BigInt(answer.position as string), markers: markers(answer) });
      }
    };
    const client = async () => {
      while (!done) {
        await gate;
        if (done) return;
        await one(pick());
      }
    };

    const check = async (label: string) => {
      const reader = openSqliteEventReader(join(dataDir, 'events.db'));
      try {
        const byPosition = new Map<bigint, string>();
        for (let after = 0n; ; ) {
          const page = await reader.readAll({ after, maxCount: 5000 });
          if (page.length === 0) break;
          for (const e of page) byPosition.set(e.position, JSON.stringify({ streamId: e.streamId, data: e.data }));
          after = page[page.length - 1]!.position;
        }
        const lost = acks.filter((a) => {
          const event = byPosition.get(a.position);
          return event === undefined || !a.markers.every((m) => event.includes(m));
        });
        for (const a of lost.slice(0, 5)) failures.push(`${label}: acknowledged ${a.kind} at position ${a.position} is not in the log`);
        const verified = await verifyLog(reader as unknown as EventStore);
        for (const p of verified.problems.slice(0, 5)) failures.push(`${label}: BROKEN position ${p.position}: ${p.reason}: ${p.detail}`);
        // The read model: caught up with the head (the reactors may still append a little), then compared.
        let comparison;
        for (let attempt = 0; attempt < 20; attempt++) {
          const health = (await must('GET', '/health', admin)).json();
          if (health.projected !== health.position) {
            await new Promise((r) => setTimeout(r, 100));
            continue;
          }
          comparison = await compareWithRebuild(join(dataDir, 'events.db'), join(dataDir, 'read.db'));
          if (comparison.differences.length === 0 || comparison.liveAt === comparison.head) break;
        }
        if (!comparison) failures.push(`${label}: the read model did not catch up with the log`);
        else for (const d of comparison.differences.slice(0, 5)) failures.push(`${label}: view ${d}`);
        log(
          `${label}: ${acks.length} acknowledged writes, ${lost.length} lost; ${verified.events} events in ${verified.streams} streams verify ${verified.problems.length === 0 ? 'ok' : 'BROKEN'}; ` +
            `${comparison?.documents ?? 0} documents ${comparison && comparison.differences.length === 0 ? 'equal a rebuild' : 'DIFFER from a rebuild'}`,
        );
        return lost.length;
      } finally {
        reader.close();
      }
    };

    // Kill moments: random, in the middle 90% of the run, at least a second apart.
    const kills = Array.from({ length: options.kills }, () => 0.05 + Math.random() * 0.9).sort((a, b) => a - b);
    const clients = Array.from({ length: options.connections }, () => client());
    const loadMs = options.seconds * 1000;
    // A write lost at one restart stays lost: the worst check counts.
    let losses = 0;
    for (const [n, at] of kills.entries()) {
      const wait = at * loadMs - activeMs - (performance.now() - activeSince);
      await new Promise((r) => setTimeout(r, Math.max(wait, n === 0 ? 0 : 1000)));
      let open!: () => void;
      gate = new Promise((r) => (open = r));
      server.child.kill('SIGKILL');
      await server.exited;
      activeMs += performance.now() - activeSince;
      const t0 = performance.now();
      server = await startServerProcess(dataDir, env);
      const restartMs = performance.now() - t0;
      await setClock();
      losses = Math.max(losses, await check(`kill ${n + 1} at ${(activeMs / 1000).toFixed(1)} s (restart ${(restartMs / 1000).toFixed(1)} s)`));
      activeSince = performance.now();
      open();
    }
    const rest = loadMs - activeMs - (performance.now() - activeSince);
    await new Promise((r) => setTimeout(r, Math.max(0, rest)));
    done = true;
    await Promise.all(clients);
    activeMs += performance.now() - activeSince;
    const stopped = await stopServerProcess(server, 'SIGTERM');
    if (stopped.code !== 0) failures.push(`the final SIGTERM: exit ${stopped.code ?? stopped.signal}`);
    server = await startServerProcess(dataDir, env);
    await setClock();
    losses = Math.max(losses, await check('final restart'));

    const all = [...latencies.values()].flat().sort((a, b) => a - b);
    const seconds = activeMs / 1000;
    log(`mixed load, ${options.connections} clients, ${seconds.toFixed(1)} s under load: ${all.length} responses, ${(all.length / seconds).toFixed(0)} req/s, p50 ${ms(percentile(all, 50))}, p99 ${ms(percentile(all, 99))}; ${unanswered} requests cut by the kills`);
    for (const kind of KINDS) {
      const l = latencies.get(kind)!.sort((a, b) => a - b);
      const codes = [...statuses].filter(([k]) => k.startsWith(`${kind} `)).map(([k, v]) => `${k.split(' ')[1]}×${v}`).join(' ');
      log(`  ${kind.padEnd(8)} ${String(l.length).padStart(7)} responses, p50 ${ms(percentile(l, 50))}, p99 ${ms(percentile(l, 99))}  [${codes}]`);
    }
    const byKind = KINDS.map((k) => `${acks.filter((a) => a.kind === k).length} ${k}`).filter((s) => !s.startsWith('0 '));
    log(`acknowledged writes: ${acks.length} (${byKind.join(', ')}); losses: ${losses}; checks failed: ${failures.length}`);
    for (const f of failures) log(`FAILED ${f}`);
    return { acknowledged: acks.length, losses, failures };
  } finally {
    await stopServerProcess(server, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  let config;
  try {
    config = loadToolConfig(process.env, {});
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const p of error.problems) console.error(`configuration error: ${p}`);
      process.exit(2);
    }
    throw error;
  }
  const units = config.benchUnits;
  console.log(`bench:soak: ${config.benchSoakSeconds} s, ${config.benchSoakKills} SIGKILLs, ${config.benchConnections} clients, ${units} units`);
  const result = await soak({ seconds: config.benchSoakSeconds, kills: config.benchSoakKills, connections: config.benchConnections, units, baseDir: config.dataDir });
  process.exit(result.losses === 0 && result.failures.length === 0 ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? `bench:soak failed: ${error.message}` : error);
    process.exit(1);
  });
}
