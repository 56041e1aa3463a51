/**
 * China's statutory rest days (法定节假日) and the weekend days made working days (调休上班), year by year, from
 * the State Council General Office's notice for each year (国务院办公厅关于XXXX年部分节假日安排的通知). Dates are
 * China dates. A year not listed here is not covered: periods falling in it count weekends only, and say so
 * (legalPeriod.ts `calendarUsedOn`); the server warns at start when the current or next year is missing, and
 * `HOLIDAYS_FILE` can supply a calendar of the same shape.
 *
 * 2027 is left out on purpose: its notice is not in this project's sources, and a wrong rest day moves every
 * legal deadline around it; load it with HOLIDAYS_FILE. The dates of every year here were checked against a
 * public dataset of the notices (holiday-cn). A year's New Year arrangement can move the last days of the
 * December before, so dates from 25 December on are only as good as the next year's notice.
 */

export interface YearOfRestDays {
  readonly year: number;
  /** The notice this year's dates are taken from. */
  readonly source: string;
  readonly holidays: readonly string[];
  readonly workdays: readonly string[];
}

const span = (from: string, to: string): string[] => {
  const out: string[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 86_400_000) out.push(new Date(d).toISOString().slice(0, 10));
  return out;
};

export const CN_STATUTORY_YEARS: readonly YearOfRestDays[] = [
  {
    year: 2021,
    source: '国务院办公厅关于2021年部分节假日安排的通知 (国办发明电〔2020〕27号)',
    holidays: [
      ...span('2021-01-01', '2021-01-03'),
      ...span('2021-02-11', '2021-02-17'),
      ...span('2021-04-03', '2021-04-05'),
      ...span('2021-05-01', '2021-05-05'),
      ...span('2021-06-12', '2021-06-14'),
      ...span('2021-09-19', '2021-09-21'),
      ...span('2021-10-01', '2021-10-07'),
    ],
    workdays: ['2021-02-07', '2021-02-20', '2021-04-25', '2021-05-08', '2021-09-18', '2021-09-26', '2021-10-09'],
  },
  {
    year: 2022,
    source: '国务院办公厅关于2022年部分节假日安排的通知 (国办发明电〔2021〕11号)',
    holidays: [
      ...span('2022-01-01', '2022-01-03'),
      ...span('2022-01-31', '2022-02-06'),
      ...span('2022-04-03', '2022-04-05'),
      ...span('2022-04-30', '2022-05-04'),
      ...span('2022-06-03', '2022-06-05'),
      ...span('2022-09-10', '2022-09-12'),
      ...span('2022-10-01', '2022-10-07'),
    ],
    workdays: ['2022-01-29', '2022-01-30', '2022-04-02', '2022-04-24', '2022-05-07', '2022-10-08', '2022-10-09'],
  },
  {
    year: 2023,
    source: '国务院办公厅关于2023年部分节假日安排的通知 (国办发明电〔2022〕16号)',
    holidays: [
      // New Year 2023: 2022-12-31 to 2023-01-02.
      '2022-12-31',
      ...span('2023-01-01', '2023-01-02'),
      ...span('2023-01-21', '2023-01-27'),
      '2023-04-05',
      ...span('2023-04-29', '2023-05-03'),
      ...span('2023-06-22', '2023-06-24'),
      ...span('2023-09-29', '2023-10-06'),
    ],
    workdays: ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'],
  },
  {
    year: 2024,
    source: '国务院办公厅关于2024年部分节假日安排的通知 (国办发明电〔2023〕7号)',
    holidays: [
      '2024-01-01',
      ...span('2024-02-10', '2024-02-17'),
      ...span('2024-04-04', '2024-04-06'),
      ...span('2024-05-01', '2024-05-05'),
      '2024-06-10',
      ...span('2024-09-15', '2024-09-17'),
      ...span('2024-10-01', '2024-10-07'),
    ],
    workdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
  },
  {
    year: 2025,
    source: '国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号; 国务院令第798号 added a day to the Spring Festival and Labour Day)',
    holidays: [
      '2025-01-01',
      ...span('2025-01-28', '2025-02-04'),
      ...span('2025-04-04', '2025-04-06'),
      ...span('2025-05-01', '2025-05-05'),
      ...span('2025-05-31', '2025-06-02'),
      ...span('2025-10-01', '2025-10-08'),
    ],
    workdays: ['2025-01-26', '2025-02-08', '2025-04-27', '2025-09-28', '2025-10-11'],
  },
  {
    year: 2026,
    source: '国务院办公厅关于2026年部分节假日安排的通知 (国办发明电〔2025〕7号)',
    holidays: [
      ...span('2026-01-01', '2026-01-03'),
      ...span('2026-02-15', '2026-02-23'),
      ...span('2026-04-04', '2026-04-06'),
      ...span('2026-05-01', '2026-05-05'),
      ...span('2026-06-19', '2026-06-21'),
      ...span('2026-09-25', '2026-09-27'),
      ...span('2026-10-01', '2026-10-07'),
    ],
    workdays: ['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'],
  },
];
