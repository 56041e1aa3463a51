/**
 * The parties of three-party work (三方联动) and the joint meeting (联席会议): the community Party committee, the
 * residents' committee, the owners' committee, the property firm, the supervisory board, the police station,
 * government departments, volunteers. Who acts for a party is told by the grant (services/auth/grants.ts).
 */
export type Party = 'party_committee' | 'rc' | 'oc' | 'firm' | 'supervisory_board' | 'police_station' | 'department' | 'volunteer' | 'street_office';
export const jointParties: readonly Party[] = ['party_committee', 'rc', 'oc', 'firm', 'supervisory_board', 'police_station', 'department', 'volunteer', 'street_office'];

/** The party a grant acts for. Police, departments and volunteers have no grant: the RC records for them. */
export const PARTY_OF_GRANT: Readonly<Record<string, Party>> = {
  party_committee: 'party_committee',
  rc_staff: 'rc',
  oc_member: 'oc',
  property_firm: 'firm',
  supervisor: 'supervisory_board',
  street_office: 'street_office',
};

/** Whether `grants` may act for `party`: its own grant, or the RC / Party committee recording for a party without one. */
export function actsFor(grants: readonly string[], party: Party): boolean {
  if (grants.some((g) => PARTY_OF_GRANT[g] === party)) return true;
  const recordedByCommunity = party === 'police_station' || party === 'department' || party === 'volunteer';
  return recordedByCommunity && grants.some((g) => g === 'rc_staff' || g === 'party_committee');
}
