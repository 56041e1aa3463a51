/**
 * Small checks the committee's deciders share: entitlement from the actor's grants, text fields, instants,
 * and the composition of a preparatory or re-election group (指导规则 Arts. 10–12; 沪规定 Arts. 15, 28;
 * 京条例 Arts. 31, 49).
 */
import { holdsAny, type ActorFacts } from '../assembly/index.js';
import type { DomainError } from '../shared/errors.js';
import { refuse } from './errors.js';
import { groupMemberKinds, type CommitteeRules, type GroupMemberKind } from './rules.js';

export const iso = (d: Date): string => d.toISOString();
export const isText = (v: unknown, max = 200): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max;

export const entitled = (by: ActorFacts, grants: readonly string[]): DomainError | null =>
  holdsAny(by, grants) ? null : refuse('not_entitled', `this needs one of: ${grants.join(', ')}`, { needed: grants });

export function addMonths(at: string, months: number): string {
  const d = new Date(at);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString();
}

export interface GroupInput {
  readonly members: ReadonlyArray<{ readonly memberId: string; readonly name: string; readonly kind: GroupMemberKind; readonly unitId?: string }>;
  readonly leaderMemberId: string;
  readonly knownUnits: readonly string[];
}

/** A group's composition: odd, owner representatives ≥ 1/2 each naming a unit of the compound, the leader per pack. */
export function groupProblem(rules: CommitteeRules, d: GroupInput, leaderKind: GroupMemberKind = rules.leaderKind): DomainError | null {
  const members = d.members;
  if (members.length < 3 || members.length > 51) return refuse('invalid_group', 'a group has 3 to 51 members');
  if (new Set(members.map((m) => m.memberId)).size !== members.length) return refuse('invalid_group', 'member ids are unique');
  for (const m of members) {
    if (!isText(m.memberId, 64) || !isText(m.name, 100) || !groupMemberKinds.includes(m.kind)) return refuse('invalid_group', 'each member has an id, a name and a kind', { kinds: groupMemberKinds });
    if (m.kind === 'owner_representative' && (!m.unitId || !d.knownUnits.includes(m.unitId))) return refuse('invalid_group', `owner representative ${m.memberId} names a unit of the compound`, { memberId: m.memberId });
  }
  if (members.length % 2 === 0) return refuse('invalid_group', `the group has an odd number of members (${rules.sources.group})`);
  const owners = members.filter((m) => m.kind === 'owner_representative').length;
  if (2 * owners < members.length) return refuse('invalid_group', `owner representatives are at least half of the group (${rules.sources.group})`, { owners, members: members.length });
  const leader = members.find((m) => m.memberId === d.leaderMemberId);
  if (!leader) return refuse('invalid_group', 'the leader is one of the members');
  if (leader.kind !== leaderKind) return refuse('invalid_group', `the leader is the ${leaderKind.replace(/_/g, ' ')} representative (${rules.sources.leader})`, { leaderKind });
  return null;
}
