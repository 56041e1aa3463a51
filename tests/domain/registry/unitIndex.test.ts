import t from 'tap';
import { allUnits, getUnit, hasUnit, type Unit } from '../../../domain/registry/index.js';
import { emptyUnitIndex, withUnits } from '../../../domain/registry/unitIndex.js';

const unit = (unitId: string, personId = 'p'): Unit => ({
  unitId,
  building: '1',
  area: '1',
  areaSource: 'registry',
  owners: [{ personId, name: 'n' }],
  developerHeld: false,
});

t.test('adds, replaces and counts', async (t) => {
  const a = withUnits(emptyUnitIndex, [unit('1'), unit('2'), unit('3')]);
  t.equal(a.size, 3);
  const b = withUnits(a, [unit('2', 'q'), unit('4')]);
  t.equal(b.size, 4, 'a replaced unit is not counted twice');
  t.equal(getUnit(b, '2')?.owners[0]?.personId, 'q');
  t.ok(hasUnit(b, '4'));
  t.notOk(hasUnit(b, '5'));
  t.same([...allUnits(b)].map((u) => u.unitId).sort(), ['1', '2', '3', '4']);
});

t.test('older versions are left as they were', async (t) => {
  const many = Array.from({ length: 10_000 }, (_, i) => unit(`u${i}`));
  const a = withUnits(emptyUnitIndex, many);
  const b = withUnits(a, [unit('u5', 'new'), unit('extra')]);
  t.equal(a.size, 10_000);
  t.equal(b.size, 10_001);
  t.equal(getUnit(a, 'u5')?.owners[0]?.personId, 'p');
  t.equal(getUnit(b, 'u5')?.owners[0]?.personId, 'new');
  t.notOk(hasUnit(a, 'extra'));
  t.equal(emptyUnitIndex.size, 0);
  t.same([...allUnits(emptyUnitIndex)], []);
  // Structure is shared where nothing changed.
  const shared = a.root.filter((branch, i) => branch === b.root[i]).length;
  t.ok(shared >= a.root.length - 2, `untouched branches are shared (${shared} of ${a.root.length})`);
});

t.test('within one batch the last unit with an id wins', async (t) => {
  const a = withUnits(emptyUnitIndex, [unit('x', 'first'), unit('x', 'second')]);
  t.equal(a.size, 1);
  t.equal(getUnit(a, 'x')?.owners[0]?.personId, 'second');
});
