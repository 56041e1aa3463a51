import { createHmac, createSecretKey, randomBytes } from 'node:crypto';
import t from 'tap';
import { jwtVerify, SignJWT, errors } from 'jose';
import { verifyHs256 } from '../../services/auth/hs256.js';
import { issueToken, verifyToken } from '../../services/auth/tokens.js';
import { kidOf } from '../../services/auth/keys.js';

const secret = randomBytes(32);
const key = createSecretKey(secret);
const claims = { issuer: 'compound-governance', audience: 'compound-governance-api' };
const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
const mac = (input: string, k: Uint8Array = secret) => createHmac('sha256', k).update(input).digest('base64url');
const now = Math.floor(Date.now() / 1000);
const good = { sub: 'p1', iss: claims.issuer, aud: claims.audience, iat: now, exp: now + 3600, grants: ['owner@c1'] };
const signed = (header: unknown, payload: unknown, k?: Uint8Array) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${mac(input, k)}`;
};

/** jose's verdict, the reference this verifier is held to (with `exp` required, as here). */
async function joseSays(token: string): Promise<'ok' | 'expired' | 'invalid'> {
  try {
    await jwtVerify(token, key, { issuer: claims.issuer, audience: claims.audience, algorithms: ['HS256'], requiredClaims: ['exp'] });
    return 'ok';
  } catch (error) {
    return error instanceof errors.JWTExpired ? 'expired' : 'invalid';
  }
}
/** Our verdict in jose's terms: every refusal but `expired` is jose's `invalid`. */
const oursSays = (token: string) => {
  const r = verifyHs256(key, token, claims);
  return r.ok ? 'ok' : r.reason === 'expired' ? 'expired' : 'invalid';
};
const reason = (token: string, c: Parameters<typeof verifyHs256>[2] = claims) => {
  const r = verifyHs256(key, token, c);
  return r.ok ? 'ok' : r.reason;
};

/** The header as tokens.ts parses it for the kid (leniently), or null unless it is a JSON object. */
const parsedHeader = (token: string): Record<string, unknown> | null => {
  try {
    const v: unknown = JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8'));
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
};

t.test('agrees with jose on good, tampered and malformed tokens', async (t) => {
  const token = await new SignJWT({ grants: ['owner@c1'] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('p1')
    .setIssuer(claims.issuer)
    .setAudience(claims.audience)
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(key);
  const [h, p, s] = token.split('.') as [string, string, string];
  const flip = (text: string, i: number) => text.slice(0, i) + (text[i] === 'A' ? 'B' : 'A') + text.slice(i + 1);
  const cases: Record<string, string> = {
    'jose-issued': token,
    'hand-signed': signed({ alg: 'HS256', typ: 'JWT' }, good),
    'audience in an array': signed({ alg: 'HS256' }, { ...good, aud: ['other', claims.audience] }),
    'no exp': signed({ alg: 'HS256' }, { ...good, exp: undefined }),
    'signature flipped': `${h}.${p}.${flip(s, 5)}`,
    'payload flipped': `${h}.${flip(p, 10)}.${s}`,
    'signature in base64 alphabet': `${h}.${p}.${s.replace(/-/g, '+').replace(/_/g, '/')}`,
    'signature truncated': `${h}.${p}.${s.slice(0, 42)}`,
    'signature missing': `${h}.${p}.`,
    'two segments': `${h}.${p}`,
    'four segments': `${token}.x`,
    'not a jwt': 'not-a-jwt',
    'empty': '',
    'alg none': `${b64({ alg: 'none' })}.${p}.`,
    'alg none with a mac': `${b64({ alg: 'none' })}.${p}.${mac(`${b64({ alg: 'none' })}.${p}`)}`,
    'alg HS512 header, HS256 mac': signed({ alg: 'HS512' }, good),
    'crit header': signed({ alg: 'HS256', crit: ['exp'] }, good),
    'other key': signed({ alg: 'HS256' }, good, randomBytes(32)),
    'wrong issuer': signed({ alg: 'HS256' }, { ...good, iss: 'someone' }),
    'no issuer': signed({ alg: 'HS256' }, { ...good, iss: undefined }),
    'wrong audience': signed({ alg: 'HS256' }, { ...good, aud: 'other' }),
    'expired': signed({ alg: 'HS256' }, { ...good, exp: now - 10 }),
    'expired and wrong audience': signed({ alg: 'HS256' }, { ...good, exp: now - 10, aud: 'other' }),
    'exp as a string': signed({ alg: 'HS256' }, { ...good, exp: String(now + 3600) }),
    'not yet valid': signed({ alg: 'HS256' }, { ...good, nbf: now + 600 }),
    'payload an array': signed({ alg: 'HS256' }, [1, 2]),
    'payload not json': (() => {
      const input = `${b64({ alg: 'HS256' })}.${b64('{"sub":')}`;
      return `${input}.${mac(input)}`;
    })(),
    'header not json': (() => {
      const input = `${b64('nope')}.${p}`;
      return `${input}.${mac(input)}`;
    })(),
  };
  for (const [name, text] of Object.entries(cases)) {
    t.equal(oursSays(text), await joseSays(text), name);
    // #18: keyed by the secret's bytes, and with the header parsed by the caller (tokens.ts), the same verdict.
    t.same(verifyHs256(secret, text, claims), verifyHs256(key, text, claims), `${name}: keyed by the bytes`);
    const header = parsedHeader(text);
    if (header) t.same(verifyHs256(secret, text, claims, undefined, header), verifyHs256(key, text, claims), `${name}: header given`);
  }
  // A header outside the base64url alphabet is refused even when the caller could parse it.
  const plusHeader = b64({ alg: 'HS256', x: '>>>' }).replace(/-/g, '+');
  t.ok(plusHeader.includes('+'), 'the header has a + in it');
  const plus = `${plusHeader}.${b64(good)}`;
  const plusToken = `${plus}.${mac(plus)}`;
  t.same(verifyHs256(secret, plusToken, claims, undefined, parsedHeader(plusToken)!), { ok: false, reason: 'invalid' });
  t.same(verifyHs256(key, plusToken, claims), { ok: false, reason: 'invalid' });
  t.equal(oursSays(cases['jose-issued']!), 'ok', 'a good token passes');
  // Stricter than jose on purpose: only the canonical encoding of the MAC is accepted.
  t.equal(oursSays(`${h}.${p}.${s}=`), 'invalid', 'a padded signature is refused (jose tolerates it)');
  t.equal(oursSays(cases.expired!), 'expired', 'an expired token is told apart');
  t.equal(reason(cases['no exp']!), 'no_expiry', 'a token without exp is refused and told apart');
  t.equal(reason(cases['exp as a string']!), 'invalid');
  const capped = { ...claims, maxLifetimeSeconds: 3600 };
  t.equal(reason(cases['hand-signed']!, capped), 'ok', 'a lifetime of exactly the cap');
  t.equal(reason(signed({ alg: 'HS256' }, { ...good, exp: now + 3601 }), capped), 'too_long_lived', 'a second over the cap');
  t.equal(reason(signed({ alg: 'HS256' }, { ...good, exp: now + 3601 })), 'ok', 'no cap without maxLifetimeSeconds');
});

t.test('verifyToken: principal from a valid token, cached only until it expires', async (t) => {
  const token = await issueToken(secret, 'p9', [{ kind: 'scoped', role: 'owner', compoundId: 'c1' }], 1);
  t.same(await verifyToken(secret, token), { personId: 'p9', grants: [{ kind: 'scoped', role: 'owner', compoundId: 'c1' }] });
  t.same(await verifyToken(secret, token), { personId: 'p9', grants: [{ kind: 'scoped', role: 'owner', compoundId: 'c1' }] }, 'again, from the cache');
  t.equal(await verifyToken(randomBytes(32), token), 'unknown_key', 'the cache is per key (another key: the kid is unknown)');
  t.equal(await verifyToken(secret, token, Date.now() + 2100), 'expired', 'the cache does not outlive exp (judged 2.1 s later)');
  const noSub = signed({ alg: 'HS256', kid: kidOf(secret) }, { ...good, sub: undefined });
  t.equal(await verifyToken(secret, noSub), 'invalid', 'a token without sub');
  const badGrant = signed({ alg: 'HS256', kid: kidOf(secret) }, { ...good, grants: ['king@c1'] });
  t.equal(await verifyToken(secret, badGrant), 'invalid', 'an unknown grant');
});
