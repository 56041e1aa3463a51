/**
 * Exclusive area (专有部分面积), exact. Kept as a bigint count of ten-thousandths of a square metre
 * (registries give 2 to 4 decimals; 区分所有权解释 Art. 8 says which figure counts, never how to round it).
 * Written in events and on the wire as a decimal string.
 */

/** Ten-thousandths of a square metre. */
export type Area = bigint;

const AREA_PATTERN = /^(\d{1,12})(?:\.(\d{1,4}))?$/;

/** Parses "88.5", "120.0325" or "75"; null for anything else (sign, exponent, > 4 decimals, blanks). */
export function parseArea(text: string): Area | null {
  const m = AREA_PATTERN.exec(text);
  if (!m) return null;
  const whole = BigInt(m[1]!);
  const frac = BigInt((m[2] ?? '').padEnd(4, '0'));
  return whole * 10_000n + frac;
}

/** At least 2 decimals, and as many more as needed: 1350.74, 88.125, 0.0001. Never rounds. */
export function formatArea(area: Area): string {
  const negative = area < 0n;
  const abs = negative ? -area : area;
  const whole = abs / 10_000n;
  let frac = (abs % 10_000n).toString().padStart(4, '0');
  while (frac.length > 2 && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

export function sumAreas(areas: Iterable<Area>): Area {
  let total = 0n;
  for (const a of areas) total += a;
  return total;
}
