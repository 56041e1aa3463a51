/**
 * Graceful shutdown of the real server process: SIGTERM (and SIGINT) in the middle of a burst of writes.
 * The process exits 0; every request answered 201 is in the log; every request that got no answer at all was
 * not carried out (so a client that saw an error may retry); no response is cut off once it has begun.
 */
import { join } from 'node:path';
import type { Test } from 'tap';
import t from 'tap';
import { loadSigningKey } from '../../services/auth/keys.js';
import { issueToken } from '../../services/auth/tokens.js';
import { openSqliteEventReader } from '../../services/store/sqlite/eventReader.js';
import { startServerProcess, stopServerProcess } from '../support/serverProcess.js';
import { testdirClosingFirst } from '../support/testdir.js';

interface Outcome {
  readonly name: string;
  /** The status, or `error` when no response came, or `cut` when the body broke off after the headers. */
  readonly result: number | 'error' | 'cut';
}

async function burstThenSignal(t: Test, signal: NodeJS.Signals) {
  const { dir, onClose } = testdirClosingFirst(t);
  const server = await startServerProcess(dir);
  onClose(() => stopServerProcess(server, 'SIGKILL'));
  const token = await issueToken(loadSigningKey(dir), 'p-admin', [{ kind: 'admin' }]);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const outcomes: Outcome[] = [];
  const shutdownProblems: string[] = [];
  let acked = 0;
  let refused = false;
  const producer = async (n: number) => {
    for (let i = 0; !refused; i++) {
      const name = `c-${n}-${i}`;
      let res: Response;
      try {
        res = await fetch(`${server.url}/v1/compounds`, { method: 'POST', headers, body: JSON.stringify({ name, address: 'a', jurisdiction: 'national' }) });
      } catch (error) {
        const code = (error as { cause?: { code?: string } }).cause?.code;
        if (code === 'ECONNREFUSED') refused = true;
        else outcomes.push({ name, result: 'error' });
        continue;
      }
      try {
        const body = await res.text();
        if (res.status === 503) shutdownProblems.push(`${res.headers.get('content-type')?.split(';')[0]} ${(JSON.parse(body) as { code: string }).code}`);
        outcomes.push({ name, result: res.status });
        if (res.status === 201) acked++;
      } catch {
        outcomes.push({ name, result: 'cut' });
      }
    }
  };
  const producers = Array.from({ length: 32 }, (_, n) => producer(n));
  while (acked < 200) await new Promise((r) => setTimeout(r, 2));
  server.child.kill(signal);
  const exit = await server.exited;
  refused = true;
  await Promise.all(producers);
  t.same(exit, { code: 0, signal: null }, `${signal}: the process exits 0`);
  t.match(server.output(), new RegExp(`shutting down \\(${signal}\\)[^]*\\nstopped\\n`), 'it says so');

  const reader = openSqliteEventReader(join(dir, 'events.db'));
  const names = new Set<string>();
  for (const e of await reader.readAll({ maxCount: 1_000_000 })) if (e.type === 'CompoundRegistered') names.add((e.data as { name: string }).name);
  reader.close();
  const created = outcomes.filter((o) => o.result === 201);
  t.ok(created.length >= 200, `${created.length} requests answered 201`);
  t.same(created.filter((o) => !names.has(o.name)), [], 'every 201 is in the log');
  t.same(outcomes.filter((o) => o.result === 'cut'), [], 'no response broke off after it began');
  const unanswered = outcomes.filter((o) => o.result === 'error' || o.result === 503);
  t.same(unanswered.filter((o) => names.has(o.name)), [], `none of the ${unanswered.length} requests without a 201 was carried out`);
  t.same(outcomes.filter((o) => o.result !== 201 && o.result !== 503 && o.result !== 'error'), [], 'no other status');
  t.same(shutdownProblems.filter((p) => p !== 'application/problem+json shutting_down'), [], `each 503 (${shutdownProblems.length}) is problem+json shutting_down`);
  t.equal(names.size, created.length, 'the log holds exactly the compounds answered 201');

  // The restarted server has them all.
  const again = await startServerProcess(dir);
  onClose(() => stopServerProcess(again, 'SIGKILL'));
  const health = (await (await fetch(`${again.url}/health`, { headers })).json()) as { position: string };
  t.ok(BigInt(health.position) >= BigInt(created.length));
  t.same(await stopServerProcess(again), { code: 0, signal: null }, 'an idle server exits 0 on SIGTERM too');
}

t.test('SIGTERM mid-burst: in-flight requests finish, the writer commits, exit 0, nothing acknowledged is lost', (t) => burstThenSignal(t, 'SIGTERM'));
t.test('SIGINT does the same', (t) => burstThenSignal(t, 'SIGINT'));
