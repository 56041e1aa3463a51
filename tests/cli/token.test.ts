/** `cli token`: tokens within the 30-day cap, `--ttl` in seconds checked before anything is signed. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import t from 'tap';

const run = promisify(execFile);
const cli = (args: string[], dataDir: string) =>
  run(process.execPath, ['--import', 'tsx', 'services/cli/main.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir, JWT_SECRET: 'a-test-secret-of-at-least-32-characters' } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
const lifetime = (stdout: string) => {
  const token = stdout.trim().split('\n').at(-1)!;
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { iat: number; exp: number };
  return payload.exp - payload.iat;
};

t.test('cli token --ttl', async (t) => {
  const dir = t.testdir();
  const byDefault = await cli(['token', '--sub', 'p1', '--grant', 'admin'], dir);
  t.equal(byDefault.code, 0);
  t.equal(lifetime(byDefault.stdout), 12 * 3600, '12 hours by default');
  const week = await cli(['token', '--sub', 'p1', '--grant', 'admin', '--ttl', '604800'], dir);
  t.equal(week.code, 0);
  t.equal(lifetime(week.stdout), 604800, '--ttl in seconds');
  for (const ttl of ['2592001', '0', 'abc', '1.5', '-5']) {
    const bad = await cli(['token', '--sub', 'p1', '--grant', 'admin', '--ttl', ttl], dir);
    t.equal(bad.code, 2, `--ttl ${ttl}: exit 2`);
    t.match(bad.stderr, /--ttl .*1 to 2592000 seconds \(30 days\)/, `--ttl ${ttl}: says the range`);
    t.equal(bad.stdout, '', `--ttl ${ttl}: no token printed`);
  }
});
