import t from 'tap';
import { compareNatural } from '../../../domain/registry/index.js';
import { sortNatural } from '../../../domain/registry/order.js';

t.test('digit runs compare by value', async (t) => {
  const ids = ['10-1-101', '2-1-1101', '2-1-101', '2-1-99', 'B-1', 'A-10', 'A-9', '2-01-101', '3号楼-1', '12号楼-1', '2'];
  t.same([...ids].sort(compareNatural), ['2', '2-1-99', '2-01-101', '2-1-101', '2-1-1101', '3号楼-1', '10-1-101', '12号楼-1', 'A-9', 'A-10', 'B-1']);
  t.same(sortNatural(ids, (s) => s), [...ids].sort(compareNatural), 'sortNatural agrees');
});

t.test('a total order: equal values with different spellings still order', async (t) => {
  t.equal(compareNatural('a', 'a'), 0);
  t.not(compareNatural('01', '1'), 0);
  t.equal(Math.sign(compareNatural('01', '1')), -Math.sign(compareNatural('1', '01')));
  t.ok(compareNatural('1', '1a') < 0);
  t.ok(compareNatural('99999999999999999999', '100000000000000000000') < 0, 'no number overflow');
});
