import t from 'tap';
import { createHash } from 'node:crypto';
import { fold } from '../../../domain/shared/decider.js';
import { isDomainError } from '../../../domain/shared/errors.js';
import { formatArea, parseArea } from '../../../domain/shared/area.js';
import {
  buildingsOf,
  DEVELOPER_VOTER_ID,
  electorate,
  initialState,
  ownerSetVoterId,
  registryDecider,
  voterIdentities,
  type RegistryEvent,
  type RegistryState,
  type UnitInput,
} from '../../../domain/registry/index.js';

const COMPOUND_ID = 'compound-a';
const ctx = { now: new Date(0), newId: () => COMPOUND_ID, actor: { personId: 'admin', role: 'admin' } };

function apply(state: RegistryState, command: Parameters<typeof registryDecider.decide>[0]): RegistryState {
  const result = registryDecider.decide(command, state, ctx);
  if (isDomainError(result)) throw new Error(JSON.stringify(result));
  return result.reduce<RegistryState>((s, e) => registryDecider.evolve(s, e), state);
}

function compound(units: UnitInput[], compoundId = COMPOUND_ID): RegistryState {
  const registered: RegistryEvent = {
    type: 'CompoundRegistered',
    data: { compoundId, name: 'n', address: 'a', jurisdiction: 'national' },
  };
  return apply(fold(registryDecider, [registered]), { type: 'ImportUnits', data: { units } });
}

/** A unit in building `b` (the part of the id before the first dash). */
function unit(unitId: string, area: string, ...personIds: string[]): UnitInput {
  return {
    unitId,
    building: unitId.split('-')[0]!,
    area,
    areaSource: 'registry',
    owners: personIds.map((personId) => ({ personId, name: `姓名${personId}` })),
    developerHeld: personIds.length === 0,
  };
}

t.test('a person with three units is one head, the areas summed', async (t) => {
  const state = compound([unit('1-1-101', '88.5', 'p1'), unit('1-2-101', '90.25', 'p1'), unit('2-1-301', '100.0001', 'p1')]);
  t.same(electorate(state), { units: 3, totalArea: '278.7501', headcount: 1 });
  const ids = voterIdentities(state);
  t.equal(ids.length, 1);
  t.same(ids[0], {
    voterId: ownerSetVoterId(COMPOUND_ID, ['p1']),
    developerHeld: false,
    ownerPersonIds: ['p1'],
    units: [
      { unitId: '1-1-101', building: '1', area: '88.5' },
      { unitId: '1-2-101', building: '1', area: '90.25' },
      { unitId: '2-1-301', building: '2', area: '100.0001' },
    ],
    area: '278.7501',
  });
});

t.test('ten developer-held units are one head', async (t) => {
  const units = Array.from({ length: 10 }, (_, i) => unit(`5-1-${i + 1}01`, '66.66'));
  const state = compound([...units, unit('5-2-101', '70', 'p1')]);
  t.same(electorate(state), { units: 11, totalArea: '736.60', headcount: 2 });
  const [dev, owner] = voterIdentities(state);
  t.match(dev, { voterId: DEVELOPER_VOTER_ID, developerHeld: true, ownerPersonIds: [], area: '666.60' });
  t.equal(dev!.units.length, 10);
  t.match(owner, { developerHeld: false, ownerPersonIds: ['p1'], area: '70.00' });
});

t.test('co-owners listed in either order are one head', async (t) => {
  const state = compound([unit('1-1-101', '80', 'wife', 'husband'), unit('1-1-102', '60', 'husband', 'wife')]);
  t.same(electorate(state), { units: 2, totalArea: '140.00', headcount: 1 });
  const [identity] = voterIdentities(state);
  t.same(identity!.ownerPersonIds, ['husband', 'wife']);
  t.equal(identity!.voterId, ownerSetVoterId(COMPOUND_ID, ['wife', 'husband']));
});

t.test('one person alone and the same person with a spouse are two owner sets, two heads', async (t) => {
  // 区分所有权解释 Art. 9 "同一买受人": the buyer of the second unit is the couple, not the person alone.
  const state = compound([unit('1-1-101', '80', 'p1'), unit('1-1-102', '60', 'p1', 'p2'), unit('1-1-103', '50', 'p2')]);
  t.same(electorate(state), { units: 3, totalArea: '190.00', headcount: 3 });
  t.same(
    voterIdentities(state).map((v) => v.ownerPersonIds),
    [['p1'], ['p1', 'p2'], ['p2']],
  );
});

t.test('building scope', async (t) => {
  const state = compound([
    unit('1-1-101', '88.5', 'p1'),
    unit('2-1-101', '90', 'p1'), // p1 spans buildings 1 and 2
    unit('2-1-102', '70.125', 'p2'),
    unit('3-1-101', '100'),
    unit('2-1-103', '60'), // developer-held, in building 2
  ]);
  t.same(electorate(state), { units: 5, totalArea: '408.625', headcount: 3 });
  t.same(electorate(state, ['2']), { units: 3, totalArea: '220.125', headcount: 3 });
  t.same(electorate(state, ['1']), { units: 1, totalArea: '88.50', headcount: 1 });
  t.same(electorate(state, ['1', '2']), { units: 4, totalArea: '308.625', headcount: 3 });
  t.same(electorate(state, ['9']), { units: 0, totalArea: '0.00', headcount: 0 });
  t.same(electorate(state, []), { units: 0, totalArea: '0.00', headcount: 0 }, 'an empty scope is empty');

  const inTwo = voterIdentities(state, ['2']);
  const p1 = inTwo.find((v) => v.ownerPersonIds.join() === 'p1');
  t.same(p1?.units, [{ unitId: '2-1-101', building: '2', area: '90' }], 'only the in-scope units of an owner set');
  t.equal(p1?.area, '90.00');
  t.equal(p1?.voterId, voterIdentities(state).find((v) => v.ownerPersonIds.join() === 'p1')?.voterId, 'same id in any scope');
  t.same(buildingsOf(state), ['1', '2', '3']);
});

t.test('exact totals, never rounded', async (t) => {
  t.same(electorate(compound([unit('1-1', '0.0001', 'a'), unit('1-2', '1350.7399', 'b')])), {
    units: 2,
    totalArea: '1350.74',
    headcount: 2,
  });
  t.same(electorate(compound([unit('1-1', '88.125', 'a')])), { units: 1, totalArea: '88.125', headcount: 1 });
  t.same(electorate(compound([unit('1-1', '0.0001', 'a')])), { units: 1, totalArea: '0.0001', headcount: 1 });
  // 0.1 + 0.2 in floating point is 0.30000000000000004.
  t.same(electorate(compound([unit('1-1', '0.1', 'a'), unit('1-2', '0.2', 'b')])).totalArea, '0.30');
  // Large totals stay exact: 30,000 units of 99999.9999.
  const big = Array.from({ length: 30_000 }, (_, i) => unit(`1-${i}`, '99999.9999', `p${i}`));
  t.same(electorate(compound(big)), { units: 30_000, totalArea: '2999999997.00', headcount: 30_000 });
  const [first] = voterIdentities(compound([unit('1-1', '88.125', 'a')]));
  t.equal(first!.units[0]!.area, '88.125', 'unit areas are listed as imported');
});

t.test('voter ids: stable, derived from the sorted person ids, no names or ids in clear', async (t) => {
  const expected = `owners:${createHash('sha256').update(`${COMPOUND_ID}\nalice\nbob`).digest('hex').slice(0, 32)}`;
  t.equal(ownerSetVoterId(COMPOUND_ID, ['bob', 'alice']), expected);
  t.equal(ownerSetVoterId(COMPOUND_ID, ['alice', 'bob']), expected);
  t.not(ownerSetVoterId('another-compound', ['alice', 'bob']), expected, 'unlinkable across compounds');
  t.not(ownerSetVoterId(COMPOUND_ID, ['alice']), ownerSetVoterId(COMPOUND_ID, ['alice', 'bob']));
  const ids = voterIdentities(compound([unit('1-1', '50', 'alice-id', 'bob-id')]));
  t.match(ids[0]!.voterId, /^owners:[0-9a-f]{32}$/);
  t.notMatch(ids[0]!.voterId, /alice|bob|姓名/);
});

t.test('a transfer moves the unit to its new owner set', async (t) => {
  let state = compound([unit('1-1-101', '80', 'p1'), unit('1-1-102', '60', 'p1'), unit('1-1-103', '55.5')]);
  t.same(electorate(state), { units: 3, totalArea: '195.50', headcount: 2 });
  state = apply(state, { type: 'TransferUnit', data: { unitId: '1-1-102', owners: [{ personId: 'p2', name: 'b' }] } });
  t.same(electorate(state), { units: 3, totalArea: '195.50', headcount: 3 });
  state = apply(state, { type: 'TransferUnit', data: { unitId: '1-1-103', owners: [{ personId: 'p2', name: 'b' }] } });
  t.same(electorate(state), { units: 3, totalArea: '195.50', headcount: 2 }, 'delivered to p2, who already owns one');
  t.same(
    voterIdentities(state).map((v) => [v.ownerPersonIds, v.units.map((u) => u.unitId), v.area]),
    [
      [['p1'], ['1-1-101'], '80.00'],
      [['p2'], ['1-1-102', '1-1-103'], '115.50'],
    ],
  );
});

t.test('roll order: developer first, then owner sets by their first unit in natural order', async (t) => {
  const state = compound([unit('10-1-101', '1', 'z'), unit('2-1-101', '1', 'y'), unit('2-1-99', '1', 'x'), unit('3-1-1', '1')]);
  t.same(
    voterIdentities(state).map((v) => v.units.map((u) => u.unitId)),
    [['3-1-1'], ['2-1-99'], ['2-1-101'], ['10-1-101']],
  );
});

t.test('electorate agrees with the roll on random compounds', async (t) => {
  let seed = 42;
  const random = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  for (let round = 0; round < 20; round++) {
    const units: UnitInput[] = [];
    const count = 1 + random(300);
    for (let i = 0; i < count; i++) {
      const owners = random(5) === 0 ? [] : Array.from(new Set(Array.from({ length: 1 + random(3) }, () => `p${random(40)}`)));
      const area = `${random(500)}.${String(1 + random(9999)).padStart(4, '0')}`;
      units.push(unit(`${1 + random(6)}-${i}`, area, ...owners));
    }
    const state = compound(units);
    for (const scope of [undefined, ['1'], ['2', '3'], ['6', '7']]) {
      const roll = voterIdentities(state, scope);
      const inScope = units.filter((u) => !scope || scope.includes(u.building));
      const total = inScope.reduce((sum, u) => sum + parseArea(u.area)!, 0n);
      t.same(electorate(state, scope), {
        units: inScope.length,
        totalArea: formatArea(total),
        headcount: roll.length,
      });
      t.equal(formatArea(roll.reduce((sum, v) => sum + parseArea(v.area)!, 0n)), formatArea(total));
      const keys = new Set(inScope.map((u) => (u.developerHeld ? 'dev' : [...u.owners.map((o) => o.personId)].sort().join())));
      t.equal(roll.length, keys.size);
    }
  }
});

t.test('no compound: an empty electorate', async (t) => {
  t.same(electorate(initialState()), { units: 0, totalArea: '0.00', headcount: 0 });
  t.same(voterIdentities(initialState()), []);
});
