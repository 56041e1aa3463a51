/**
 * Reporting periods (会计期间) for disclosures and the public-income top-up check: a year (`2026`), a half
 * (`2026-H1`), a quarter (`2026-Q3`), in China time (UTC+8): a period runs from its first day 00:00 in
 * Beijing to the next period's first day 00:00, end exclusive.
 */

export type Cadence = 'year' | 'half' | 'quarter';

const CHINA_OFFSET_MS = 8 * 3600 * 1000;
const PATTERN = /^(\d{4})(?:-(H[12]|Q[1-4]))?$/;

/** Months per period of a cadence. */
const MONTHS: Record<Cadence, number> = { year: 12, half: 6, quarter: 3 };

const startOf = (year: number, month0: number): Date => new Date(Date.UTC(year, month0, 1) - CHINA_OFFSET_MS);

export function cadenceOf(period: string): Cadence | null {
  const m = PATTERN.exec(period);
  if (!m) return null;
  return m[2] === undefined ? 'year' : m[2].startsWith('H') ? 'half' : 'quarter';
}

/** [from, to) of a period; null for text that is not a period key. */
export function periodBounds(period: string): { from: Date; to: Date } | null {
  const m = PATTERN.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2200) return null;
  const part = m[2];
  const cadence = cadenceOf(period)!;
  const index = part === undefined ? 0 : Number(part.slice(1)) - 1;
  const month0 = index * MONTHS[cadence];
  return { from: startOf(year, month0), to: startOf(year, month0 + MONTHS[cadence]) };
}

/** The period of a cadence that holds an instant. */
export function periodOf(instant: Date, cadence: Cadence): string {
  const china = new Date(instant.getTime() + CHINA_OFFSET_MS);
  const year = china.getUTCFullYear();
  const month0 = china.getUTCMonth();
  if (cadence === 'year') return `${year}`;
  if (cadence === 'half') return `${year}-H${month0 < 6 ? 1 : 2}`;
  return `${year}-Q${Math.floor(month0 / 3) + 1}`;
}

/** The period after `period` (same cadence). */
export function nextPeriod(period: string): string {
  const b = periodBounds(period);
  const cadence = cadenceOf(period);
  if (!b || !cadence) throw new RangeError(`not a period: ${period}`);
  return periodOf(b.to, cadence);
}
