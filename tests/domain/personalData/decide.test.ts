import t from 'tap';
import { ERASURES_STREAM, ownershipOf, personalDataDecider, retentionEndsAt, type ErasureContext, type ErasePersonalData } from '../../../domain/personalData/index.js';
import type { RegistryEvent } from '../../../domain/registry/index.js';
import { isDomainError } from '../../../domain/shared/errors.js';

const unit = (unitId: string, personIds: string[]) => ({ unitId, building: '1', area: '90', areaSource: 'registry' as const, owners: personIds.map((personId) => ({ personId, name: 'x' })), developerHeld: false });
const log: Array<{ event: RegistryEvent; recordedAt: string }> = [
  { event: { type: 'UnitsImported', data: { units: [unit('101', ['a']), unit('102', ['a', 'b']), unit('103', ['c'])], part: 1, parts: 1 } }, recordedAt: '2024-01-01T00:00:00.000Z' },
  { event: { type: 'UnitTransferred', data: { unitId: '101', building: '1', owners: [{ personId: 'd', name: 'y' }], previousOwnerPersonIds: ['a'], fromDeveloper: false } }, recordedAt: '2024-02-01T00:00:00.000Z' },
  { event: { type: 'UnitReturnedToDeveloper', data: { unitId: '102', building: '1', previousOwnerPersonIds: ['a', 'b'], evidenceRef: 'r' } }, recordedAt: '2024-03-01T00:00:00.000Z' },
];

t.test('ownership: an owner stops being one with the last unit gone', async (t) => {
  t.same(ownershipOf('a', log), { everOwner: true, isOwner: false, ceasedAt: '2024-03-01T00:00:00.000Z' }, 'two units: ceased with the second');
  t.same(ownershipOf('b', log), { everOwner: true, isOwner: false, ceasedAt: '2024-03-01T00:00:00.000Z' });
  t.same(ownershipOf('c', log), { everOwner: true, isOwner: true, ceasedAt: null });
  t.same(ownershipOf('d', log), { everOwner: true, isOwner: true, ceasedAt: null });
  t.same(ownershipOf('z', log), { everOwner: false, isOwner: false, ceasedAt: null });
  const back = [...log, { event: { type: 'UnitTransferred', data: { unitId: '102', building: '1', owners: [{ personId: 'a', name: 'x' }], previousOwnerPersonIds: [], fromDeveloper: true } } as RegistryEvent, recordedAt: '2024-04-01T00:00:00.000Z' }];
  t.same(ownershipOf('a', back), { everOwner: true, isOwner: true, ceasedAt: null }, 'buying again makes an owner again');
});

const erase = (personId: string, by: string, acting: ErasePersonalData['by']['acting']): ErasePersonalData => ({ type: 'ErasePersonalData', data: { compoundId: 'c1', personId }, by: { personId: by, acting } });
const ctx = (personId: string, now: string, liveKeyIds = ['k1']): ErasureContext => ({ now: new Date(now), newId: () => 'id', actor: { personId: 'x', role: 'x' }, ownership: ownershipOf(personId, log), liveKeyIds, retentionDays: 1095 });
const codeOf = (r: unknown) => (isDomainError(r) ? r.code : 'ok');
const state = personalDataDecider.initialState();

t.test('who may erase, and when (PIPL Art. 47; retention from rules.ts)', async (t) => {
  const until = retentionEndsAt('2024-03-01T00:00:00.000Z', 1095).toISOString();
  t.equal(until, '2027-03-01T00:00:00.000Z');
  t.equal(codeOf(personalDataDecider.decide(erase('c', 'c', 'self'), state, ctx('c', '2024-05-01T00:00:00Z'))), 'ok', 'the person, while still an owner');
  t.equal(codeOf(personalDataDecider.decide(erase('c', 'oc', 'oc_member'), state, ctx('c', '2030-01-01T00:00:00Z'))), 'still_an_owner', 'the OC, not while an owner');
  t.equal(codeOf(personalDataDecider.decide(erase('a', 'oc', 'oc_member'), state, ctx('a', '2027-02-28T23:59:59.999Z'))), 'retention_period_running', 'a millisecond early');
  const done = personalDataDecider.decide(erase('a', 'admin', 'admin'), state, ctx('a', until));
  t.match(done, [{ type: 'PersonalDataErased', data: { compoundId: 'c1', personId: 'a', keyIds: ['k1'], requestedBy: 'admin', basis: 'retention_expired', ceasedToBeOwnerAt: '2024-03-01T00:00:00.000Z', erasedAt: until } }], 'at the instant the period ends');
  t.equal(codeOf(personalDataDecider.decide(erase('z', 'oc', 'oc_member'), state, ctx('z', until, []))), 'person_not_found');
  t.equal(codeOf(personalDataDecider.decide(erase('a', 'b', 'self'), state, ctx('a', until))), 'not_entitled', '`self` is only the person');
  const after = personalDataDecider.evolve(state, (done as never[])[0]!);
  t.equal(codeOf(personalDataDecider.decide(erase('a', 'oc', 'oc_member'), after, ctx('a', until, []))), 'already_erased');
  t.equal(codeOf(personalDataDecider.decide(erase('a', 'oc', 'oc_member'), after, ctx('a', until, ['k2']))), 'ok', 'new data under a new key may be erased again');
  t.equal(ERASURES_STREAM, 'personal-data-erasures');
});
