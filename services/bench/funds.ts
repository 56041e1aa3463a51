/**
 * `npm run bench:funds`: the supervisory trace (`GET /v1/compounds/{id}/supervision`) of a compound with
 * 100,000 transfers, answered from the funds' read model, median over repeated requests; printed beside a
 * same-run baseline: reading those transfers' rows raw from the read database (better-sqlite3, every row of the
 * compound's transfers, and one page of them), and the old way, folding the funds' stream from the log.
 *
 * The compound (2,000 units, a first deposit each, then public income, payments into the fund and top-ups up
 * to 100,000 transfers) is decided by the funds' own decider and appended to the log in batches; the
 * projections build the read model from the log as in production. The trace is asked for in-process through
 * Fastify's `inject` (authentication, the read model, the flags, JSON): no socket.
 *
 * Environment: BENCH_ROUNDS (3): rounds of 20 requests each. Writes under DATA_DIR and cleans up.
 */
import Database from 'better-sqlite3';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fundsDecider, fundsStreamId, transfersOf, type FundsCommand, type FundsEvent, type FundState } from '../../domain/funds/index.js';
import { FUNDS_TRANSFERS } from '../../projections/funds/index.js';
import { parseGrant, type Grant } from '../auth/grants.js';
import { issueToken } from '../auth/tokens.js';
import { manualClock } from '../clock.js';
import { commandIds, envelopeEvents } from '../commands/handler.js';
import { loadConfig, loadToolConfig } from '../config.js';
import { startRuntime } from '../runtime.js';

const tool = loadToolConfig();
const UNITS = 2_000;
const TRANSFERS = 100_000;
const PER_ROUND = 20;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const ms = (n: number) => `${n.toFixed(2)} ms`;
const time = (f: () => unknown): number => {
  const t0 = process.hrtime.bigint();
  f();
  return Number(process.hrtime.bigint() - t0) / 1e6;
};

async function main() {
  const dir = resolve(tool.dataDir, `bench-funds-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  console.log(`bench:funds — ${UNITS} units, ${TRANSFERS.toLocaleString('en-US')} transfers, ${tool.benchRounds} rounds of ${PER_ROUND} requests, data in ${dir}`);
  const clock = manualClock(new Date('2026-03-02T01:00:00.000Z'));
  const runtime = await startRuntime(loadConfig({ DATA_DIR: dir, CLOCK: 'manual' }), { clock });
  try {
    const key = runtime.deps.signingKey;
    const token = (sub: string, ...grants: string[]) => issueToken(key, sub, grants.map(parseGrant).filter((g): g is Grant => g !== null), 24 * 3600);
    const admin = await token('p-admin', 'admin');
    const inject = async (method: 'GET' | 'POST', url: string, bearer: string, payload?: unknown) => {
      const res = await runtime.app.inject({ method, url, headers: { authorization: `Bearer ${bearer}` }, ...(payload !== undefined ? { payload: payload as object } : {}) });
      if (res.statusCode >= 400) throw new Error(`${method} ${url}: ${res.body}`);
      return res;
    };
    const { compoundId } = (await inject('POST', '/v1/compounds', admin, { name: '基准小区', address: '杭州市 1 号', jurisdiction: 'hangzhou' })).json() as { compoundId: string };
    const units = Array.from({ length: UNITS }, (_, i) => ({ unitId: `${1 + (i % 20)}-1-${1000 + i}`, building: String(1 + (i % 20)), area: `${60 + (i % 90)}.${String(i % 10_000).padStart(4, '0')}`, areaSource: 'registry', owners: [{ personId: `p-${i}`, name: `业主${i}` }] }));
    for (let i = 0; i < units.length; i += 1_000) await inject('POST', `/v1/compounds/${compoundId}/units`, admin, { units: units.slice(i, i + 1_000) });

    // The funds' history, decided by the decider itself (incrementally: no stream read per command).
    const by = { personId: 'p-oc', grants: ['oc_member'] };
    let state: FundState = fundsDecider.initialState();
    let pending: FundsEvent[] = [];
    let transfers = 0;
    let day = 0;
    let position = 0n;
    const flush = async () => {
      if (pending.length === 0) return;
      const cmd = { commandId: `bench-${day}-${transfers}`, correlationId: 'bench', causationId: 'bench', actor: { personId: 'p-oc', role: 'oc_member' }, now: new Date(Date.UTC(2026, 2, 2) + day * 3_600_000) };
      position = (await runtime.deps.store.append(fundsStreamId(compoundId), envelopeEvents(fundsStreamId(compoundId), pending, cmd), 'any')).position;
      pending = [];
    };
    const decide = async (command: FundsCommand) => {
      const now = new Date(Date.UTC(2026, 2, 2) + day * 3_600_000);
      const out = fundsDecider.decide(command, state, { now, newId: commandIds(`bench/${day}/${transfers}`), actor: { personId: 'p-oc', role: 'oc_member' } });
      if ('code' in out) throw new Error(`${command.type}: ${out.code}`);
      for (const e of out) {
        state = fundsDecider.evolve(state, e);
        transfers += transfersOf(e).length;
      }
      pending.push(...out);
      if (pending.length >= 500) {
        await flush();
        day++;
      }
    };
    const t0 = Date.now();
    await decide({ type: 'OpenFund', data: { compoundId, jurisdiction: 'hangzhou', ratePerSquareMetre: '120.50', evidenceRef: 'bench' }, by });
    for (const u of units) await decide({ type: 'RecordDeposit', data: { depositId: `d-${u.unitId}`, unit: { unitId: u.unitId, building: u.building, area: u.area, developerHeld: false }, basis: 'first_deposit', evidence: ['slip'] }, by });
    for (let i = 0; transfers < TRANSFERS; i++) {
      const k = i % 4;
      if (k === 0 || k === 1) await decide({ type: 'RecordIncome', data: { entryId: `i-${i}`, contractId: `parking-${i % 12}`, amount: `${100 + (i % 900)}.${String(i % 100).padStart(2, '0')}`, evidence: ['receipt'] }, by });
      else if (k === 2) await decide({ type: 'PayIncomeIntoFund', data: { entryId: `f-${i}`, amount: '50.00', evidence: ['transfer'] }, by });
      else {
        const u = units[i % UNITS]!;
        await decide({ type: 'RecordDeposit', data: { depositId: `t-${i}`, unit: { unitId: u.unitId, building: u.building, area: u.area, developerHeld: false }, basis: 'top_up', amount: '10.00', evidence: ['slip'] }, by });
      }
    }
    await flush();
    console.log(`  setup: ${transfers.toLocaleString('en-US')} transfers decided and appended in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const t1 = Date.now();
    if (!(await runtime.deps.runner.waitFor(position, 30 * 60_000))) throw new Error('the projections did not catch up');
    console.log(`  projected in ${((Date.now() - t1) / 1000).toFixed(1)} s`);

    const supervisor = await token('p-sup', `supervisor@${compoundId}`);
    const url = `/v1/compounds/${compoundId}/supervision`;
    const first = (await inject('GET', url, supervisor)).json() as { transferCount: number; accounts: unknown[]; transfers: { items: unknown[] }; flags: unknown[] };
    if (first.transferCount < TRANSFERS) throw new Error(`the trace counts ${first.transferCount} transfers`);
    const readDb = new Database(join(dir, 'read.db'), { readonly: true });
    const all = readDb.prepare<[string, string], { doc: string }>('SELECT doc FROM docs WHERE collection = ? AND parent = ? ORDER BY coalesce(sort_key, id)');
    const page = readDb.prepare<[string, string], { doc: string }>('SELECT doc FROM docs WHERE collection = ? AND parent = ? ORDER BY coalesce(sort_key, id) LIMIT 100');
    const trace: number[] = [];
    const traceAccount: number[] = [];
    const rawAll: number[] = [];
    const rawPage: number[] = [];
    const fold: number[] = [];
    let rows = 0;
    for (let round = 0; round < tool.benchRounds; round++) {
      for (let i = 0; i < PER_ROUND; i++) {
        let t = process.hrtime.bigint();
        await inject('GET', url, supervisor);
        trace.push(Number(process.hrtime.bigint() - t) / 1e6);
        t = process.hrtime.bigint();
        await inject('GET', `${url}?account=maintenance/sources&cursor=50000`, supervisor);
        traceAccount.push(Number(process.hrtime.bigint() - t) / 1e6);
        rawPage.push(time(() => page.all(FUNDS_TRANSFERS, compoundId).map((r) => JSON.parse(r.doc))));
      }
      rawAll.push(time(() => (rows = all.all(FUNDS_TRANSFERS, compoundId).map((r) => JSON.parse(r.doc)).length)));
      const t = process.hrtime.bigint();
      await runtime.deps.funds.state(compoundId);
      fold.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    readDb.close();
    console.log(`  trace (${first.accounts.length} accounts, a page of ${first.transfers.items.length} transfers, ${first.flags.length} flags), median: ${ms(median(trace))}`);
    console.log(`  trace of one account (maintenance/sources, a page from transfer 50,000), median: ${ms(median(traceAccount))}`);
    console.log(`  baseline, raw rows of one page (100 transfers' rows, JSON.parse): ${ms(median(rawPage))}`);
    console.log(`  baseline, raw rows of all ${rows.toLocaleString('en-US')} transfers (JSON.parse): ${ms(median(rawAll))}  → trace / raw = ${(median(trace) / median(rawAll)).toFixed(3)}`);
    console.log(`  before the read model: folding the funds' stream (${rows.toLocaleString('en-US')} transfers) per request: ${ms(median(fold))}`);
    console.log(`  target: trace median < 50 ms — ${median(trace) < 50 ? 'met' : 'NOT met'}`);
  } finally {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
