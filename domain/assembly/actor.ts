/**
 * Authorisation facts a command carries: who acts, and the roles they hold on the motion's compound (the HTTP
 * layer reads them from the bearer token's grants, services/auth/grants.ts). The deciders judge entitlement
 * from these facts and the frozen roll alone.
 */

/** The acting person and their roles on the compound (e.g. `owner`, `oc_member`, `rc_staff`, `developer`). */
export interface ActorFacts {
  readonly personId: string;
  readonly grants: readonly string[];
}

/**
 * Who may convene and run a vote: the owners' committee (业主委员会, 物业管理条例 Art. 15(1)); the residents'
 * committee acting in its place (沪居委条例 Art. 20; 指导规则 Arts. 58–60); the street office convening when the
 * OC fails to (京条例 Art. 36); `system` for the server's own scheduler (opening and closing on time).
 */
export const CONVENOR_GRANTS: readonly string[] = ['oc_member', 'rc_staff', 'street_office', 'system'];

/** Who may enter a paper ballot or record a written proxy mandate, with an evidence reference: OC or RC staff. */
export const STAFF_GRANTS: readonly string[] = ['oc_member', 'rc_staff'];

/** Who may cast the ballot of the developer-held units (建设单位). */
export const DEVELOPER_GRANT = 'developer';

export const holdsAny = (actor: ActorFacts, grants: readonly string[]): boolean =>
  actor.grants.some((g) => grants.includes(g));
