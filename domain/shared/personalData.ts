/**
 * Personal data (个人信息, PIPL Art. 4) as events carry it. Person ids are pseudonymous and stay in clear (counts
 * need them); names and other data that identify a person are sealed under a key of that person, held outside
 * the log (services/personalData). Hashes and the log tree cover the sealed form, so destroying the key
 * forgets the data (PIPL Art. 47) while every chain still verifies.
 */

/** The sealed form (`pd/v1`): AES-256-GCM under the person's key `kid`; iv, ct and tag base64url. */
export interface SealedText {
  readonly enc: 'pd/v1';
  readonly kid: string;
  readonly iv: string;
  readonly ct: string;
  readonly tag: string;
}

/**
 * A piece of personal data in an event or a state: sealed, or a plain string. A plain string is either a
 * command's input not yet sealed, or a legacy event written before `pd/v1` (read as it is).
 */
export type PersonalText = string | SealedText;

export function isSealed(value: unknown): value is SealedText {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return v.enc === 'pd/v1' && typeof v.kid === 'string' && typeof v.iv === 'string' && typeof v.ct === 'string' && typeof v.tag === 'string';
}

/** What a view shows in place of personal data whose key was destroyed (or whose person asked to be forgotten). */
export const ERASED = '已删除';
