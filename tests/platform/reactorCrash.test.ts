/**
 * kill -9 between a reactor's command and its checkpoint: a child runs the effect reactor over a SQLite
 * store and is killed once the command for a Ping is durable but before the checkpoint has moved past the
 * Ping. A second child resumes from the stale checkpoint, reads the Ping again, finds the command's id in
 * the log and runs nothing: the effect exists exactly once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { reactorCommandId } from '../../services/platform/reactor.js';
import type { ReactorStatus } from '../../services/platform/reactorRunner.js';
import { openSqliteStore } from '../../services/store/sqlite/index.js';
import { effectStream, ping } from '../support/effectReactor.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const worker = join(repo, 'tests/support/reactorCrashWorker.ts');

/** Runs the worker; in `crash` mode SIGKILLs it on its first `appended` line. */
function run(dir: string, mode: 'crash' | 'resume'): Promise<{ lines: string[]; signal: NodeJS.Signals | null; code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const child = spawn(process.execPath, ['--import', 'tsx', worker, dir, mode], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffered = '';
    let stderr = '';
    const guard = setTimeout(() => {
      child.kill('SIGKILL');
      fail(new Error(`worker (${mode}) took too long; stderr: ${stderr}`));
    }, 30_000);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      for (const line of parts) {
        lines.push(line);
        if (mode === 'crash' && line.startsWith('appended ')) child.kill('SIGKILL');
      }
    });
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      done({ lines, signal, code, stderr });
    });
  });
}

t.test('a reactor killed between its command and its checkpoint acts exactly once', { timeout: 90_000 }, async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'reactor-crash-'));
  t.teardown(() => rmSync(dir, { recursive: true, force: true }));

  const seed = openSqliteStore(join(dir, 'events.db'));
  const pingPosition = await ping(seed, 'k1');
  const [pingEvent] = await seed.readStream('ping-k1');
  await seed.close();
  const commandId = reactorCommandId('effects', pingEvent!.eventId, 0);

  const crashed = await run(dir, 'crash');
  t.equal(crashed.signal, 'SIGKILL', 'the first run was killed', { stderr: crashed.stderr });
  const appended = crashed.lines.find((l) => l.startsWith('appended '));
  t.ok(appended, 'it had appended the command');
  const [, id, checkpointAtKill] = appended!.split(' ');
  t.equal(id, commandId, 'the command id derives from the ping');
  t.ok(BigInt(checkpointAtKill!) < pingPosition, 'the checkpoint stood before the ping when it died');

  const store = openSqliteStore(join(dir, 'events.db'));
  t.equal((await store.readStream(effectStream('k1'))).length, 1, 'the effect was durable before the kill');
  await store.close();

  const resumed = await run(dir, 'resume');
  t.equal(resumed.code, 0, 'the second run finished', { stderr: resumed.stderr });
  t.ok(BigInt(resumed.lines.find((l) => l.startsWith('start '))!.split(' ')[1]!) < pingPosition, 'it started before the ping');
  const status = JSON.parse(resumed.lines.find((l) => l.startsWith('done '))!.slice(5)) as ReactorStatus;
  t.equal(status.replayed, 1, 'it read the ping again and found its command in the log');
  t.equal(status.issued, 0, 'it ran nothing again');
  t.ok(BigInt(status.position) >= pingPosition, 'its checkpoint is now past the ping');

  const after = openSqliteStore(join(dir, 'events.db'));
  const effects = await after.readStream(effectStream('k1'));
  await after.close();
  t.equal(effects.length, 1, 'the effect exists exactly once');
  t.equal(effects[0]!.metadata.commandId, commandId);
});
