/**
 * The owners' committee's rule packs (业主委员会规则): the numbers and conditions of its formation and life, per
 * jurisdiction, as data, each with its article. Tags as in reference/domain-rules.md: [T] statute text read,
 * [P] public page quoting it, [BG] unverified background.
 */
import type { Jurisdiction } from '../registry/types.js';

/** Kinds of preparatory-group member (筹备组成员): 指导规则 Art. 10; 京条例 Art. 31 adds the community Party organisation. */
export type GroupMemberKind = 'owner_representative' | 'developer' | 'street_office' | 'residents_committee' | 'party_organisation';
export const groupMemberKinds: readonly GroupMemberKind[] = ['owner_representative', 'developer', 'street_office', 'residents_committee', 'party_organisation'];

/** Who nominates a candidate (候选人产生方式): 京条例 Art. 40; 杭条例 Art. 26. */
export type NominationRoute = 'party_organisation' | 'residents_committee' | 'self' | 'owners_jointly';
export const nominationRoutes: readonly NominationRoute[] = ['party_organisation', 'residents_committee', 'self', 'owners_jointly'];

/** A condition a candidate declares (with evidence or a written pledge where the pack asks). */
export type DeclaredCondition = 'full_capacity' | 'no_firm_interest' | 'no_arrears' | 'not_dishonest_debtor';
export const declaredConditions: readonly DeclaredCondition[] = ['full_capacity', 'no_firm_interest', 'no_arrears', 'not_dishonest_debtor'];

/** Every condition checked, the registry's (owner in the compound) and the declared ones. */
export type EligibilityCondition = 'owner_in_compound' | DeclaredCondition;

export interface ConditionRule {
  readonly condition: DeclaredCondition;
  /** What must accompany the declaration: nothing, an evidence reference, or a written pledge (书面承诺). */
  readonly needs: 'declaration' | 'evidence' | 'pledge';
  readonly source: string;
}

export interface CommitteeRules {
  readonly jurisdiction: Jurisdiction;
  /** The body that prepares the first assembly: a 筹备组, or (Hangzhou) the 物业管理委员会 acting as one. */
  readonly preparatoryBody: 'preparatory_group' | 'property_management_committee';
  /** The kind of member who leads it. */
  readonly leaderKind: GroupMemberKind;
  /** Days after formation within which the member list is posted; null = no fixed period. */
  readonly groupListPostingDays: number | null;
  /** Days after formation within which the first assembly is held; null = no fixed period. */
  readonly firstAssemblyDays: number | null;
  /** Nomination routes the pack knows. */
  readonly nominationRoutes: readonly NominationRoute[];
  /** Declared conditions of eligibility (besides being an owner in the compound). */
  readonly conditions: readonly ConditionRule[];
  /** The community Party organisation's consent to each candidate is needed before posting. */
  readonly partyConsentRequired: boolean;
  /** The street office's review of each candidate is needed before posting. */
  readonly streetOfficeReviewRequired: boolean;
  /** The candidate list is posted at least this many days before voting opens (a legal period). */
  readonly postingBeforeVoteDays: number;
  /** Seats: odd, between min and max; `smallSeats` where the compound is small (by area or households). */
  readonly seats: { readonly min: number; readonly max: number; readonly smallSeats: number; readonly small: { readonly maxArea?: string; readonly maxHouseholds?: number } };
  /** Term in years. */
  readonly termYears: { readonly min: number; readonly max: number };
  /** Months before the term ends by which the re-election is reported to the street office. */
  readonly reelectionReportMonths: number;
  /** Days after the election for the first meeting (chair and vice-chairs). */
  readonly firstMeetingDays: number;
  /** Days after the election for the filing. */
  readonly filingDays: number;
  /** Days after an OC meeting within which its decisions are published. */
  readonly decisionPublicationDays: number;
  /** Days within which an early re-election is organised once fewer than half the seats are filled. */
  readonly earlyReelectionDays: number;
  /** No hiring or dismissing the firm, fee change or major works while a re-election runs (沪规定 Art. 28). */
  readonly transitionFreeze: boolean;
  readonly sources: Readonly<Record<'group' | 'leader' | 'groupListPostingDays' | 'firstAssemblyDays' | 'nomination' | 'ownerInCompound' | 'partyConsent' | 'streetOfficeReview' | 'postingBeforeVoteDays' | 'seats' | 'termYears' | 'reelectionReportMonths' | 'firstMeeting' | 'officers' | 'filingDays' | 'meetings' | 'decisionPublicationDays' | 'membershipEnds' | 'earlyReelection', string>>;
}

const fullCapacity = (source: string): ConditionRule => ({ condition: 'full_capacity', needs: 'declaration', source });

const national: CommitteeRules = {
  jurisdiction: 'national',
  preparatoryBody: 'preparatory_group',
  leaderKind: 'street_office',
  groupListPostingDays: null,
  firstAssemblyDays: 90,
  nominationRoutes: ['party_organisation', 'residents_committee', 'self', 'owners_jointly'],
  conditions: [fullCapacity('指导规则 Art. 31 [P]'), { condition: 'no_firm_interest', needs: 'declaration', source: '指导规则 Art. 31 (public-spirited, law-abiding) [P]' }],
  partyConsentRequired: false,
  streetOfficeReviewRequired: false,
  postingBeforeVoteDays: 15,
  seats: { min: 5, max: 11, smallSeats: 5, small: {} },
  termYears: { min: 1, max: 5 },
  reelectionReportMonths: 3,
  firstMeetingDays: 7,
  filingDays: 30,
  decisionPublicationDays: 3,
  earlyReelectionDays: 60,
  transitionFreeze: false,
  sources: {
    group: '指导规则 Arts. 10–12: owner, developer, street-office and RC representatives; odd; owners ≥ 1/2 [P]',
    leader: '指导规则 Art. 11: the street-office representative leads [P]',
    groupListPostingDays: '指导规则 Art. 12: the list is published in writing (no period) [P]',
    firstAssemblyDays: '指导规则 Art. 15: the first meeting within 90 days [BG]',
    nomination: '指导规则 Art. 14: recommendation or self-nomination [BG]',
    ownerInCompound: '物业管理条例 Art. 16; 指导规则 Art. 31: members are owners [T]',
    partyConsent: '建房规〔2020〕10号 (Party-led coordination; no consent rule nationally) [P]',
    streetOfficeReview: '指导规则 Art. 14: the group checks eligibility [BG]',
    postingBeforeVoteDays: '指导规则 Art. 12: published ≥ 15 days before the first meeting [P]',
    seats: '指导规则 Art. 31: 5–11 members, odd [P]',
    termYears: '指导规则 Art. 32: ≤ 5 years per term [P]',
    reelectionReportMonths: '指导规则 Art. 47: organise the re-election 3 months before the term ends [BG]',
    firstMeeting: '指导规则 Art. 32: first meeting within 7 days of the election [P]',
    officers: '指导规则 Art. 32: chair and vice-chair elected by > 1/2 of all members [P]',
    filingDays: '物业管理条例 Art. 16: filing within 30 days of the election [T]',
    meetings: '指导规则 Art. 38: > 1/2 of members present; decisions > 1/2 of ALL members; no proxies [BG]',
    decisionPublicationDays: '指导规则 Art. 39: decisions published within 3 days [BG]',
    membershipEnds: '指导规则 Art. 43: membership ends when the member is no longer an owner [BG]',
    earlyReelection: '指导规则 Art. 46: fewer than 1/2 of members → an extraordinary meeting to re-elect (60 days: this project’s default) [BG]',
  },
};

const beijing: CommitteeRules = {
  ...national,
  jurisdiction: 'beijing',
  leaderKind: 'residents_committee',
  groupListPostingDays: 7,
  firstAssemblyDays: 60,
  conditions: [
    fullCapacity('京条例 Art. 39 para. 3 (二) [T]'),
    { condition: 'no_firm_interest', needs: 'declaration', source: '京条例 Art. 39 para. 3 (四): no direct interest with the firm [T]' },
    { condition: 'not_dishonest_debtor', needs: 'evidence', source: '京条例 Art. 39 para. 3 (五): not a 失信被执行人 [T]' },
  ],
  partyConsentRequired: true,
  seats: { min: 5, max: 25, smallSeats: 3, small: { maxHouseholds: 100 } },
  reelectionReportMonths: 6,
  sources: {
    ...national.sources,
    group: '京条例 Art. 31 paras. 2, 4: owners, developer, street office, Party organisation, RC; odd; owners ≥ 1/2 [T]',
    leader: '京条例 Art. 31 para. 1: an RC staffer appointed by the street office leads [T]',
    groupListPostingDays: '京条例 Art. 31 para. 5: the list posted within 7 days [T]',
    firstAssemblyDays: '京条例 Art. 32 para. 3: the first meeting within 60 days [T]',
    nomination: '京条例 Art. 40: Party organisation, RC, self or joint nomination [T]',
    ownerInCompound: '京条例 Art. 39 para. 2: members are owners in the compound [T]',
    partyConsent: '京条例 Art. 40 para. 2: the list is reported to the community Party organisation [T]',
    postingBeforeVoteDays: '京条例 Art. 32 para. 1: posted 15 days before the first meeting [T]',
    seats: '京条例 Art. 39 para. 1: ≥ 5, odd; 3 where ≤ 100 households [T]',
    termYears: '京条例 Art. 41: ≤ 5 years [T]',
    reelectionReportMonths: '京条例 Art. 49: report 6 months before the term ends [T]',
    firstMeeting: '京条例 Art. 42: first meeting within 7 days [T]',
    officers: '京条例 Art. 42; 指导规则 Art. 32: > 1/2 of all members [T]',
    filingDays: '京条例 Art. 43: apply for filing within 30 days [T]',
    meetings: '京条例 Art. 45 paras. 2, 4: > 1/2 present, no proxies; > 1/2 of members sign [T]',
    decisionPublicationDays: '京条例 Art. 45 para. 4: posted within 3 days [T]',
    membershipEnds: '京条例 Art. 46 (一): ends when no longer an owner [T]',
    earlyReelection: '京条例 Arts. 48–49: fewer than 1/2 → re-election; 换届小组 within 60 days [T]',
  },
};

const shanghai: CommitteeRules = {
  ...national,
  jurisdiction: 'shanghai',
  groupListPostingDays: 7,
  firstAssemblyDays: 90,
  conditions: [
    fullCapacity('沪规定 Art. 20 para. 2 (物业管理条例 conditions) [T]'),
    { condition: 'no_firm_interest', needs: 'pledge', source: '沪规定 Art. 20 paras. 2–3: nobody close employed by the firm; written pledge [T]' },
    { condition: 'no_arrears', needs: 'evidence', source: '沪规定 Art. 20 para. 2: no arrears of fees or maintenance fund [T]' },
  ],
  streetOfficeReviewRequired: true,
  seats: { min: 5, max: 25, smallSeats: 3, small: { maxArea: '10000' } },
  termYears: { min: 3, max: 5 },
  reelectionReportMonths: 5,
  transitionFreeze: true,
  sources: {
    ...national.sources,
    group: '沪规定 Art. 15 para. 2: odd; owners ≥ 1/2 [T]',
    leader: '沪规定 Art. 15 para. 2: the street-office representative leads [T]',
    groupListPostingDays: '沪规定 Art. 15 para. 1: the list posted within 7 days [T]',
    firstAssemblyDays: '沪规定 Art. 16 para. 3: the first meeting within 90 days [T]',
    nomination: '沪规定 Art. 21 para. 1: the group gathers nominations [T]',
    streetOfficeReview: '沪规定 Art. 21 para. 1: the list is reported to the street office [T]',
    postingBeforeVoteDays: '沪规定 Art. 16 para. 2: announced 15 days before the first meeting [T]',
    seats: '沪规定 Art. 20 para. 1: ≥ 5, odd; 3 where ≤ 10,000 m² [T]',
    termYears: '沪规定 Art. 20 para. 1: 3–5 years [T]',
    reelectionReportMonths: '沪规定 Art. 28 para. 1: report 5 months before the term ends [T]',
    meetings: '沪规定 Art. 26: > 1/2 present; > 1/2 of all members sign [T]',
    decisionPublicationDays: '沪规定 Art. 26: published within 3 days [T]',
    earlyReelection: '沪规定 Art. 32 para. 2 (一): fewer than half → early re-election; group within 60 days (Art. 28) [T]',
  },
};

const hangzhou: CommitteeRules = {
  ...national,
  jurisdiction: 'hangzhou',
  preparatoryBody: 'property_management_committee',
  leaderKind: 'street_office',
  groupListPostingDays: null,
  firstAssemblyDays: null,
  nominationRoutes: ['residents_committee', 'self', 'owners_jointly'],
  conditions: [fullCapacity('杭条例 Art. 25 [BG]'), { condition: 'no_firm_interest', needs: 'declaration', source: '杭条例 Art. 25: no relatives at the firm [BG]' }],
  seats: { min: 5, max: 11, smallSeats: 3, small: { maxHouseholds: 100 } },
  termYears: { min: 3, max: 5 },
  reelectionReportMonths: 3,
  sources: {
    ...national.sources,
    group: '杭条例 Art. 22: the property-management committee acts as the preparatory body [T]',
    leader: '杭条例 Arts. 38–41: chaired by the street-office representative [T]',
    nomination: '杭条例 Art. 26 para. 1: RC, self or joint nomination [T]',
    streetOfficeReview: '杭条例 Art. 26 para. 2: eligibility checked under the street office’s guidance [T]',
    postingBeforeVoteDays: '杭条例 Art. 26 para. 2: posted 15 days before the election, for ≥ 7 days [T]',
    seats: '杭条例 Art. 27: 5–11, odd; 3 where ≤ 100 households [T]',
    termYears: '杭条例 Art. 33: 3–5 years [T]',
    reelectionReportMonths: '杭条例 Art. 33: report 3 months before the term ends [T]',
    meetings: '杭条例 Art. 29: > 1/2 present; > 1/2 of all members, signed [T]',
    decisionPublicationDays: '杭条例 Art. 29: published within 3 days [T]',
  },
};

export const committeeRulePacks: Readonly<Record<Jurisdiction, CommitteeRules>> = { national, beijing, shanghai, hangzhou };

export function committeeRules(jurisdiction: Jurisdiction): CommitteeRules {
  return committeeRulePacks[jurisdiction];
}

/** `京条例 Art. 42: …` → `京条例 Art. 42`: the article without its gloss. */
export const articleOf = (source: string): string => source.split(/: /)[0]!.trim();
