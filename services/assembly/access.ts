/**
 * Which grants (services/auth/grants.ts) a caller needs for a ballot, and who sees how each unit voted.
 * The deciders judge entitlement from the person and the frozen roll (domain/assembly/ballot.ts); these rules
 * come first and make sure the person also acts under the right grant on the motion's compound.
 */
import { voterForUnit, type MotionState } from '../../domain/assembly/index.js';
import { isDomainError } from '../../domain/shared/errors.js';
import type { Role } from '../auth/grants.js';

/** Paper ballots (纸质表决票) are entered by OC or RC staff with an evidence reference (domain/assembly/actor.ts STAFF_GRANTS). */
const PAPER_ENTRY: readonly Role[] = ['oc_member', 'rc_staff'];

/**
 * The grants under which a ballot for `unitId` may be cast, in the order the event's actor role is chosen:
 * - paper: `oc_member` or `rc_staff`;
 * - electronic, developer-held units (建设单位, 区分所有权解释 Art. 9): `developer`;
 * - electronic, an owner identity: `owner`, for the owner and for a proxy alike (a proxy is another owner or
 *   a family member who signs in as one; the mandate itself is checked by the decider);
 * - a unit not on the roll, or a motion not open: `owner` or `developer`, and the decider says what is wrong.
 */
export function ballotRoles(motion: MotionState, unitId: string, channel: 'electronic' | 'paper'): readonly Role[] {
  if (channel === 'paper') return PAPER_ENTRY;
  const voter = voterForUnit(motion, unitId);
  if (isDomainError(voter)) return ['owner', 'developer'];
  return voter.developerHeld ? ['developer'] : ['owner'];
}

/**
 * Who sees per-unit choices and which units vote together as one household (the ballot list, a ballot by its
 * receipt): the compound's owners, its convenors (OC, RC, street office: domain/assembly/actor.ts) and its
 * supervisory board (监事会), plus admins. Not the property firm, whose hiring or dismissal owners vote on
 * (Civil Code Art. 278(4)), nor the developer, nor the Party committee (firm managers may sit on it part-time,
 * 双向进入、交叉任职); they see the totals in the tally.
 */
export const BALLOT_READERS: readonly Role[] = ['owner', 'oc_member', 'rc_staff', 'street_office', 'supervisor'];

/** Whether a developer may look up this ballot by its receipt: only the ballot of the developer-held units, its own. */
export function isDeveloperBallot(motion: MotionState, unitIds: readonly string[]): boolean {
  const first = unitIds[0];
  if (first === undefined) return false;
  const voter = voterForUnit(motion, first);
  return !isDomainError(voter) && voter.developerHeld;
}
