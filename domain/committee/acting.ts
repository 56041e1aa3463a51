/**
 * Who acts for the owners when there is no owners' committee (业主委员会):
 * - Beijing's property-management committee (物业管理委员会, 京条例 Arts. 52–60): formed by the street office where
 *   no assembly can be held or no OC is elected (Art. 53); ≥ 7 members, odd, owner representatives ≥ 1/2, chaired
 *   by the residents' committee's representative, the vice-chair an owner representative (Art. 54); it organises
 *   the owners' decisions (Art. 56), convened by its chair (Art. 57); its term ≤ 3 years (Art. 58); dissolved
 *   within 30 days once an OC is elected and filed (Art. 59).
 * - Hangzhou's (杭条例 Arts. 38–41): 7–11 members, odd, one each from the street office, the RC and the developer,
 *   owner representatives ≥ 1/2 (Art. 39), chaired by the street office's representative (Art. 39 para. 3); it
 *   organises the owners' decisions and acts for the OC meanwhile (Art. 40 paras. 2–3); term ≤ 2 years (Art. 41).
 * - Shanghai's residents' committee (居民委员会), which organises the owners' decisions where no OC could be
 *   elected, under the street office's guidance (沪居委条例 Art. 20 para. 2); nationally the same (指导规则 Art. 58).
 * The body in charge is the one that may convene owners' decisions; each such decision is recorded on the
 * committee's stream naming the body, the role that acted and the article.
 */
import type { ActorFacts } from '../assembly/index.js';
import type { Jurisdiction } from '../registry/index.js';
import type { DomainError } from '../shared/errors.js';
import { refuse } from './errors.js';
import { entitled, isText } from './guards.js';
import type { GroupMemberKind } from './rules.js';

/** Members of a property-management committee: the group's kinds and (京条例 Art. 54) occupants' representatives (物业使用人代表). */
export type PmcMemberKind = GroupMemberKind | 'occupant_representative';
export const pmcMemberKinds: readonly PmcMemberKind[] = ['owner_representative', 'developer', 'street_office', 'residents_committee', 'party_organisation', 'occupant_representative'];

export interface PmcMember {
  readonly memberId: string;
  readonly name: string;
  readonly kind: PmcMemberKind;
  /** Owner representatives: their unit in the compound. */
  readonly unitId?: string;
}

/** The acting body a jurisdiction provides where there is no OC, as data with the article of every number. */
export type ActingBodyRule =
  | {
      readonly kind: 'property_management_committee';
      readonly minMembers: number;
      readonly maxMembers: number | null;
      /** The kind of member who chairs it. */
      readonly chairKind: PmcMemberKind;
      /** Kinds that must each sit on it (杭条例 Art. 39: one each from the street office, the RC, the developer). */
      readonly requiredKinds: readonly PmcMemberKind[];
      readonly maxTermYears: number;
      /** Days within which it is dissolved once an OC is filed (null: on the handover, no period). */
      readonly dissolveDaysAfterFiling: number | null;
      /** Who convenes the owners' decisions for it: its chair's role. */
      readonly convenorGrants: readonly string[];
      readonly sources: Readonly<Record<'formation' | 'composition' | 'chair' | 'term' | 'acts' | 'dissolution', string>>;
    }
  | {
      readonly kind: 'residents_committee';
      readonly convenorGrants: readonly string[];
      readonly sources: Readonly<Record<'acts', string>>;
    };

export const actingBodyRules: Readonly<Record<Jurisdiction, ActingBodyRule>> = {
  national: { kind: 'residents_committee', convenorGrants: ['rc_staff'], sources: { acts: '指导规则 Art. 58: where no OC is elected the RC organises the owners under the street office’s guidance [BG]' } },
  shanghai: { kind: 'residents_committee', convenorGrants: ['rc_staff'], sources: { acts: '沪居委条例 Art. 20 para. 2: where no OC could be elected the RC organises the owners’ decisions under the street office’s guidance [T]' } },
  beijing: {
    kind: 'property_management_committee',
    minMembers: 7,
    maxMembers: null,
    chairKind: 'residents_committee',
    requiredKinds: ['residents_committee'],
    maxTermYears: 3,
    dissolveDaysAfterFiling: 30,
    convenorGrants: ['rc_staff'],
    sources: {
      formation: '京条例 Arts. 52–53: formed by the street office where no assembly can be held or no OC is elected [T]',
      composition: '京条例 Art. 54 para. 1: RC, owner and occupant representatives, ≥ 7, odd; owners ≥ 1/2 [T]',
      chair: '京条例 Art. 54 para. 2: chaired by the RC’s representative; vice-chair an owner representative [T]',
      term: '京条例 Art. 58: the term ≤ 3 years [T]',
      acts: '京条例 Art. 56: the property-management committee organises the owners’ decisions (convened by its chair, Art. 57) [T]',
      dissolution: '京条例 Art. 59: dissolved within 30 days once an OC is elected and filed [T]',
    },
  },
  hangzhou: {
    kind: 'property_management_committee',
    minMembers: 7,
    maxMembers: 11,
    chairKind: 'street_office',
    requiredKinds: ['street_office', 'residents_committee'],
    maxTermYears: 2,
    dissolveDaysAfterFiling: null,
    convenorGrants: ['street_office'],
    sources: {
      formation: '杭条例 Art. 38: formed by the street office where no assembly or OC is in place [T]',
      composition: '杭条例 Art. 39 para. 1: street office, RC, developer and owner representatives, 7–11, odd; owners ≥ 1/2 [T]',
      chair: '杭条例 Art. 39 para. 3: chaired by the street office’s representative [T]',
      term: '杭条例 Art. 41 para. 1: the term ≤ 2 years [T]',
      acts: '杭条例 Art. 40 paras. 2–3: the property-management committee organises the owners’ decisions and acts for the OC meanwhile [T]',
      dissolution: '杭条例 Art. 41 para. 2: dissolved once the OC is elected and the handover done [T]',
    },
  },
};

/** 物业管理委员会 as formed, with its term and, once an OC is filed, the date by which it is dissolved. */
export interface PmcState {
  readonly kind: 'property_management_committee';
  readonly pmcId: string;
  readonly members: readonly PmcMember[];
  readonly chairMemberId: string;
  readonly viceChairMemberId: string | null;
  readonly grounds: string;
  readonly formedAt: string;
  readonly termEndsAt: string;
  readonly dissolveDueBy: string | null;
  readonly dissolved: { readonly at: string; readonly reason: string; readonly late: boolean } | null;
  readonly source: string;
}

/** 居民委员会代行: the RC organising the owners' decisions where no OC could be elected. */
export interface RcActingState {
  readonly kind: 'residents_committee';
  readonly since: string;
  readonly reason: string;
  /** 经业主大会委托: the assembly's commission to act for the OC, where given. */
  readonly commissionRef: string | null;
  readonly ended: { readonly at: string } | null;
  readonly source: string;
}

/** An owners' decision convened by the acting body: which body, the role that acted and the article. */
export interface ActedConvening {
  readonly motionId: string;
  readonly matter: string;
  readonly body: 'property_management_committee' | 'residents_committee';
  readonly role: string;
  readonly source: string;
  readonly convenedAt: string;
}

export interface ActingState {
  readonly body: PmcState | RcActingState | null;
  readonly pastBodies: ReadonlyArray<PmcState | RcActingState>;
  readonly convened: readonly ActedConvening[];
}

export const emptyActing = (): ActingState => ({ body: null, pastBodies: [], convened: [] });

export type BodyInCharge =
  | { readonly body: 'owners_committee'; readonly source: string }
  | { readonly body: 'property_management_committee'; readonly source: string; readonly convenorGrants: readonly string[] }
  | { readonly body: 'residents_committee'; readonly source: string; readonly convenorGrants: readonly string[] };

/** The acting body still in office at `now`: not dissolved or ended, and (a PMC) within its term (京条例 Art. 58; 杭条例 Art. 41). */
export function actingInOffice(acting: ActingState, now: Date): PmcState | RcActingState | null {
  const b = acting.body;
  if (!b) return null;
  if (b.kind === 'property_management_committee') return b.dissolved === null && now.getTime() < Date.parse(b.termEndsAt) ? b : null;
  return b.ended === null ? b : null;
}

/**
 * The body in charge of the compound at `now`: the OC while one serves with at least half its seats filled
 * (京条例 Art. 48: fewer than half after the alternates → it cannot act), else the acting body in office.
 */
export function bodyInCharge(jurisdiction: Jurisdiction, ocServing: { serving: number; seats: number } | null, acting: ActingState, now: Date): BodyInCharge | null {
  if (ocServing && ocServing.serving > 0 && 2 * ocServing.serving >= ocServing.seats) return { body: 'owners_committee', source: '物业管理条例 Art. 15: the OC carries out the assembly’s decisions [T]' };
  const b = actingInOffice(acting, now);
  if (!b) return null;
  const rule = actingBodyRules[jurisdiction];
  return { body: b.kind, source: b.source, convenorGrants: rule.convenorGrants };
}

/** Whether `by` may convene an owners' decision for the acting body in charge; the body and its article when so. */
export function actingConvenor(charge: BodyInCharge | null, by: ActorFacts): Exclude<BodyInCharge, { body: 'owners_committee' }> | DomainError {
  if (!charge) return refuse('no_acting_body', 'no property-management committee or acting residents\u2019 committee is in office for this compound');
  if (charge.body === 'owners_committee') return refuse('committee_in_office', `the owners\u2019 committee is in office and convenes the owners (${charge.source})`, { source: charge.source });
  const denied = entitled(by, [...charge.convenorGrants, 'admin']);
  if (denied) return refuse('not_entitled', `the ${charge.body.replace(/_/g, ' ')} convenes through ${charge.convenorGrants.join(', ')} (${charge.source})`, { needed: charge.convenorGrants, source: charge.source });
  return charge;
}

export interface PmcInput {
  readonly members: readonly PmcMember[];
  readonly chairMemberId: string;
  readonly viceChairMemberId?: string;
  readonly termYears: number;
  readonly knownUnits: readonly string[];
}

/** A PMC's composition per the pack: size, odd, owners ≥ 1/2, required kinds, the chair's and vice-chair's kinds, the term. */
export function pmcProblem(rule: Extract<ActingBodyRule, { kind: 'property_management_committee' }>, d: PmcInput): DomainError | null {
  const m = d.members;
  if (!Array.isArray(m) || m.length > 51) return refuse('invalid_acting_body', 'at most 51 members');
  if (new Set(m.map((x) => x.memberId)).size !== m.length) return refuse('invalid_acting_body', 'member ids are unique');
  for (const x of m) {
    if (!isText(x.memberId, 64) || !isText(x.name, 100) || !pmcMemberKinds.includes(x.kind)) return refuse('invalid_acting_body', 'each member has an id, a name and a kind', { kinds: pmcMemberKinds });
    if (x.kind === 'owner_representative' && (!x.unitId || !d.knownUnits.includes(x.unitId))) return refuse('invalid_acting_body', `owner representative ${x.memberId} names a unit of the compound`, { memberId: x.memberId });
  }
  const owners = m.filter((x) => x.kind === 'owner_representative').length;
  const size = rule.maxMembers === null ? `at least ${rule.minMembers}` : `${rule.minMembers} to ${rule.maxMembers}`;
  if (m.length < rule.minMembers || (rule.maxMembers !== null && m.length > rule.maxMembers) || m.length % 2 === 0) {
    return refuse('invalid_acting_body', `${size} members, an odd number (${rule.sources.composition})`, { members: m.length, source: rule.sources.composition });
  }
  if (2 * owners < m.length) return refuse('invalid_acting_body', `owner representatives are at least half (${rule.sources.composition})`, { owners, members: m.length, source: rule.sources.composition });
  const missing = rule.requiredKinds.filter((k) => !m.some((x) => x.kind === k));
  if (missing.length > 0) return refuse('invalid_acting_body', `a representative of each of: ${missing.join(', ')} (${rule.sources.composition})`, { missing, source: rule.sources.composition });
  const chair = m.find((x) => x.memberId === d.chairMemberId);
  if (!chair || chair.kind !== rule.chairKind) return refuse('invalid_acting_body', `the chair is the ${rule.chairKind.replace(/_/g, ' ')} representative (${rule.sources.chair})`, { chairKind: rule.chairKind, source: rule.sources.chair });
  if (d.viceChairMemberId !== undefined) {
    const vice = m.find((x) => x.memberId === d.viceChairMemberId);
    // 京条例 Art. 54 para. 2: the vice-chair is an owner representative the RC names.
    if (!vice || vice.memberId === chair.memberId || vice.kind !== 'owner_representative') return refuse('invalid_acting_body', `the vice-chair is an owner representative (${rule.sources.chair})`, { source: rule.sources.chair });
  }
  if (!Number.isInteger(d.termYears) || d.termYears < 1 || d.termYears > rule.maxTermYears) return refuse('invalid_acting_body', `the term is 1 to ${rule.maxTermYears} years (${rule.sources.term})`, { source: rule.sources.term });
  return null;
}
