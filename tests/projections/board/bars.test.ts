/** The notice board's bars: exact figures in user space, thresholds cut (never rounded up), both inclusive and strict rules. */
import t from 'tap';
import { bar, cutDecimal } from '../../../projections/board/index.js';

t.test('cutDecimal cuts toward zero', async (t) => {
  t.equal(cutDecimal(2n, 3n, 4), '0.6666');
  t.equal(cutDecimal(200n, 3n, 2), '66.66');
  t.equal(cutDecimal(12_202_433n * 2n, 3n, 4), '8134955.3333');
  t.equal(cutDecimal(5n, 1n, 0), '5');
});

t.test('a bar: the value against the base, the threshold line at num/den of the base', async (t) => {
  const twoThirds = { num: 2n, den: 3n, inclusive: true };
  t.match(bar('heads', 8n, 12n, twoThirds), { base: '12', value: '8', thresholdX: '8.0000', percent: '66.66%', met: true });
  t.match(bar('heads', 7n, 12n, twoThirds), { met: false });
  // 过半数 is strict: exactly half does not pass (Civil Code Art. 1259).
  const half = { num: 1n, den: 2n, inclusive: false };
  t.match(bar('area', 50n, 100n, half), { met: false, thresholdX: '50.0000' });
  t.match(bar('area', 51n, 100n, half), { met: true });
  // Nothing to count against: drawn empty, never met.
  t.match(bar('area', 0n, 0n, half), { base: '1', value: '0', percent: '—', met: false });
});
