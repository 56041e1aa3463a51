import t from 'tap';
import {
  NO_REST_DAYS,
  DEFAULT_CALENDAR,
  calendarUsedOn,
  WEEKENDS_ONLY,
  addDays,
  chinaDateOf,
  isRestDay,
  parseChinaDate,
  periodEnd,
  periodHasRun,
  periodLastDay,
  type HolidayCalendar,
} from '../../../domain/time/legalPeriod.js';

const at = (iso: string) => new Date(iso);

t.test('China dates: UTC+8, midnight belongs to the new day', async (t) => {
  t.equal(chinaDateOf(at('2024-03-04T15:59:59.999Z')), '2024-03-04', '23:59:59.999 China time');
  t.equal(chinaDateOf(at('2024-03-04T16:00:00.000Z')), '2024-03-05', '00:00 China time is the next day');
  t.equal(parseChinaDate('2024-02-30'), null, 'not a calendar date');
  t.equal(parseChinaDate('2024-2-3'), null);
  t.equal(addDays('2024-02-28', 2), '2024-03-01', 'leap year');
});

t.test('rest days: weekends by default, holidays and adjusted workdays as data', async (t) => {
  t.equal(isRestDay('2024-03-16'), true, 'Saturday');
  t.equal(isRestDay('2024-03-17'), true, 'Sunday');
  t.equal(isRestDay('2024-03-18'), false, 'Monday');
  t.equal(isRestDay('2024-03-16', NO_REST_DAYS), false);
  const cal: HolidayCalendar = { weekendsAreRestDays: true, holidays: ['2024-10-01'], workdays: ['2024-09-29'] };
  t.equal(isRestDay('2024-10-01', cal), true, 'National Day (a Tuesday)');
  t.equal(isRestDay('2024-09-29', cal), false, 'a Sunday made a working day (调休)');
});

t.test('Art. 201: a period of N days starts the day after the trigger; Art. 203: ends 24:00 of the last day', async (t) => {
  // Notice on Monday 2024-03-04 at 10:00 China time: 15 days are 03-05 … 03-19 (a Tuesday).
  const notice = at('2024-03-04T02:00:00Z');
  t.equal(periodLastDay(notice, 15), '2024-03-19');
  const end = periodEnd(notice, 15);
  t.equal(end.toISOString(), '2024-03-19T16:00:00.000Z', 'may open from 2024-03-20 00:00 China time (D+16)');
  t.equal(periodHasRun(notice, 15, new Date(end.getTime() - 1)), false, 'one millisecond before: not run');
  t.equal(periodHasRun(notice, 15, end), true, 'at 00:00 of D+16: run');
  // The time of day of the trigger does not matter: a notice at 23:59 on the same day gives the same end.
  t.equal(periodEnd(at('2024-03-04T15:59:00Z'), 15).toISOString(), end.toISOString());
  // …but one minute later it is the next China day.
  t.equal(periodEnd(at('2024-03-04T16:00:00Z'), 15).toISOString(), '2024-03-20T16:00:00.000Z');
});

t.test('Art. 203: a last day on a rest day rolls to the next working day', async (t) => {
  // Friday 2024-03-01 + 15 = Saturday 03-16 → Monday 03-18.
  const notice = at('2024-03-01T02:00:00Z');
  t.equal(periodLastDay(notice, 15, WEEKENDS_ONLY), '2024-03-18');
  t.equal(periodEnd(notice, 15).toISOString(), '2024-03-18T16:00:00.000Z');
  t.equal(periodLastDay(notice, 15, NO_REST_DAYS), '2024-03-16', 'no calendar, no roll');
  const cal: HolidayCalendar = {
    weekendsAreRestDays: true,
    holidays: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-07'],
    workdays: ['2024-09-29', '2024-10-12'],
  };
  // 2024-09-16 + 15 = 10-01: holidays and the weekend 10-05/06 run to 10-07; the last day is 10-08.
  t.equal(periodLastDay(at('2024-09-16T02:00:00Z'), 15, cal), '2024-10-08');
  // 2024-09-14 + 15 = Sunday 09-29, a working day by adjustment: no roll.
  t.equal(periodLastDay(at('2024-09-14T02:00:00Z'), 15, cal), '2024-09-29');
});

t.test('a period needs a whole number of days', async (t) => {
  t.throws(() => periodEnd(at('2024-03-01T00:00:00Z'), 0));
  t.throws(() => periodEnd(at('2024-03-01T00:00:00Z'), 1.5));
  t.equal(periodLastDay(at('2024-03-04T02:00:00Z'), 1), '2024-03-05', 'one day: the next day');
});

t.test('China\u2019s statutory calendar is the default (国办发明电〔2023〕7号 for 2024, 〔2020〕27号 for 2021)', async (t) => {
  // A notice given on 2024-09-20: 15 days from 09-21 end on 10-05, inside the National Day holiday (10-01 to 10-07):
  // the period rolls to Tuesday 10-08 and ends at 24:00 China time.
  t.equal(periodEnd(new Date('2024-09-20T10:00:00+08:00'), 15).toISOString(), '2024-10-08T16:00:00.000Z');
  t.equal(isRestDay('2024-09-29'), false, 'Sunday 2024-09-29 was a working day');
  t.equal(isRestDay('2024-10-12'), false, 'Saturday 2024-10-12 was a working day');
  t.equal(isRestDay('2021-10-09'), false, 'Saturday 2021-10-09 was a working day');
  t.equal(isRestDay('2025-02-03'), true, 'the Spring Festival 2025');
  t.equal(calendarUsedOn(DEFAULT_CALENDAR, '2024-10-08'), 'cn-statutory');
  t.equal(calendarUsedOn(DEFAULT_CALENDAR, '2026-10-08'), 'cn-statutory');
  t.equal(isRestDay('2026-10-01'), true, 'National Day 2026 (国办发明电〔2025〕7号)');
  t.equal(isRestDay('2026-02-28'), false, 'Saturday 2026-02-28 was a working day');
  t.equal(calendarUsedOn(DEFAULT_CALENDAR, '2027-10-08'), 'weekends-only', 'a year the data does not cover: weekends only, and it says so');
  t.equal(isRestDay('2027-10-01'), false, 'uncovered: 2027-10-01 (a Friday) counts as a working day');
  // Weekends only (the old default) would have ended the same notice on 10-07.
  t.equal(periodEnd(new Date('2024-09-20T10:00:00+08:00'), 15, WEEKENDS_ONLY).toISOString(), '2024-10-07T16:00:00.000Z');
});
