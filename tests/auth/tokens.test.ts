/**
 * Token lifetimes (issue #9 item 4): a token without `exp` is refused, lifetimes are capped, and the cache of
 * verified tokens keeps none past its `exp`.
 */
import { createHmac, randomBytes } from 'node:crypto';
import t from 'tap';
import { kidOf } from '../../services/auth/keys.js';
import { issueToken, MAX_TOKEN_LIFETIME_SECONDS, verifiedTokenCount, verifyToken } from '../../services/auth/tokens.js';

const secret = randomBytes(32);
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const signed = (payload: Record<string, unknown>, k: Uint8Array = secret) => {
  const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: kidOf(k) })}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', k).update(input).digest('base64url')}`;
};
const now = () => Math.floor(Date.now() / 1000);
const claims = (extra: Record<string, unknown>) => ({ sub: 'p1', iss: 'compound-governance', aud: 'compound-governance-api', grants: ['owner@c1'], ...extra });
const DAY = 24 * 3600;

t.test('a token without exp is refused, and not remembered', async (t) => {
  const forever = signed(claims({ iat: now() }));
  t.equal(await verifyToken(secret, forever), 'no_expiry');
  t.equal(await verifyToken(secret, forever), 'no_expiry', 'again: nothing was cached');
  t.equal(await verifyToken(secret, signed(claims({}))), 'no_expiry', 'without iat either');
});

t.test('lifetimes are capped at 30 days', async (t) => {
  t.equal(MAX_TOKEN_LIFETIME_SECONDS, 30 * DAY);
  const at = now();
  t.same(await verifyToken(secret, signed(claims({ iat: at, exp: at + 30 * DAY }))), { personId: 'p1', grants: [{ kind: 'scoped', role: 'owner', compoundId: 'c1' }] }, 'exactly 30 days');
  t.equal(await verifyToken(secret, signed(claims({ iat: at, exp: at + 30 * DAY + 1 }))), 'too_long_lived', 'a second more');
  t.equal(await verifyToken(secret, signed(claims({ iat: at - 400 * DAY, exp: at + 10 }))), 'too_long_lived', 'issued long ago, still valid: too long');
  t.equal(await verifyToken(secret, signed(claims({ exp: at + 31 * DAY }))), 'too_long_lived', 'no iat: counted from now');
  t.equal(await verifyToken(secret, signed(claims({ iat: at + 20 * DAY, exp: at + 45 * DAY }))), 'too_long_lived', 'iat in the future does not stretch it');
  t.equal(await verifyToken(secret, signed(claims({ iat: at - 40 * DAY, exp: at - 1 }))), 'expired', 'expired is told first');
});

t.test('issueToken issues within the cap only', async (t) => {
  const key = randomBytes(32);
  const token = await issueToken(key, 'p1', [{ kind: 'admin' }], 30 * DAY);
  const payload = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { iat: number; exp: number };
  t.equal(payload.exp - payload.iat, 30 * DAY);
  t.ok(typeof (await verifyToken(key, token)) === 'object', 'and it verifies');
  const byDefault = JSON.parse(Buffer.from((await issueToken(key, 'p1', [{ kind: 'admin' }])).split('.')[1]!, 'base64url').toString('utf8')) as { iat: number; exp: number };
  t.equal(byDefault.exp - byDefault.iat, 12 * 3600, '12 hours by default');
  for (const ttl of [30 * DAY + 1, 0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    await t.rejects(issueToken(key, 'p1', [{ kind: 'admin' }], ttl), RangeError, `ttl ${ttl} refused`);
  }
});

t.test('the cache of verified tokens drops tokens once they expire', async (t) => {
  const key = randomBytes(32);
  const before = verifiedTokenCount();
  const short = await issueToken(key, 'p-short', [{ kind: 'admin' }], 1);
  t.type(await verifyToken(key, short), 'object');
  t.equal(verifiedTokenCount(), before + 1, 'remembered while valid');
  // 2.1 s later (judged at that instant, not slept through). Any later verification sweeps what has expired,
  // even without asking for the expired token again.
  const later = Date.now() + 2100;
  const other = await issueToken(key, 'p-other', [{ kind: 'admin' }], 3600);
  t.type(await verifyToken(key, other, later), 'object');
  t.equal(verifiedTokenCount(), before + 1, 'the expired one is gone, the new one is there');
  t.equal(await verifyToken(key, short, later), 'expired');
});

t.test('the cache finds a token by its signature but serves only the exact token it verified (#18)', async (t) => {
  const key = randomBytes(32);
  const genuine = await issueToken(key, 'p-owner', [{ kind: 'scoped', role: 'owner', compoundId: 'c-1' }], 3600);
  const first = await verifyToken(key, genuine);
  t.same(typeof first === 'object' ? first.personId : first, 'p-owner');
  const before = verifiedTokenCount();
  // The genuine signature on another payload (an admin grant): same cache key, different token.
  const [header, payload, signature] = genuine.split('.') as [string, string, string];
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const forged = `${header}.${Buffer.from(JSON.stringify({ ...claims, grants: ['admin'] })).toString('base64url')}.${signature}`;
  t.equal(await verifyToken(key, forged), 'invalid', 'refused although its signature is cached');
  t.equal(verifiedTokenCount(), before, 'and not remembered');
  const again = await verifyToken(key, genuine);
  t.same(typeof again === 'object' ? again.grants : again, first === 'invalid' ? [] : (first as { grants: unknown }).grants, 'the genuine token still verifies from its entry');
});
