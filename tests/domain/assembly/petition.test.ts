import t, { type Test } from 'tap';
import { petitionDecider, type PetitionContext, type PetitionEvent } from '../../../domain/assembly/petition.js';
import type { VoterIdentity } from '../../../domain/registry/types.js';
import { spec } from '../../support/deciderSpec.js';

// Ten owners of 100.00 m² each, and one of 300.00 m² (11 heads, 1,300.00 m²).
const roll: VoterIdentity[] = [
  ...Array.from({ length: 10 }, (_, i) => ({
    voterId: `owners:p${i}`,
    developerHeld: false,
    ownerPersonIds: [`p${i}`],
    units: [{ unitId: `1-${i}`, building: '1', area: '100.00' }],
    area: '100.00',
  })),
  { voterId: 'owners:big', developerHeld: false, ownerPersonIds: ['big'], units: [{ unitId: '2-1', building: '2', area: '300.00' }], area: '300.00' },
];
const owner = (personId: string) => ({ personId, grants: ['owner'] });
const context = (): PetitionContext => ({ now: new Date('2024-09-20T10:00:00+08:00'), newId: () => 'id', actor: { personId: 'x', role: 'owner' } });
const petition = spec(petitionDecider, context);
const open = { type: 'OpenPetition', data: { petitionId: 'pt1', compoundId: 'c1', purpose: '罢免物业服务企业', roll }, by: owner('p0') } as const;
const sign = (personId: string, unitId: string) => ({ type: 'SignPetition', data: { petitionId: 'pt1', unitId }, by: owner(personId) }) as const;

function signed(t: Test, ...who: Array<[string, string]>): PetitionEvent[] {
  const events = [...petition.given([]).when(open).events(t)];
  for (const [p, u] of who) events.push(...petition.given(events).when(sign(p, u)).events(t));
  return events;
}

t.test('物业管理条例 Art. 13 / 指导规则 Art. 21: 20% of area AND 20% of heads oblige the OC to convene', async (t) => {
  // Given the big owner signed (300.00 of 1,300.00 m² ≥ 20%, but 1 of 11 heads < 20%);
  const given = signed(t, ['big', '2-1']);
  t.equal(given.filter((e) => e.type === 'PetitionThresholdReached').length, 0, 'area alone is not enough');
  // When one more owner signs: 400.00 m² and 2 of 11 heads (2·5 = 10 < 11: still under 20% of heads);
  const two = petition.given(given).when(sign('p1', '1-1')).events(t);
  t.same(two.map((e) => e.type), ['PetitionSigned']);
  // Then the third signature reaches 3 of 11 heads (15 ≥ 11) and 500.00 m²: the OC must convene within 30 days.
  const three = petition.given([...given, ...two]).when(sign('p2', '1-2')).events(t);
  t.same(three.map((e) => e.type), ['PetitionSigned', 'PetitionThresholdReached']);
  t.match(three[1]!.data, { signatures: { area: '500.00', headcount: 3 }, eligible: { area: '1300.00', headcount: 11 } });
  t.equal((three[1]!.data as { conveneBy: string }).conveneBy, '2024-10-21T16:00:00.000Z', 'day 30 is 10-20, a Sunday: rolls to Monday 10-21, 24:00 China time (Civil Code Arts. 201–203)');
});

t.test('one signature per owner; only an owner of the unit signs', async (t) => {
  const given = signed(t, ['p1', '1-1']);
  petition.given(given).when(sign('p1', '1-1')).then(t, 'already_signed');
  petition.given(given).when(sign('p3', '1-1')).then(t, 'not_entitled');
  petition.given(given).when({ ...sign('p3', '1-3'), by: { personId: 'p3', grants: ['property_firm'] } }).then(t, 'not_entitled');
  petition.given(given).when(sign('p3', '9-9')).then(t, 'unit_not_in_roll');
  petition.given([]).when(sign('p3', '1-3')).then(t, 'petition_not_found');
  petition.given([]).when({ ...open, by: owner('stranger') }).then(t, 'not_entitled');
  petition.given([]).when({ ...open, data: { ...open.data, purpose: ' ' } }).then(t, 'invalid_petition');
});
