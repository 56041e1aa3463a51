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
 * Rest days come from a calendar passed in as data. The default counts Saturdays and Sundays as rest days (公休日,
 * which courts treat as 法定休假日) and knows no public holidays: the operator loads each year's State Council
 * holiday notice (节假日 and 调休 working weekends) into a `HolidayCalendar`.
 */

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
}

/** The default: weekends rest, no public holidays known. */
export const WEEKENDS_ONLY: HolidayCalendar = { weekendsAreRestDays: true, holidays: [], workdays: [] };

/** No rest days at all: for lengths that are not deadlines (e.g. a voting window's minimum length). */
export const NO_REST_DAYS: HolidayCalendar = { weekendsAreRestDays: false, holidays: [], workdays: [] };

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
export function isRestDay(date: ChinaDate, calendar: HolidayCalendar = WEEKENDS_ONLY): boolean {
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
export function periodLastDay(trigger: Date, days: number, calendar: HolidayCalendar = WEEKENDS_ONLY): ChinaDate {
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
export function periodEnd(trigger: Date, days: number, calendar: HolidayCalendar = WEEKENDS_ONLY): Date {
  const last = parseChinaDate(periodLastDay(trigger, days, calendar))!;
  return startOfChinaDay(last + 1);
}

/** Whether the period has run (届满) at `now`: the clock has reached the end of its last day. */
export function periodHasRun(
  trigger: Date,
  days: number,
  now: Date,
  calendar: HolidayCalendar = WEEKENDS_ONLY,
): boolean {
  return now.getTime() >= periodEnd(trigger, days, calendar).getTime();
}
