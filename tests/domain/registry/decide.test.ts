import t from 'tap';
import type { DecideContext } from '../../../domain/shared/decider.js';
import { fold } from '../../../domain/shared/decider.js';
import type { DomainError } from '../../../domain/shared/errors.js';
import { isDomainError } from '../../../domain/shared/errors.js';
import {
  electorate,
  evolve,
  findUnit,
  MAX_OWNERS_PER_UNIT,
  MAX_REPORTED_PROBLEMS,
  MAX_UNITS_PER_COMMAND,
  registryDecider,
  UNITS_PER_EVENT,
  type UnitProblem,
  type RegistryCommand,
  type RegistryEvent,
  type RegistryState,
  type UnitInput,
} from '../../../domain/registry/index.js';

const COMPOUND_ID = 'c0ffee00-0000-5000-8000-000000000001';

function context(ids: string[] = [COMPOUND_ID]): DecideContext {
  let n = 0;
  return {
    now: new Date('2025-01-01T00:00:00Z'),
    newId: () => ids[n++] ?? `id-${n}`,
    actor: { personId: 'admin-1', role: 'admin' },
  };
}

const registered: RegistryEvent = {
  type: 'CompoundRegistered',
  data: { compoundId: COMPOUND_ID, name: '阳光花园', address: '上海市浦东新区某路 1 号', jurisdiction: 'shanghai' },
};

function stateOf(...events: RegistryEvent[]): RegistryState {
  return fold(registryDecider, events);
}

/** Decide against the state the events fold to; also returns the state the result leads to. */
function run(command: RegistryCommand, ...events: RegistryEvent[]) {
  const result = registryDecider.decide(command, stateOf(...events), context());
  return result;
}

function expectError(result: readonly RegistryEvent[] | DomainError): DomainError {
  if (!isDomainError(result)) throw new Error(`expected a DomainError, got ${JSON.stringify(result)}`);
  return result;
}

function expectEvents(result: readonly RegistryEvent[] | DomainError): readonly RegistryEvent[] {
  if (isDomainError(result)) throw new Error(`expected events, got ${JSON.stringify(result)}`);
  return result;
}

function owned(unitId: string, area: string, ...personIds: string[]): UnitInput {
  return {
    unitId,
    building: unitId.split('-')[0] ?? '1',
    area,
    areaSource: 'registry',
    owners: personIds.map((personId) => ({ personId, name: `name of ${personId}` })),
  };
}

function developer(unitId: string, area: string): UnitInput {
  return { unitId, building: unitId.split('-')[0] ?? '1', area, areaSource: 'contract', owners: [], developerHeld: true };
}

/** Events of a compound with these units imported. */
function compoundWith(...units: UnitInput[]): RegistryEvent[] {
  const events = expectEvents(run({ type: 'ImportUnits', data: { units } }, registered));
  return [registered, ...events];
}

const importUnits = (units: unknown[]): RegistryCommand => ({ type: 'ImportUnits', data: { units: units as UnitInput[] } });

t.test('RegisterCompound', async (t) => {
  t.test('registers with the id from the context, name and address trimmed', async (t) => {
    const events = expectEvents(
      run({ type: 'RegisterCompound', data: { name: '  阳光花园 ', address: '上海市浦东新区某路 1 号', jurisdiction: 'shanghai' } }),
    );
    t.same(events, [
      {
        type: 'CompoundRegistered',
        data: { compoundId: COMPOUND_ID, name: '阳光花园', address: '上海市浦东新区某路 1 号', jurisdiction: 'shanghai' },
      },
    ]);
    const state = stateOf(...events);
    t.equal(state.status, 'registered');
  });

  t.test('refuses a second registration', async (t) => {
    const e = expectError(run({ type: 'RegisterCompound', data: { name: 'x', address: 'y', jurisdiction: 'national' } }, registered));
    t.match(e, { error: 'conflict', code: 'compound_exists', details: { compoundId: COMPOUND_ID } });
  });

  const bad: Array<[string, Record<string, unknown>, string]> = [
    ['unknown jurisdiction', { jurisdiction: 'shenzhen' }, 'unknown_jurisdiction'],
    ['blank name', { name: '   ' }, 'name_required'],
    ['missing name', { name: undefined }, 'name_required'],
    ['long name', { name: '名'.repeat(201) }, 'name_too_long'],
    ['control chars in name', { name: 'a\u0007b' }, 'name_invalid'],
    ['blank address', { address: '' }, 'address_required'],
    ['long address', { address: 'a'.repeat(501) }, 'address_too_long'],
    ['newline in address', { address: 'line 1\nline 2' }, 'address_invalid'],
  ];
  for (const [label, override, code] of bad) {
    t.test(label, async (t) => {
      const data = { name: '阳光花园', address: '某路 1 号', jurisdiction: 'national', ...override };
      const e = expectError(run({ type: 'RegisterCompound', data } as RegistryCommand));
      t.equal(e.error, 'invalid');
      t.equal(e.code, code);
    });
  }

  t.test('limits count characters, not UTF-16 code units', async (t) => {
    const name = '𠀀'.repeat(200); // astral characters: 400 code units, 200 characters
    expectEvents(run({ type: 'RegisterCompound', data: { name, address: 'a', jurisdiction: 'beijing' } }));
    t.pass();
  });
});

t.test('commands on a missing compound', async (t) => {
  t.match(expectError(run(importUnits([owned('1-1-101', '88.5', 'p1')]))), {
    error: 'not_found',
    code: 'compound_not_found',
  });
  t.match(expectError(run({ type: 'TransferUnit', data: { unitId: '1-1-101', owners: [{ personId: 'p', name: 'n' }] } })), {
    error: 'not_found',
    code: 'compound_not_found',
  });
});

t.test('ImportUnits', async (t) => {
  t.test('records units exactly as imported', async (t) => {
    const events = expectEvents(
      run(
        importUnits([
          owned('1-1-101', '88.5', 'p1'),
          { ...owned('1-1-102', '120.0325', 'p2', 'p3'), areaSource: 'survey' },
          developer('2-1-101', '75'),
          { ...owned('2-1-102', '88.50', 'p4'), owners: [{ personId: 'p4', name: '  张三  ' }], developerHeld: false },
        ]),
        registered,
      ),
    );
    t.equal(events.length, 1);
    t.same(events[0], {
      type: 'UnitsImported',
      data: {
        part: 1,
        parts: 1,
        units: [
          { unitId: '1-1-101', building: '1', area: '88.5', areaSource: 'registry', owners: [{ personId: 'p1', name: 'name of p1' }], developerHeld: false },
          {
            unitId: '1-1-102',
            building: '1',
            area: '120.0325',
            areaSource: 'survey',
            owners: [
              { personId: 'p2', name: 'name of p2' },
              { personId: 'p3', name: 'name of p3' },
            ],
            developerHeld: false,
          },
          { unitId: '2-1-101', building: '2', area: '75', areaSource: 'contract', owners: [], developerHeld: true },
          { unitId: '2-1-102', building: '2', area: '88.50', areaSource: 'registry', owners: [{ personId: 'p4', name: '张三' }], developerHeld: false },
        ],
      },
    });
    // JSON round trip: the event data is plain JSON.
    t.same(JSON.parse(JSON.stringify(events)), events);
    const state = stateOf(registered, ...events);
    t.equal(findUnit(state, '1-1-102')?.area, '120.0325');
    t.equal(state.status === 'registered' && state.units.size, 4);
  });

  t.test('a big import is several events, appended together', async (t) => {
    const units = Array.from({ length: 20_000 }, (_, i) => owned(`9-1-${i}`, '50.0001', `p${i}`));
    const events = expectEvents(run(importUnits(units), registered));
    t.equal(events.length, Math.ceil(20_000 / UNITS_PER_EVENT));
    t.same(
      events.map((e) => (e.type === 'UnitsImported' ? [e.data.part, e.data.parts, e.data.units.length] : null)),
      events.map((_, i) => [i + 1, events.length, UNITS_PER_EVENT]),
    );
    const state = stateOf(registered, ...events);
    t.equal(state.status === 'registered' && state.units.size, 20_000);
    t.equal(electorate(state).totalArea, '1000002.00');
  });

  t.test('refuses an empty import and an oversized one', async (t) => {
    t.match(expectError(run(importUnits([]), registered)), { error: 'invalid', code: 'no_units' });
    const tooMany = new Array(MAX_UNITS_PER_COMMAND + 1).fill(owned('1-1-1', '1', 'p'));
    t.match(expectError(run(importUnits(tooMany), registered)), { error: 'invalid', code: 'too_many_units' });
  });

  /** One bad unit (at index 1, after a good one): the whole import is refused with that problem listed. */
  const cases: Array<[string, unknown, string]> = [
    ['zero area', owned('1-1-102', '0', 'p2'), 'area_not_positive'],
    ['zero area with decimals', owned('1-1-102', '0.0000', 'p2'), 'area_not_positive'],
    ['negative area', owned('1-1-102', '-88.5', 'p2'), 'area_not_positive'],
    ['non-numeric area', owned('1-1-102', 'abc', 'p2'), 'area_invalid'],
    ['empty area', owned('1-1-102', '', 'p2'), 'area_invalid'],
    ['five decimals', owned('1-1-102', '88.12345', 'p2'), 'area_invalid'],
    ['exponent', owned('1-1-102', '8.85e1', 'p2'), 'area_invalid'],
    ['comma decimal', owned('1-1-102', '88,5', 'p2'), 'area_invalid'],
    ['padded area', owned('1-1-102', ' 88.5', 'p2'), 'area_invalid'],
    ['plus sign', owned('1-1-102', '+88.5', 'p2'), 'area_invalid'],
    ['trailing dot', owned('1-1-102', '88.', 'p2'), 'area_invalid'],
    ['area as a number', { ...owned('1-1-102', '1', 'p2'), area: 88.5 }, 'area_invalid'],
    ['duplicate within the batch', owned('1-1-101', '90', 'p2'), 'duplicate_unit'],
    ['no owner, not developer-held', owned('1-1-102', '90'), 'owner_required'],
    ['owners missing', { ...owned('1-1-102', '90'), owners: undefined }, 'owners_invalid'],
    ['developer-held with owners', { ...developer('1-1-102', '90'), owners: [{ personId: 'p2', name: 'x' }] }, 'developer_unit_has_owners'],
    ['developerHeld not a boolean', { ...owned('1-1-102', '90', 'p2'), developerHeld: 'yes' }, 'developer_held_invalid'],
    ['blank unit id', { ...owned('1-1-102', '90', 'p2'), unitId: '' }, 'unit_id_invalid'],
    ['space in unit id', { ...owned('1-1-102', '90', 'p2'), unitId: '1-1 102' }, 'unit_id_invalid'],
    ['full-width space in unit id', { ...owned('1-1-102', '90', 'p2'), unitId: '1-1\u3000102' }, 'unit_id_invalid'],
    ['zero-width space in unit id', { ...owned('1-1-102', '90', 'p2'), unitId: '1-1\u200b102' }, 'unit_id_invalid'],
    ['tab in unit id', { ...owned('1-1-102', '90', 'p2'), unitId: '1-1\t102' }, 'unit_id_invalid'],
    ['long unit id', { ...owned('1-1-102', '90', 'p2'), unitId: 'x'.repeat(65) }, 'unit_id_invalid'],
    ['unit id not a string', { ...owned('1-1-102', '90', 'p2'), unitId: 102 }, 'unit_id_invalid'],
    ['blank building', { ...owned('1-1-102', '90', 'p2'), building: '' }, 'building_invalid'],
    ['building with a newline', { ...owned('1-1-102', '90', 'p2'), building: '1\n' }, 'building_invalid'],
    ['unknown area source', { ...owned('1-1-102', '90', 'p2'), areaSource: 'guess' }, 'area_source_invalid'],
    ['blank person id', { ...owned('1-1-102', '90'), owners: [{ personId: ' ', name: '张三' }] }, 'person_id_invalid'],
    ['missing person id', { ...owned('1-1-102', '90'), owners: [{ name: '张三' }] }, 'person_id_invalid'],
    ['blank owner name', { ...owned('1-1-102', '90'), owners: [{ personId: 'p2', name: '  ' }] }, 'owner_name_invalid'],
    ['owner not an object', { ...owned('1-1-102', '90'), owners: ['p2'] }, 'owners_invalid'],
    [
      'same person twice in one unit',
      { ...owned('1-1-102', '90'), owners: [{ personId: 'p2', name: 'a' }, { personId: 'p2', name: 'b' }] },
      'duplicate_owner',
    ],
    [
      'too many co-owners',
      { ...owned('1-1-102', '90'), owners: Array.from({ length: MAX_OWNERS_PER_UNIT + 1 }, (_, i) => ({ personId: `q${i}`, name: 'n' })) },
      'too_many_owners',
    ],
    ['not an object', null, 'unit_id_invalid'],
  ];
  for (const [label, unit, code] of cases) {
    t.test(label, async (t) => {
      const e = expectError(run(importUnits([owned('1-1-101', '88.5', 'p1'), unit]), registered));
      t.equal(e.error, 'invalid');
      t.equal(e.code, 'invalid_units');
      t.match(e.details, { total: 1, truncated: false });
      const errors = (e.details as { errors: UnitProblem[] }).errors;
      t.equal(errors.length, 1, JSON.stringify(errors));
      t.match(errors[0], { index: 1, code });
      t.type(errors[0]!.message, 'string');
    });
  }

  t.test('a unit already registered is a duplicate', async (t) => {
    const events = compoundWith(owned('1-1-101', '88.5', 'p1'));
    const e = expectError(run(importUnits([owned('1-1-102', '70', 'p2'), owned('1-1-101', '88.5', 'p9')]), ...events));
    t.same((e.details as { errors: UnitProblem[] }).errors, [
      { index: 1, unitId: '1-1-101', code: 'duplicate_unit', message: 'unit 1-1-101 is already registered' },
    ]);
  });

  t.test('all or nothing: every problem listed, nothing imported', async (t) => {
    const e = expectError(
      run(
        importUnits([
          owned('1-1-101', '88.5', 'p1'),
          owned('1-1-102', '0', 'p2'),
          owned('1-1-103', '70'),
          owned('1-1-101', '12', 'p3'),
          owned('1-1-104', '77', 'p4'),
          { ...owned('1-x', 'x'), unitId: '', owners: [{ personId: '', name: '' }] },
        ]),
        registered,
      ),
    );
    t.equal(e.code, 'invalid_units');
    const errors = (e.details as { errors: UnitProblem[] }).errors;
    t.same(
      errors.map((x) => [x.index, x.unitId, x.code]),
      [
        [1, '1-1-102', 'area_not_positive'],
        [2, '1-1-103', 'owner_required'],
        [3, '1-1-101', 'duplicate_unit'],
        [5, '', 'unit_id_invalid'],
        [5, '', 'area_invalid'],
        [5, '', 'person_id_invalid'],
        [5, '', 'owner_name_invalid'],
      ],
    );
    t.match(e.details, { total: 7, truncated: false });
  });

  t.test('the list of problems is capped, the total is not', async (t) => {
    const units = Array.from({ length: 250 }, (_, i) => owned(`1-1-${i}`, '0', 'p'));
    const e = expectError(run(importUnits(units), registered));
    const details = e.details as { errors: UnitProblem[]; total: number; truncated: boolean };
    t.equal(details.errors.length, MAX_REPORTED_PROBLEMS);
    t.equal(details.total, 250);
    t.equal(details.truncated, true);
  });

  t.test('the same person may own several units, alone or with others', async (t) => {
    expectEvents(run(importUnits([owned('1-1-101', '88.5', 'p1'), owned('1-1-102', '88.5', 'p1'), owned('1-1-103', '60', 'p1', 'p2')]), registered));
    t.pass();
  });
});

t.test('TransferUnit', async (t) => {
  const history = compoundWith(owned('1-1-101', '88.5', 'p1', 'p2'), developer('1-1-102', '70.25'));
  const transfer = (data: Record<string, unknown>): RegistryCommand => ({ type: 'TransferUnit', data } as RegistryCommand);

  t.test('records new and previous owners', async (t) => {
    const events = expectEvents(run(transfer({ unitId: '1-1-101', owners: [{ personId: 'p9', name: ' 王五 ' }], reference: '沪(2025)浦字第1号' }), ...history));
    t.same(events, [
      {
        type: 'UnitTransferred',
        data: {
          unitId: '1-1-101',
          building: '1',
          owners: [{ personId: 'p9', name: '王五' }],
          previousOwnerPersonIds: ['p1', 'p2'],
          fromDeveloper: false,
          reference: '沪(2025)浦字第1号',
        },
      },
    ]);
    const state = stateOf(...history, ...events);
    t.same(findUnit(state, '1-1-101'), {
      unitId: '1-1-101',
      building: '1',
      area: '88.5',
      areaSource: 'registry',
      owners: [{ personId: 'p9', name: '王五' }],
      developerHeld: false,
    });
  });

  t.test('delivery of a developer-held unit makes it an owned unit', async (t) => {
    const events = expectEvents(run(transfer({ unitId: '1-1-102', owners: [{ personId: 'p3', name: '李四' }] }), ...history));
    t.match(events[0], { data: { previousOwnerPersonIds: [], fromDeveloper: true } });
    t.notOk('reference' in events[0]!.data, 'no reference key when none given');
    const state = stateOf(...history, ...events);
    t.match(findUnit(state, '1-1-102'), { developerHeld: false, owners: [{ personId: 'p3' }] });
    t.same(electorate(state), { units: 2, totalArea: '158.75', headcount: 2 });
  });

  t.test('evolve leaves the earlier state untouched', async (t) => {
    const before = stateOf(...history);
    const events = expectEvents(run(transfer({ unitId: '1-1-101', owners: [{ personId: 'p9', name: 'x' }] }), ...history));
    const after = evolve(before, events[0]!);
    t.same(findUnit(before, '1-1-101')?.owners.map((o) => o.personId), ['p1', 'p2']);
    t.same(findUnit(after, '1-1-101')?.owners.map((o) => o.personId), ['p9']);
  });

  t.test('the same owners in any order: owners_unchanged', async (t) => {
    const e = expectError(run(transfer({ unitId: '1-1-101', owners: [{ personId: 'p2', name: 'b' }, { personId: 'p1', name: 'a' }] }), ...history));
    t.match(e, { error: 'conflict', code: 'owners_unchanged' });
  });

  t.test('a subset or superset of the owners is a transfer', async (t) => {
    expectEvents(run(transfer({ unitId: '1-1-101', owners: [{ personId: 'p1', name: 'a' }] }), ...history));
    expectEvents(run(transfer({ unitId: '1-1-101', owners: [{ personId: 'p1', name: 'a' }, { personId: 'p2', name: 'b' }, { personId: 'p3', name: 'c' }] }), ...history));
    t.pass();
  });

  const bad: Array<[string, Record<string, unknown>, string, string]> = [
    ['unknown unit', { unitId: '9-9-999', owners: [{ personId: 'p9', name: 'x' }] }, 'not_found', 'unit_not_found'],
    ['no owners', { unitId: '1-1-101', owners: [] }, 'invalid', 'owner_required'],
    ['owners not a list', { unitId: '1-1-101' }, 'invalid', 'owners_invalid'],
    ['blank person id', { unitId: '1-1-101', owners: [{ personId: '', name: 'x' }] }, 'invalid', 'person_id_invalid'],
    ['blank name', { unitId: '1-1-101', owners: [{ personId: 'p9', name: '' }] }, 'invalid', 'owner_name_invalid'],
    [
      'same person twice',
      { unitId: '1-1-101', owners: [{ personId: 'p9', name: 'x' }, { personId: 'p9', name: 'x' }] },
      'invalid',
      'duplicate_owner',
    ],
    ['blank reference', { unitId: '1-1-101', owners: [{ personId: 'p9', name: 'x' }], reference: ' ' }, 'invalid', 'reference_invalid'],
  ];
  for (const [label, data, kind, code] of bad) {
    t.test(label, async (t) => {
      const e = expectError(run(transfer(data), ...history));
      t.equal(e.error, kind);
      t.equal(e.code, code);
    });
  }
});

t.test('evolve fails loudly on an event it does not know', async (t) => {
  t.throws(() => evolve(stateOf(registered), { type: 'UnitDemolished', data: {} } as unknown as RegistryEvent));
});
