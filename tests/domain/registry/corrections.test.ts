/** Registry corrections (登记更正): new events with their evidence, never edits; a frozen roll keeps its figures. */
import t from 'tap';
import { registryDecider, voterIdentities, type RegistryEvent } from '../../../domain/registry/index.js';
import { spec } from '../../support/deciderSpec.js';

const registry = spec(registryDecider, () => ({ now: new Date('2026-01-01T00:00:00Z'), newId: () => 'c1', actor: { personId: 'p-rc', role: 'rc_staff' } }));
const given: RegistryEvent[] = [
  { type: 'CompoundRegistered', data: { compoundId: 'c1', name: '翠湖花园', address: '文三路 1 号', jurisdiction: 'hangzhou' } },
  {
    type: 'UnitsImported',
    data: {
      units: [
        { unitId: '1-101', building: '1', area: '88.50', areaSource: 'contract', owners: [{ personId: 'p1', name: '张三' }], developerHeld: false },
        { unitId: '1-102', building: '1', area: '90', areaSource: 'registry', owners: [], developerHeld: true },
      ],
      part: 1,
      parts: 1,
    },
  },
];

t.test('an area corrected by a survey report (区分所有权解释 Art. 8): the next roll uses it', async (t) => {
  const corrected = registry.given(given).when({ type: 'CorrectUnit', data: { kind: 'area', unitId: '1-101', area: '87.9250', areaSource: 'survey', evidenceRef: '实测报告-2026-03' } });
  corrected.then(t, [
    { type: 'UnitAreaCorrected', data: { unitId: '1-101', building: '1', area: '87.9250', areaSource: 'survey', previousArea: '88.50', previousAreaSource: 'contract', evidenceRef: '实测报告-2026-03' } },
  ]);
  const after = registry.given([...given, ...corrected.events(t)]).state;
  t.equal(voterIdentities(after).find((v) => v.ownerPersonIds.includes('p1'))!.area, '87.925');
  registry.given(given).when({ type: 'CorrectUnit', data: { kind: 'area', unitId: '1-101', area: '88.50', areaSource: 'contract', evidenceRef: 'x' } }).then(t, 'area_unchanged');
  registry.given(given).when({ type: 'CorrectUnit', data: { kind: 'area', unitId: '1-101', area: '-1', areaSource: 'survey', evidenceRef: 'x' } }).then(t, 'area_not_positive');
  registry.given(given).when({ type: 'CorrectUnit', data: { kind: 'area', unitId: '1-101', area: '80', areaSource: 'survey', evidenceRef: ' ' } }).then(t, 'evidence_required');
  registry.given(given).when({ type: 'CorrectUnit', data: { kind: 'area', unitId: '9-999', area: '80', areaSource: 'survey', evidenceRef: 'x' } }).then(t, 'unit_not_found');
});

t.test('a unit returned to the developer joins the developer\u2019s one head (区分所有权解释 Art. 9)', async (t) => {
  const returned = registry.given(given).when({ type: 'CorrectUnit', data: { kind: 'returned_to_developer', unitId: '1-101', evidenceRef: '解除合同-88' } });
  const after = registry.given([...given, ...returned.events(t)]).state;
  const identities = voterIdentities(after);
  t.equal(identities.length, 1, 'one head: the developer');
  t.same(identities[0]!.units.map((u) => u.unitId).sort(), ['1-101', '1-102']);
  registry.given(given).when({ type: 'CorrectUnit', data: { kind: 'returned_to_developer', unitId: '1-102', evidenceRef: 'x' } }).then(t, 'already_developer_held');
});

t.test('an owner\u2019s name corrected; the person and the vote stay the same', async (t) => {
  const named = registry.given(given).when({ type: 'CorrectUnit', data: { kind: 'owner_name', unitId: '1-101', personId: 'p1', name: '张叁', evidenceRef: '身份证复印件-核验' } });
  const after = registry.given([...given, ...named.events(t)]).state;
  t.same(after.status === 'registered' ? after.units && voterIdentities(after).find((v) => v.ownerPersonIds.includes('p1'))!.ownerPersonIds : null, ['p1']);
  registry.given(given).when({ type: 'CorrectUnit', data: { kind: 'owner_name', unitId: '1-101', personId: 'p9', name: 'x', evidenceRef: 'x' } }).then(t, 'owner_not_found');
});
