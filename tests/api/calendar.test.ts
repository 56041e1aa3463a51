/** The holiday calendar: China's statutory one by default, HOLIDAYS_FILE replacing it, checked at start. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { loadCalendarFile, uncoveredYears } from '../../services/calendar.js';
import { DEFAULT_CALENDAR } from '../../domain/time/legalPeriod.js';
import { manualClock } from '../../services/clock.js';
import { startTestApi } from '../support/api.js';

async function noticeEnd(env: Record<string, string>) {
  const api = await startTestApi({ clock: manualClock(new Date('2024-09-20T02:00:00.000Z')), env });
  try {
    const admin = await api.token('p-admin', 'admin');
    const { compoundId } = (await api.call('POST', '/v1/compounds', { token: admin, body: { name: 'x', address: 'y', jurisdiction: 'national' } })).json() as { compoundId: string };
    await api.call('POST', `/v1/compounds/${compoundId}/units`, { token: admin, body: { units: [{ unitId: '1-1', building: '1', area: '100', areaSource: 'registry', owners: [{ personId: 'p1', name: 'a' }] }] } });
    const oc = await api.token('p-oc', `oc_member@${compoundId}`);
    const proposed = await api.call('POST', `/v1/compounds/${compoundId}/motions`, { token: oc, body: { title: 't', description: '', matter: 'other_major', opensAt: '2024-10-20T09:00:00+08:00', closesAt: '2024-10-30T18:00:00+08:00' } });
    const { motionId } = proposed.json() as { motionId: string };
    t.equal((await api.call('POST', `/v1/motions/${motionId}/notice`, { token: oc })).statusCode, 201);
    return (await api.call('GET', `/v1/motions/${motionId}`, { token: oc })).json() as { noticeRunsUntil: string; noticeCalendar: string };
  } finally {
    await api.close();
  }
}

t.test('a notice given on 2024-09-20 runs until 2024-10-08 24:00 China time under the statutory calendar (the National Day holiday rolls it)', async (t) => {
  t.match(await noticeEnd({}), { noticeRunsUntil: '2024-10-08T16:00:00.000Z', noticeCalendar: 'cn-statutory' });
});

t.test('HOLIDAYS_FILE replaces the calendar; a bad file stops the start with one clear message', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-cal-'));
  const file = join(dir, 'holidays.json');
  // A calendar that knows 2024 but no holidays in it: the same notice ends on Monday 10-07.
  writeFileSync(file, JSON.stringify({ name: 'no-holidays-2024', years: [{ year: 2024, source: 'test', holidays: [], workdays: [] }] }));
  t.match(await noticeEnd({ HOLIDAYS_FILE: file }), { noticeRunsUntil: '2024-10-07T16:00:00.000Z', noticeCalendar: 'no-holidays-2024' });
  writeFileSync(file, JSON.stringify({ years: [{ year: 2024, source: 'x', holidays: ['2025-01-01'], workdays: [] }] }));
  t.throws(() => loadCalendarFile(file), /2025-01-01 is not in 2024/);
  writeFileSync(file, '{');
  t.throws(() => loadCalendarFile(file), /cannot be read as JSON/);
  t.same(uncoveredYears(DEFAULT_CALENDAR, new Date('2026-11-28T00:00:00Z')), [2027], 'the server warns at start about the current and next year');
});
