/** Issue #9 item 7: the manual clock stays within 2000–2100, so a typo cannot lock it until a restart. */
import t from 'tap';
import { manualClock } from '../services/clock.js';

t.test('the manual clock refuses instants outside 2000–2100 and keeps moving', async (t) => {
  const clock = manualClock(new Date('2026-03-02T00:00:00Z'));
  t.throws(() => clock.set(new Date('9999-01-01T00:00:00Z')), { code: 'instant_out_of_range' });
  t.throws(() => clock.set(new Date('2100-01-01T00:00:00Z')), { code: 'instant_out_of_range' });
  t.throws(() => clock.set(new Date(Number.NaN)), { code: 'instant_out_of_range' }, 'an invalid date');
  t.equal(clock.now().toISOString(), '2026-03-02T00:00:00.000Z', 'unchanged');
  clock.set(new Date('2026-04-01T00:00:00Z'));
  t.equal(clock.now().toISOString(), '2026-04-01T00:00:00.000Z', 'still moves forward');
  t.throws(() => clock.set(new Date('2026-03-01T00:00:00Z')), { code: 'clock_backwards' });
  t.throws(() => manualClock(new Date('1970-01-01T00:00:00Z')), { code: 'instant_out_of_range' }, 'nor can it start outside');
});
