/**
 * Exclusive area (专有部分面积), exact. Kept as a bigint count of ten-thousandths of a square metre
 * (registries give 2 to 4 decimals; 区分所有权解释 Art. 8 says which figure counts, never how to round it).
 * Written in events and on the wire as a decimal string.
 */

/** Ten-thousandths of a square metre. */
export type Area = bigint;

/**
 * The largest exclusive area one unit may have: 1,000,000 m² (10^10 ten-thousandths). The largest single
 * buildings in the world are under 1,000,000 m² in all; no dwelling, shop or parking space comes near. The bound
 * keeps every figure real and every sum far inside what any view prints, exactly.
 */
export const MAX_UNIT_AREA: Area = 1_000_000n * 10_000n;

/** Digits a figure may have at most: sums of bounded unit areas stay far below. */
const AREA_PATTERN = /^(\d{1,24})(?:\.(\d{1,4}))?$/;

/**
 * Parses an exact figure: "88.5", "120.0325", "75", or a sum of many areas; null for anything else (sign,
 * exponent, > 4 decimals, blanks). Unbounded but for its length: figures this service wrote (sums) parse back.
 * Input from outside goes through `parseUnitArea`, which bounds it.
 */
export function parseArea(text: string): Area | null {
  if (typeof text !== 'string') return null;
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

/** A unit's exclusive area from input: an exact figure, positive and at most `MAX_UNIT_AREA`; else why not. */
export function parseUnitArea(text: string): Area | 'invalid' | 'not_positive' | 'too_large' {
  const area = parseArea(text);
  if (area === null) return 'invalid';
  if (area <= 0n) return 'not_positive';
  if (area > MAX_UNIT_AREA) return 'too_large';
  return area;
}

export function sumAreas(areas: Iterable<Area>): Area {
  let total = 0n;
  for (const a of areas) total += a;
  return total;
}
