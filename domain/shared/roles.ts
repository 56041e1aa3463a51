/**
 * The parties' roles within a compound, shared by every context (a grant on a bearer token names one:
 * `oc_member@<compoundId>`, services/auth/grants.ts). Which role may do what is each context's rule.
 */
export const roles = [
  'owner',
  'oc_member',
  'rc_staff',
  'party_committee',
  'street_office',
  'property_firm',
  'supervisor',
  'developer',
] as const;

/**
 * A role within a compound: 业主 owner, 业主委员会 oc_member, 居委会 rc_staff, 社区党委 party_committee,
 * 街道办事处 street_office, 物业服务企业 property_firm, 监事会 supervisor, 建设单位 developer.
 */
export type Role = (typeof roles)[number];
