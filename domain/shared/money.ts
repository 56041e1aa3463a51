/**
 * Money (金额), exact: a bigint count of fen (分, 0.01 yuan). Written in events and on the wire as a yuan
 * decimal string with at most two decimals ("1500000", "1500000.5", "0.01"); never a float.
 */

/** Fen. */
export type Fen = bigint;

/**
 * The largest amount accepted from outside: ¥10,000,000,000 (10^12 fen). A compound's whole maintenance fund
 * is far below it (a 20,000-unit compound at ¥200/m² on 100 m² each holds ¥400 million); the bound keeps
 * sums of many amounts exact and well inside what any view prints.
 */
export const MAX_FEN: Fen = 1_000_000_000_000n;

const YUAN_PATTERN = /^(0|[1-9]\d{0,10})(?:\.(\d{1,2}))?$/;

/** Parses "1500000", "1.5" or "0.01" to fen; null for anything else (sign, exponent, > 2 decimals, > MAX_FEN). */
export function parseYuan(text: string): Fen | null {
  const m = YUAN_PATTERN.exec(text);
  if (!m) return null;
  const fen = BigInt(m[1]!) * 100n + BigInt((m[2] ?? '').padEnd(2, '0'));
  return fen <= MAX_FEN ? fen : null;
}

/** Always two decimals: "1500000.00", "0.01", "-3.50". Never rounds; any size (sums may exceed MAX_FEN). */
export function formatYuan(fen: Fen): string {
  const negative = fen < 0n;
  const abs = negative ? -fen : fen;
  return `${negative ? '-' : ''}${abs / 100n}.${(abs % 100n).toString().padStart(2, '0')}`;
}
