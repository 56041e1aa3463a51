/**
 * Legal periods (期间), Civil Code Arts. 200–204, in China time.
 *
 * - Art. 200: periods are counted in calendar years, months, days and hours.
 * - Art. 201: a period counted in days does not count the day it starts (开始的当日不计入); it starts the next day.
 * - Art. 203: if the last day is a statutory rest day (法定休假日), the day after the rest ends is the last day;
 *   the last day ends at 24:00 (截止时间为二十四时).
 * - Art. 204: unless a law or the parties say otherwise.
 *
 * So a period of N days triggered at any instant of China day D runs over D+1 … D+N (its last day, rolled past
 * rest days) and ends at 24:00 of that last day, i.e. at 00:00 China time of the following day. "Has run" means
 * the clock has reached that instant.
 *
 * China time is UTC+8 all year (Asia/Shanghai has had no daylight saving since 1991), so plain arithmetic on
 * epoch milliseconds is exact; no time-zone database is needed.
 *
 * Rest days come from a calendar passed in as data. The default, `DEFAULT_CALENDAR`, is China's statutory
 * calendar for the years the project ships (calendars/cnStatutory.ts: each year's State Council notice, 节假日 and
 * 调休 working weekends); in a year it does not cover, Saturdays and Sundays are the rest days (公休日, which
 * courts treat as 法定休假日) and `calendarUsedOn` says so. An operator may load another calendar
 * (HOLIDAYS_FILE).
 */
import { CN_STATUTORY_YEARS } from './calendars/cnStatutory.js';

/** A calendar date in China time, `YYYY-MM-DD`. */
export type ChinaDate = string;

/** Statutory rest days (法定休假日) as data. */
export interface HolidayCalendar {
  /** Saturdays and Sundays are rest days unless listed in `workdays`. */
  readonly weekendsAreRestDays: boolean;
  /** Public holidays (法定节假日), e.g. the Spring Festival days of the year's State Council notice. */
  readonly holidays: readonly ChinaDate[];
  /** Weekend days made working days by the year's adjustment (调休上班). */
  readonly workdays: readonly ChinaDate[];
  /** What the calendar is, as deadlines and refusals name it (e.g. `cn-statutory`). */
  readonly name?: string;
  /** The years whose holidays it knows; absent = every year it lists dates for counts as known. */
  readonly coveredYears?: readonly number[];
}

/** Weekends rest, no public holidays known. */
export const WEEKENDS_ONLY: HolidayCalendar = { weekendsAreRestDays: true, holidays: [], workdays: [], name: 'weekends-only' };

/** No rest days at all: for lengths that are not deadlines (e.g. a voting window's minimum length). */
export const NO_REST_DAYS: HolidayCalendar = { weekendsAreRestDays: false, holidays: [], workdays: [], name: 'no-rest-days' };

/** China's statutory calendar for the years shipped (calendars/cnStatutory.ts), weekends only outside them. */
export const CN_STATUTORY: HolidayCalendar = {
  weekendsAreRestDays: true,
  holidays: CN_STATUTORY_YEARS.flatMap((y) => y.holidays),
  workdays: CN_STATUTORY_YEARS.flatMap((y) => y.workdays),
  name: 'cn-statutory',
  coveredYears: CN_STATUTORY_YEARS.map((y) => y.year),
};

/** The calendar every legal period uses unless one is passed in (Civil Code Arts. 200–204). */
export const DEFAULT_CALENDAR: HolidayCalendar = CN_STATUTORY;

/** Whether the calendar knows the holidays of `year`. */
export function coversYear(calendar: HolidayCalendar, year: number): boolean {
  if (calendar.coveredYears) return calendar.coveredYears.includes(year);
  return [...calendar.holidays, ...calendar.workdays].some((d) => d.startsWith(`${year}-`));
}

/**
 * The calendar a period ending on `date` was counted with, as records name it: the calendar's own name when it
 * covers that year, else `weekends-only` (the year's holidays are unknown: only weekends rested).
 */
export function calendarUsedOn(calendar: HolidayCalendar, date: ChinaDate): string {
  if (!calendar.weekendsAreRestDays && calendar.holidays.length === 0) return calendar.name ?? 'no-rest-days';
  return coversYear(calendar, Number(date.slice(0, 4))) ? (calendar.name ?? 'custom') : 'weekends-only';
}

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of the China date an instant falls on. */
export function chinaDayNumber(instant: Date): number {
  return Math.floor((instant.getTime() + CHINA_OFFSET_MS) / DAY_MS);
}

export function dayNumberToDate(day: number): ChinaDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Day number of a `YYYY-MM-DD` date; null when it is not a real calendar date. */
export function parseChinaDate(date: string): number | null {
  const m = DATE_PATTERN.exec(date);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const day = ms / DAY_MS;
  return dayNumberToDate(day) === date ? day : null;
}

/** The China date an instant falls on. */
export function chinaDateOf(instant: Date): ChinaDate {
  return dayNumberToDate(chinaDayNumber(instant));
}

/** 00:00 China time of a day number. */
export function startOfChinaDay(day: number): Date {
  return new Date(day * DAY_MS - CHINA_OFFSET_MS);
}

export function addDays(date: ChinaDate, days: number): ChinaDate {
  const day = parseChinaDate(date);
  if (day === null) throw new RangeError(`not a date: ${date}`);
  return dayNumberToDate(day + days);
}

/** Whether a China date is a statutory rest day in the calendar. */
export function isRestDay(date: ChinaDate, calendar: HolidayCalendar = DEFAULT_CALENDAR): boolean {
  if (calendar.holidays.includes(date)) return true;
  if (!calendar.weekendsAreRestDays || calendar.workdays.includes(date)) return false;
  const day = parseChinaDate(date);
  if (day === null) throw new RangeError(`not a date: ${date}`);
  const weekday = (day + 4) % 7; // 1970-01-01 was a Thursday (4); 0 = Sunday, 6 = Saturday
  return weekday === 0 || weekday === 6;
}

function checkDays(days: number): void {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`a period has a whole number of days >= 1: ${days}`);
}

/**
 * The last day of a period of `days` days triggered at `trigger` (Arts. 201, 203): the trigger's China date
 * plus `days`, moved forward past rest days.
 */
export function periodLastDay(trigger: Date, days: number, calendar: HolidayCalendar = DEFAULT_CALENDAR): ChinaDate {
  checkDays(days);
  let last = chinaDayNumber(trigger) + days;
  // Art. 203: a last day on a rest day moves to the day after the rest ends. Bounded: no calendar rests forever.
  for (let guard = 0; isRestDay(dayNumberToDate(last), calendar); guard++) {
    if (guard > 366) throw new RangeError('holiday calendar rests for more than a year');
    last += 1;
  }
  return dayNumberToDate(last);
}

/** The instant a period ends: 24:00 of its last day, i.e. 00:00 China time of the day after (Art. 203). */
export function periodEnd(trigger: Date, days: number, calendar: HolidayCalendar = DEFAULT_CALENDAR): Date {
  const last = parseChinaDate(periodLastDay(trigger, days, calendar))!;
  return startOfChinaDay(last + 1);
}

/** Whether the period has run (届满) at `now`: the clock has reached the end of its last day. */
export function periodHasRun(
  trigger: Date,
  days: number,
  now: Date,
  calendar: HolidayCalendar = DEFAULT_CALENDAR,
): boolean {
  return now.getTime() >= periodEnd(trigger, days, calendar).getTime();
}
