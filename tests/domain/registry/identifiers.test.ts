/** Issue #9 item 2: identifiers match the documented pattern; free text is bounded and free of controls. */
import t from 'tap';
import { fold } from '../../../domain/shared/decider.js';
import { isDomainError } from '../../../domain/shared/errors.js';
import { registryDecider, type RegistryCommand, type RegistryEvent, type UnitInput } from '../../../domain/registry/index.js';

const COMPOUND_ID = 'c0ffee00-0000-5000-8000-000000000001';
const registered: RegistryEvent = {
  type: 'CompoundRegistered',
  data: { compoundId: COMPOUND_ID, name: '阳光花园', address: '上海市浦东新区某路 1 号', jurisdiction: 'shanghai' },
};
const imported: RegistryEvent = {
  type: 'UnitsImported',
  data: { part: 1, parts: 1, units: [{ unitId: '1-1-101', building: '1', area: '90', areaSource: 'registry', owners: [{ personId: 'p1', name: '张三' }], developerHeld: false }] },
};
const run = (command: RegistryCommand) =>
  registryDecider.decide(command, fold(registryDecider, [registered, imported]), {
    now: new Date('2025-01-01T00:00:00Z'),
    newId: () => 'id',
    actor: { personId: 'admin-1', role: 'admin' },
  });
const unit = (over: Partial<UnitInput>): UnitInput => ({ unitId: '1-1-102', building: '1', area: '88.5', areaSource: 'registry', owners: [{ personId: 'p2', name: '李四' }], ...over });
const codes = (r: ReturnType<typeof run>) =>
  isDomainError(r) ? (r.code === 'invalid_units' ? (r.details!.errors as { code: string }[]).map((e) => e.code) : [r.code]) : [];

t.test('unit ids, buildings and person ids follow the identifier pattern', async (t) => {
  const bad = ['__proto__', 'constructor', 'prototype', '../../etc/passwd', '1-1/102', 'a..b', '.hidden', '-x', '1-1-\ud800', 'x\u0000', '1-1?102', '1-1#102', 'x'.repeat(65)];
  for (const id of bad) {
    t.same(codes(run({ type: 'ImportUnits', data: { units: [unit({ unitId: id })] } })), ['unit_id_invalid'], `unit id ${JSON.stringify(id)}`);
    t.same(codes(run({ type: 'ImportUnits', data: { units: [unit({ building: id })] } })), ['building_invalid'], `building ${JSON.stringify(id)}`);
    t.same(codes(run({ type: 'ImportUnits', data: { units: [unit({ owners: [{ personId: id, name: '李四' }] })] } })), ['person_id_invalid'], `person id ${JSON.stringify(id)}`);
    t.same(codes(run({ type: 'TransferUnit', data: { unitId: '1-1-101', owners: [{ personId: id, name: '李四' }] } })), ['person_id_invalid'], `transfer to ${JSON.stringify(id)}`);
  }
  const good = ['1-1-102', '1号楼', '甲栋-2单元-301', 'A-2', 'p-admin', 'x'.repeat(64), 'B1:0203', 'u_1.2'];
  for (const id of good) {
    t.same(codes(run({ type: 'ImportUnits', data: { units: [unit({ unitId: id, building: id, owners: [{ personId: id, name: '李四' }] })] } })), [], `accepted ${id}`);
  }
});

t.test('owner names and references: bounded, no control characters, no lone surrogates', async (t) => {
  t.same(codes(run({ type: 'ImportUnits', data: { units: [unit({ owners: [{ personId: 'p2', name: '李\ud800四' }] })] } })), ['owner_name_invalid']);
  t.same(codes(run({ type: 'TransferUnit', data: { unitId: '1-1-101', owners: [{ personId: 'p2', name: '李四' }], reference: 'x'.repeat(201) } })), ['reference_invalid']);
  t.same(codes(run({ type: 'TransferUnit', data: { unitId: '1-1-101', owners: [{ personId: 'p2', name: '李四' }], reference: 'deed\n12' } })), ['reference_invalid']);
});
