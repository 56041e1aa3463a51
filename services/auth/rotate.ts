/**
 * Rotating the token signing key (trust17): a new random key becomes current; the replaced one joins the
 * previous keys and still verifies the tokens it signed for `overlapHours` (then it retires); previous keys
 * already retired are dropped. Used by `npm run cli -- rotate-key`; a running server picks the change up within
 * a second (keys.ts). With an overlap of 0 the replaced key stops verifying at once (a leaked key).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENT_KEY_FILE, kidOf, readPreviousKeys, writePreviousKeys, type TokenKey } from './keys.js';

export interface Rotation {
  readonly currentKid: string;
  /** The replaced key, null when there was none (a first start). */
  readonly replacedKid: string | null;
  readonly replacedRetiresAt: string | null;
  /** Previous keys still verifying after the rotation. */
  readonly previousKids: readonly string[];
  /** Kids dropped because they had retired. */
  readonly droppedKids: readonly string[];
}

export function rotateSigningKey(dataDir: string, overlapHours: number, nowMs: number = Date.now()): Rotation {
  if (!Number.isSafeInteger(overlapHours) || overlapHours < 0) throw new RangeError(`the overlap is a whole number of hours ≥ 0, not ${overlapHours}`);
  const currentFile = join(dataDir, CURRENT_KEY_FILE);
  const previous = readPreviousKeys(dataDir);
  const kept = previous.filter((k) => k.retireAt === undefined || k.retireAt > nowMs);
  const dropped = previous.filter((k) => !kept.includes(k)).map((k) => k.kid);
  let replaced: TokenKey | null = null;
  if (existsSync(currentFile)) {
    const secret = new TextEncoder().encode(readFileSync(currentFile, 'utf8').trim());
    replaced = { kid: kidOf(secret), secret, retireAt: nowMs + overlapHours * 3_600_000 };
  }
  const next = replaced ? [...kept.filter((k) => k.kid !== replaced!.kid), replaced] : kept;
  // The previous keys first: between the two writes the old key is in both files, which verifies the same.
  writePreviousKeys(dataDir, next);
  const fresh = randomBytes(32).toString('base64url');
  const temp = `${currentFile}.${process.pid}.tmp`;
  writeFileSync(temp, fresh, { mode: 0o600 });
  renameSync(temp, currentFile);
  return {
    currentKid: kidOf(new TextEncoder().encode(fresh)),
    replacedKid: replaced?.kid ?? null,
    replacedRetiresAt: replaced ? new Date(replaced.retireAt!).toISOString() : null,
    previousKids: next.map((k) => k.kid),
    droppedKids: dropped,
  };
}
