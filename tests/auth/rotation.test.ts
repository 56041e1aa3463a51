/**
 * Signing-key rotation with kid (#17 item 5, trust17), with real JWT verification on a running app: tokens
 * name their key; after a rotation the old key's tokens verify until it retires, the new key's at once; a
 * retired or unknown kid is 401 unknown_signing_key; `cli rotate-key` does it from the command line.
 */
import { execFile } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import t from 'tap';
import { kidOf, loadSigningKey, PREVIOUS_KEYS_FILE } from '../../services/auth/keys.js';
import { rotateSigningKey } from '../../services/auth/rotate.js';
import { issueToken, verifyToken } from '../../services/auth/tokens.js';
import { startTestApi } from '../support/api.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const headerOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as { kid: string; alg: string };
const HOUR = 3_600_000;

t.test('rotate: old tokens verify through the overlap, new ones at once; retired and unknown kids are refused', async (t) => {
  const api = await startTestApi(t);
  const ring = api.runtime.deps.signingKey;
  const first = ring.current().kid;
  const old = await api.token('p-admin', 'admin');
  t.equal(headerOf(old).kid, first, 'a token names the key that signed it');
  const keys = (token: string) => api.call('GET', '/metrics', { token }); // admin tokens only
  t.equal((await keys(old)).statusCode, 200);

  const r1 = rotateSigningKey(api.dataDir, 1);
  t.equal(r1.replacedKid, first);
  t.not(r1.currentKid, first);
  t.equal(statSync(join(api.dataDir, PREVIOUS_KEYS_FILE)).mode & 0o777, 0o600, 'the previous keys are private');
  const fresh = await issueToken(loadSigningKey(api.dataDir), 'p-admin', [{ kind: 'admin' }]);
  t.equal(headerOf(fresh).kid, r1.currentKid, 'tools sign with the new key');
  await sleep(1_100); // the server re-reads the key files at most once a second
  t.equal(ring.current().kid, r1.currentKid, 'the running server took the new key up');
  t.equal((await keys(fresh)).statusCode, 200, 'the new key verifies');
  t.equal((await keys(old)).statusCode, 200, 'the old key still verifies during the overlap');
  t.equal(await verifyToken(ring, old, Date.now() + 2 * HOUR), 'retired_key', 'and no longer once it has retired');

  // A leaked key: rotate with no overlap; its tokens fail at once.
  rotateSigningKey(api.dataDir, 0);
  await sleep(1_100);
  const refused = await keys(fresh);
  t.equal(refused.statusCode, 401);
  t.match(refused.json(), { code: 'unknown_signing_key', detail: /retired/ });
  t.equal((await keys(old)).statusCode, 200, 'the first key keeps its own overlap');

  // A token signed with a key the server never had, named by its own kid: 401 unknown_signing_key.
  const stranger = randomBytes(32);
  const forged = await issueToken(stranger, 'p-admin', [{ kind: 'admin' }]);
  t.equal(headerOf(forged).kid, kidOf(stranger));
  t.match((await keys(forged)).json(), { status: 401, code: 'unknown_signing_key', detail: /kid is unknown/ });
  // Naming a known kid but signed with another key: just invalid.
  const [h, p] = forged.split('.');
  const relabelled = `${Buffer.from(JSON.stringify({ ...headerOf(forged), kid: ring.current().kid })).toString('base64url')}.${p}`;
  t.match((await keys(`${relabelled}.${createHmac('sha256', stranger).update(relabelled).digest('base64url')}`)).json(), { code: 'invalid_token' });
  t.ok(h);
  // No kid at all.
  const noKid = `${Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url')}.${p}`;
  t.match((await keys(`${noKid}.${createHmac('sha256', ring.current().secret).update(noKid).digest('base64url')}`)).json(), { code: 'invalid_token', detail: /kid/ });
});

t.test('cli rotate-key', async (t) => {
  const dir = t.testdir();
  const first = loadSigningKey(dir).current().kid;
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'services/cli/main.ts', 'rotate-key', '--overlap-hours', '2'], { env: { ...process.env, DATA_DIR: dir } });
  t.match(stdout, /new signing key k-/);
  t.match(stdout, new RegExp(`the replaced key ${first} verifies until`));
  const stored = JSON.parse(readFileSync(join(dir, PREVIOUS_KEYS_FILE), 'utf8')) as { kid: string; retireAt: string }[];
  t.equal(stored.length, 1);
  t.equal(stored[0]!.kid, first);
  const hours = (Date.parse(stored[0]!.retireAt) - Date.now()) / HOUR;
  t.ok(hours > 1.9 && hours <= 2, `retires in 2 hours (${hours.toFixed(3)})`);
  t.ok(existsSync(join(dir, 'jwt-signing.key')));
  t.not(loadSigningKey(dir).current().kid, first);
  const refused = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'services/cli/main.ts', 'rotate-key'], { env: { ...process.env, DATA_DIR: dir, JWT_SECRET: 'x'.repeat(40) } }).catch((e: { code: number; stderr: string }) => e);
  t.match(refused, { code: 2, stderr: /JWT_SECRET is set/ });
});
