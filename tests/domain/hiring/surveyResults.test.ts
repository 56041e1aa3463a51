/** Survey results are exact on both axes: sums in ten-thousandths of m², percentages rounded down. */
import t from 'tap';
import { addResponse, emptyTally, percentDown, questionResults } from '../../../domain/hiring/index.js';

t.test('percentages round down to 0.01 %, exactly', async (t) => {
  t.equal(percentDown(2n, 3n), '66.66');
  t.equal(percentDown(1n, 3n), '33.33');
  t.equal(percentDown(3n, 3n), '100.00');
  t.equal(percentDown(0n, 0n), '0.00');
  t.equal(percentDown(1n, 10_000n), '0.01');
  t.equal(percentDown(9_999n, 1_000_000n), '0.99');
});

t.test('one response adds its area and one head to the level it chose, per question', async (t) => {
  let tally = emptyTally(['q1', 'q2']);
  tally = addResponse(tally, { area: '100.0001', answers: { q1: 5 } });
  tally = addResponse(tally, { area: '0.0002', answers: { q1: 1, q2: 4 } });
  const [q1, q2] = questionResults(tally);
  t.same(q1!.levels.map((l) => [l.area, l.headcount]), [['0.0002', 1], ['0.00', 0], ['0.00', 0], ['0.00', 0], ['100.0001', 1]]);
  t.same(q1!.answered, { area: '100.0003', headcount: 2 });
  // 100.0001 / 100.0003 = 99.9998 % → 99.99 (down, never up to 100.00).
  t.match(q1!.satisfied, { area: '100.0001', headcount: 1, areaPercent: '99.99', headcountPercent: '50.00' });
  t.match(q2!.satisfied, { area: '0.0002', headcount: 1, areaPercent: '100.00' });
});
