/**
 * The real server process, as `npm start` runs it, on a temp data directory: serves /health and /docs,
 * imports a CSV through the CLI, keeps everything across a restart, and loses no acknowledged command when
 * it is SIGKILLed in the middle of a burst of writes.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import t from 'tap';
import { loadSigningKey } from '../../services/auth/keys.js';
import { issueToken } from '../../services/auth/tokens.js';
import { testdirClosingFirst } from '../support/testdir.js';

const run = promisify(execFile);

interface Server {
  url: string;
  child: ChildProcess;
}

function startServer(dataDir: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'services/server.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /API listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

const stop = (s: Server, signal: NodeJS.Signals = 'SIGTERM') =>
  new Promise<void>((resolve) => {
    if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
    s.child.once('exit', () => resolve());
    s.child.kill(signal);
  });

t.test('npm start serves the API on the embedded store; a restart keeps everything', async (t) => {
  const { dir, onClose } = testdirClosingFirst(t);
  let server = await startServer(dir);
  onClose(() => stop(server));
  const health = await fetch(`${server.url}/health`);
  t.equal(health.status, 200);
  t.same(await health.json(), { status: 'ok' }, 'the status only, without a token');
  t.equal((await fetch(`${server.url}/docs/`)).status, 200, '/docs');

  const token = await issueToken(loadSigningKey(dir), 'p-admin', [{ kind: 'admin' }]);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const created = await fetch(`${server.url}/v1/compounds`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ name: '东湖小区', address: '上海市 3 号', jurisdiction: 'shanghai' }),
  });
  t.equal(created.status, 201);
  const { compoundId } = (await created.json()) as { compoundId: string };

  const csv = join(dir, 'units.csv');
  const rows = ['unitId,building,area,areaSource,owners,developerHeld'];
  for (let i = 0; i < 1200; i++) {
    const b = 1 + (i % 6);
    rows.push(`${b}-1-${1000 + i},${b},${(60 + (i % 50) + 0.25).toFixed(2)},registry,"p${i % 900}:业主${i % 900}",false`);
  }
  rows.push('9-1-101,9,120.0001,survey,,true');
  writeFileSync(csv, rows.join('\r\n') + '\r\n');
  const imported = await run(process.execPath, ['--import', 'tsx', 'services/cli/main.ts', 'import-units', compoundId, csv, '--url', server.url, '--token', token, '--batch', '500'], {
    env: { ...process.env, DATA_DIR: dir },
  });
  t.match(imported.stdout, /imported 1201 units/);
  t.match(imported.stderr, /importing \[#+\] 100%/, 'a progress bar');
  const electorate = await (await fetch(`${server.url}/v1/compounds/${compoundId}/electorate`, { headers })).json();
  t.match(electorate, { units: 1201, headcount: 901 });

  await stop(server);
  server = await startServer(dir);
  const again = await (await fetch(`${server.url}/v1/compounds/${compoundId}/electorate`, { headers })).json();
  t.same(again, electorate, 'the same figures after a restart');
});

t.test('SIGKILL in the middle of a burst: every acknowledged command survives', async (t) => {
  const { dir, onClose } = testdirClosingFirst(t);
  let server = await startServer(dir);
  onClose(() => stop(server, 'SIGKILL'));
  const token = await issueToken(loadSigningKey(dir), 'p-admin', [{ kind: 'admin' }]);
  const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
  const acknowledged: string[] = [];
  let killed = false;
  const producer = async (n: number) => {
    for (let i = 0; !killed; i++) {
      try {
        const res = await fetch(`${server.url}/v1/compounds`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ name: `c-${n}-${i}`, address: 'a', jurisdiction: 'national' }),
        });
        if (res.status === 201) acknowledged.push(((await res.json()) as { compoundId: string }).compoundId);
      } catch {
        return; // the connection died with the server
      }
    }
  };
  const producers = Array.from({ length: 16 }, (_, n) => producer(n));
  while (acknowledged.length < 300) await new Promise((r) => setTimeout(r, 5));
  server.child.kill('SIGKILL');
  killed = true;
  await Promise.all(producers);
  await stop(server, 'SIGKILL');
  t.ok(acknowledged.length >= 300, `${acknowledged.length} acknowledged before the kill`);

  server = await startServer(dir);
  let missing = 0;
  for (const id of acknowledged) {
    const res = await fetch(`${server.url}/v1/compounds/${id}`, { headers });
    if (res.status !== 200) missing++;
  }
  t.equal(missing, 0, 'no acknowledged compound is missing after restart');
  const verify = await run(process.execPath, ['--import', 'tsx', 'services/cli/main.ts', 'verify'], { env: { ...process.env, DATA_DIR: dir } });
  t.match(verify.stdout, /every hash chain intact/);
});
