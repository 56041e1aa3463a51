/** `cli rotate-key [--overlap-hours N]` (trust17): a new token signing key; the old one verifies N more hours. */
import { rotateSigningKey } from '../auth/rotate.js';
import type { Config } from '../config.js';
import { option, parseArgs } from './args.js';

export function rotateKeyCommand(argv: string[], config: Config): number {
  if (config.jwtSecret !== undefined) {
    console.error('JWT_SECRET is set: the signing key is that secret (change it to rotate; every token then fails). rotate-key manages the keys in DATA_DIR.');
    return 2;
  }
  const text = option(parseArgs(argv), 'overlap-hours') ?? String(config.jwtKeyOverlapHours);
  const hours = /^\d{1,4}$/.test(text) ? Number(text) : Number.NaN;
  if (!(hours >= 0 && hours <= 8_760)) {
    console.error(`--overlap-hours "${text}": a whole number of hours from 0 to 8760 (default JWT_KEY_OVERLAP_HOURS, ${config.jwtKeyOverlapHours})`);
    return 2;
  }
  const r = rotateSigningKey(config.dataDir, hours);
  console.log(`new signing key ${r.currentKid}`);
  if (r.replacedKid) console.log(`the replaced key ${r.replacedKid} verifies until ${r.replacedRetiresAt}${hours === 0 ? ' (retired now)' : ''}`);
  if (r.droppedKids.length > 0) console.log(`dropped retired keys: ${r.droppedKids.join(', ')}`);
  return 0;
}
