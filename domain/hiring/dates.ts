/** Calendar arithmetic on China dates (YYYY-MM-DD) for contract terms. */
import { addDays, parseChinaDate, startOfChinaDay, type ChinaDate } from '../time/legalPeriod.js';

/** The same day `months` later; a day the month lacks becomes its last day (1-31 + 1 month = 2-28/29). */
export function addMonths(date: ChinaDate, months: number): ChinaDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last day of a term of `months` from `startsOn` (inclusive): 2026-04-01 + 12 months → 2027-03-31. */
export const termLastDay = (startsOn: ChinaDate, months: number): ChinaDate => addDays(addMonths(startsOn, months), -1);

/** The instant a day ends (24:00 China time, Civil Code Art. 203): the start of the next day. */
export const endOfChinaDay = (date: ChinaDate): Date => startOfChinaDay(parseChinaDate(date)! + 1);

export const isChinaDate = (text: unknown): text is ChinaDate => typeof text === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(text) && parseChinaDate(text) !== null;
