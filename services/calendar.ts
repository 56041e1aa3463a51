/**
 * The holiday calendar legal periods are counted with (Civil Code Arts. 200–204): China's statutory calendar
 * shipped with the code (domain/time/calendars/cnStatutory.ts) unless `HOLIDAYS_FILE` names another, checked
 * when the server starts. The command handler lends it to every decision (services/commands/handler.ts).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { coversYear, DEFAULT_CALENDAR, type HolidayCalendar } from '../domain/time/legalPeriod.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD');
const fileSchema = z.object({
  name: z.string().min(1).max(100).default('custom'),
  years: z
    .array(z.object({ year: z.number().int().min(2000).max(2099), source: z.string().min(1).max(500), holidays: z.array(date).max(100), workdays: z.array(date).max(50) }))
    .min(1)
    .max(100),
});

export class CalendarError extends Error {}

/**
 * A calendar from a JSON file `{name?, years: [{year, source, holidays: [YYYY-MM-DD], workdays: [YYYY-MM-DD]}]}`
 * (the shape of cnStatutory.ts), replacing the built-in one.
 */
export function loadCalendarFile(file: string): HolidayCalendar {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CalendarError(`HOLIDAYS_FILE cannot be read as JSON: ${(error as Error).message}`);
  }
  const result = fileSchema.safeParse(parsed);
  if (!result.success) throw new CalendarError(`HOLIDAYS_FILE is not a calendar: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { name, years } = result.data;
  for (const y of years) {
    const stray = [...y.holidays, ...y.workdays].find((d) => !d.startsWith(`${y.year}-`) && !d.startsWith(`${y.year - 1}-12-`));
    if (stray) throw new CalendarError(`HOLIDAYS_FILE: ${stray} is not in ${y.year}`);
  }
  return {
    weekendsAreRestDays: true,
    holidays: years.flatMap((y) => y.holidays),
    workdays: years.flatMap((y) => y.workdays),
    name,
    coveredYears: years.map((y) => y.year),
  };
}

let active: HolidayCalendar = DEFAULT_CALENDAR;

/** The calendar the command handler lends to decisions. */
export const activeCalendar = (): HolidayCalendar => active;

/** Sets it (at start, from the configuration). */
export function useCalendar(calendar: HolidayCalendar): void {
  active = calendar;
}

/** The years around `now` the calendar does not cover: the server warns about them at start. */
export function uncoveredYears(calendar: HolidayCalendar, now: Date): number[] {
  const year = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  return [year, year + 1].filter((y) => !coversYear(calendar, y));
}
