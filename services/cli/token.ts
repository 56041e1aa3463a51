/** `cli token --sub p1 --grant admin --grant rc_staff@<compoundId> [--ttl 3600]`: prints a bearer token (ttl ≤ 30 days). */
import { parseGrant, type Grant } from '../auth/grants.js';
import { loadSigningKey } from '../auth/keys.js';
import { DEFAULT_TOKEN_TTL_SECONDS, issueToken, MAX_TOKEN_LIFETIME_SECONDS } from '../auth/tokens.js';
import type { Config } from '../config.js';
import { option, parseArgs } from './args.js';

export async function tokenCommand(argv: string[], config: Config): Promise<number> {
  const args = parseArgs(argv);
  const sub = option(args, 'sub');
  const grantTexts = args.options.get('grant') ?? [];
  if (!sub || grantTexts.length === 0) {
    console.error('usage: token --sub <personId> --grant admin|<role>@<compoundId> [--grant ...] [--ttl seconds]');
    return 2;
  }
  const grants: Grant[] = [];
  for (const text of grantTexts) {
    const g = parseGrant(text);
    if (!g) {
      console.error(`unknown grant "${text}" (admin, or owner|oc_member|rc_staff|party_committee|street_office|property_firm|supervisor|developer@<compoundId>)`);
      return 2;
    }
    grants.push(g);
  }
  const ttlText = option(args, 'ttl') ?? String(DEFAULT_TOKEN_TTL_SECONDS);
  const ttl = /^\d+$/.test(ttlText) ? Number(ttlText) : Number.NaN;
  if (!(ttl >= 1 && ttl <= MAX_TOKEN_LIFETIME_SECONDS)) {
    console.error(`--ttl "${ttlText}": a token lives 1 to ${MAX_TOKEN_LIFETIME_SECONDS} seconds (30 days); default ${DEFAULT_TOKEN_TTL_SECONDS} (12 hours)`);
    return 2;
  }
  const key = loadSigningKey(config.dataDir, config.jwtSecret);
  console.error(`token for ${sub} with ${grantTexts.join(', ')}, valid ${ttl} s:`);
  const token = await issueToken(key, sub, grants, ttl);
  // trust17: what a revocation names (POST /v1/admin/token-revocations {jti}).
  const { jti, kid } = { ...(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { jti: string }), ...(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8')) as { kid: string }) };
  console.error(`jti ${jti}, signed with key ${kid}`);
  console.log(token);
  return 0;
}
