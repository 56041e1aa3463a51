/**
 * Sealed bids (密封投标) by commit-reveal.
 *
 * Why commit-reveal and not encryption: the terms must be unreadable by everyone, the OC and the server's own
 * admins included, until the deadline. If the server held the terms encrypted, it (or whoever runs it) would
 * also hold, or be able to obtain, the key; a "key that only exists after the deadline" needs a time-lock
 * scheme or an outside key holder this system does not have. With commit-reveal the terms are simply not
 * here before the deadline: the firm submits only a SHA-256 commitment, so no read path, database dump or
 * log export can leak them. After the deadline the firm reveals the terms and its salt; a reveal whose hash
 * differs from the commitment is refused, and a reveal before the deadline is refused too (it would put the
 * terms in the log early). A firm that never reveals has no bid (recorded as unrevealed when the window ends).
 *
 * commitment = lowercase hex SHA-256 of the UTF-8 text
 *   `hiring-bid/v1\n<tenderId>\n<firmId>\n` + JSON.stringify([fee, servicePlanRef, staffing, promises, salt])
 * (an array of strings and a number in this fixed order is canonical JSON). The salt is at least 32 characters
 * (≥ 128 bits when random): without it a fee from a small range could be found by trying every value.
 */
import { createHash } from 'node:crypto';
import { parseYuan } from '../shared/money.js';

/** A bid's terms (投标报价与承诺). */
export interface BidTerms {
  /** Fee per m² of exclusive area per month, yuan to the fen (e.g. "1.50"). */
  readonly feePerSquareMetreMonth: string;
  /** The reference of the service plan document (服务方案). */
  readonly servicePlanRef: string;
  /** Staff on site (人员配置). */
  readonly staffing: number;
  /** Public service promises (服务承诺; Civil Code Art. 938 para. 2: they bind the firm). */
  readonly promises: readonly string[];
}

export const SALT_MIN_LENGTH = 32;

export function bidCommitment(tenderId: string, firmId: string, terms: BidTerms, salt: string): string {
  const body = JSON.stringify([terms.feePerSquareMetreMonth, terms.servicePlanRef, terms.staffing, [...terms.promises], salt]);
  return createHash('sha256').update(`hiring-bid/v1\n${tenderId}\n${firmId}\n${body}`, 'utf8').digest('hex');
}

export const COMMITMENT_PATTERN = /^[0-9a-f]{64}$/;

/** The terms checked and normalised, or why not. */
export function checkTerms(input: unknown): BidTerms | string {
  const t = input as Partial<Record<keyof BidTerms, unknown>> | null;
  if (typeof t !== 'object' || t === null) return 'terms are an object';
  if (typeof t.feePerSquareMetreMonth !== 'string' || parseYuan(t.feePerSquareMetreMonth) === null || parseYuan(t.feePerSquareMetreMonth)! <= 0n)
    return 'feePerSquareMetreMonth is a positive yuan amount with at most two decimals';
  if (typeof t.servicePlanRef !== 'string' || t.servicePlanRef.trim() === '' || t.servicePlanRef.length > 500) return 'servicePlanRef is 1 to 500 characters';
  if (typeof t.staffing !== 'number' || !Number.isInteger(t.staffing) || t.staffing < 0 || t.staffing > 100_000) return 'staffing is a whole number of people';
  if (!Array.isArray(t.promises) || t.promises.length > 100 || !t.promises.every((p) => typeof p === 'string' && p.length > 0 && p.length <= 1000))
    return 'promises are up to 100 texts of 1 to 1000 characters';
  return { feePerSquareMetreMonth: t.feePerSquareMetreMonth, servicePlanRef: t.servicePlanRef, staffing: t.staffing, promises: t.promises as string[] };
}
