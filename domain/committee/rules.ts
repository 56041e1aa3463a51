/**
 * The owners' committee's rule packs (业主委员会规则): the numbers and conditions of its formation and life, per
 * jurisdiction, as data, each with its article. Tags as in reference/domain-rules.md: [T] statute text read,
 * [P] public page quoting it, [BG] unverified background.
 */
import type { Jurisdiction } from '../registry/index.js';

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

/**
 * A ground for removing a member (罢免事由) as the article lists it. `check: 'absences'` is verified against the
 * member's record (the flag raised after the meetings, 沪规定 Art. 31 (五); 京条例 Art. 46 para. 2).
 */
export interface RemovalGround {
  readonly code: string;
  readonly source: string;
  readonly check?: 'absences';
}

/** 辞职 (a written resignation) and 丧失履行职责能力 (unable to serve: health, capacity). */
export type LeavingGround = 'resigned' | 'incapacity';
export const leavingGrounds: readonly LeavingGround[] = ['resigned', 'incapacity'];

const ground = (code: string, source: string, check?: 'absences'): RemovalGround => ({ code, source, ...(check ? { check } : {}) });

/** 京条例 Art. 46 para. 2 and Art. 47 para. 1 (一)–(九) [T]. */
const beijingGrounds: readonly RemovalGround[] = [
  ground('absences', '京条例 Art. 46 para. 2: absent from half or more of the meetings in a year', 'absences'),
  ground('no_longer_qualified', '京条例 Art. 46 para. 2: no longer meets the conditions of Art. 39'),
  ground('obstructs_assembly', '京条例 Art. 47 (一): obstructs the assembly or does not carry out its decisions'),
  ground('falsifies_records', '京条例 Art. 47 (二): fabricates, alters, hides or destroys records'),
  ground('withholds_records', '京条例 Art. 47 (三): refuses or delays records, obstructs the handover'),
  ground('misuses_seal', '京条例 Art. 47 (四): uses the seals without authority'),
  ground('unauthorised_contract', '京条例 Art. 47 (五): signs or changes the service contract without the assembly'),
  ground('misappropriates_property', '京条例 Art. 47 (六): lends, pledges or takes the owners’ common property'),
  ground('firm_dealings', '京条例 Art. 47 (七): dealings with the firm that may affect impartiality'),
  ground('leaks_owner_data', '京条例 Art. 47 (八): discloses owners’ information'),
  ground('other_harm', '京条例 Art. 47 (九): other acts harming the owners’ rights'),
];

/** 沪规定 Art. 31 para. 1 (三)–(六), decided by the assembly (para. 2) [T]. */
const shanghaiGrounds: readonly RemovalGround[] = [
  ground('incapacity', '沪规定 Art. 31 (三): unable to serve for health or other reasons, without resigning'),
  ground('refuses_to_convene', '沪规定 Art. 31 (四): refuses to convene the committee’s meetings'),
  ground('absences', '沪规定 Art. 31 (五): absent from half or more of the meetings in a year', 'absences'),
  ground('breaks_pledge', '沪规定 Art. 31 (六): breaks the written pledge'),
];

/** 杭条例 Art. 31 para. 1 (一)–(七) and para. 2 [T]. */
const hangzhouGrounds: readonly RemovalGround[] = [
  ground('misappropriates_property', '杭条例 Art. 31 (一): misappropriates or takes the owners’ common property'),
  ground('takes_benefits', '杭条例 Art. 31 (二): takes benefits from the developer, the firm or others, or asks fee cuts'),
  ground('leaks_owner_data', '杭条例 Art. 31 (三): discloses or misuses owners’ personal information'),
  ground('forges_ballots', '杭条例 Art. 31 (四): forges ballots, proxies or signatures, or impersonates owners'),
  ground('mishandles_accounts', '杭条例 Art. 31 (五): mishandles, forges or withholds accounting records'),
  ground('misuses_seal', '杭条例 Art. 31 (六): makes, uses or hands over the seals against the rules'),
  ground('other_harm', '杭条例 Art. 31 (七): other harm to the owners’ common interest'),
  ground('no_longer_qualified', '杭条例 Art. 31 para. 2: no longer meets the conditions of the rules of procedure'),
];

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
  /** 候补委员: alternates may be elected, at most as many as the members, filling vacancies in rank order. */
  readonly alternatesAllowed: boolean;
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
  /** Days after the re-election report within which the street office forms the re-election group. */
  readonly reelectionGroupDays: number;
  /** Records and seals handed over within this many days of `handoverFrom` (the term's end, or the re-election group's formation in Shanghai). */
  readonly handoverDays: number;
  readonly handoverFrom: 'term_end' | 'reelection_group';
  /** Removal (罢免): who may propose it, and the days the member has to answer before it goes to the owners. */
  readonly removal: {
    /** Members proposing: at least this fraction of all members (num/den, compared by cross-multiplication). */
    readonly members: { readonly num: number; readonly den: number } | null;
    /** Owners proposing: at least this share of the votes, on the axes named. */
    readonly owners: { readonly num: number; readonly den: number; readonly axes: readonly ('area' | 'headcount')[] };
    readonly answerDays: number;
    /** The grounds the article lists (a proposal cites at least one); null: the rules of procedure decide (free text only). */
    readonly grounds: readonly RemovalGround[] | null;
  };
  /** Agenda sent to the residents' committee and posted at least this many days before an OC meeting. */
  readonly agendaNoticeDays: number;
  /** Days within which a meeting demanded by ≥ 1/3 of the members is held. */
  readonly demandedMeetingDays: number;
  /** A regular meeting at least every this many months (null: the rules of procedure decide). */
  readonly regularMeetingMonths: number | null;
  /** Using the committee's seal needs more than half of the members' signatures. */
  readonly sealNeedsMajority: boolean;
  /** A member absent from half or more of the meetings held in a year is flagged for removal. */
  readonly absenceFlag: boolean;
  /**
   * Membership ending by itself, without the owners' vote (京条例 Art. 46 para. 1 (二)(三); 沪规定 Art. 31 para. 2;
   * 杭条例 Art. 32 (二)(四)): each ground's source where the pack has it end so, else `elsewhere`: what the pack
   * does instead (a removal by the owners), and no command ends it.
   */
  readonly leaving: Readonly<Record<LeavingGround, { readonly source: string } | { readonly elsewhere: string }>>;
  readonly sources: Readonly<Record<'alternates' | 'group' | 'leader' | 'groupListPostingDays' | 'firstAssemblyDays' | 'nomination' | 'ownerInCompound' | 'partyConsent' | 'streetOfficeReview' | 'postingBeforeVoteDays' | 'seats' | 'termYears' | 'reelectionReportMonths' | 'firstMeeting' | 'officers' | 'filingDays' | 'meetings' | 'decisionPublicationDays' | 'membershipEnds' | 'earlyReelection' | 'termEnd' | 'reelectionGroup' | 'transitionFreeze' | 'handover' | 'removal' | 'absences' | 'agendaNotice' | 'demandedMeeting' | 'regularMeeting' | 'seal', string>>;
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
  alternatesAllowed: false,
  termYears: { min: 1, max: 5 },
  reelectionReportMonths: 3,
  firstMeetingDays: 7,
  filingDays: 30,
  decisionPublicationDays: 3,
  earlyReelectionDays: 60,
  transitionFreeze: false,
  reelectionGroupDays: 60,
  handoverDays: 10,
  handoverFrom: 'term_end',
  removal: { members: { num: 1, den: 3 }, owners: { num: 1, den: 5, axes: ['area', 'headcount'] }, answerDays: 7, grounds: null },
  agendaNoticeDays: 7,
  demandedMeetingDays: 7,
  regularMeetingMonths: null,
  sealNeedsMajority: false,
  absenceFlag: false,
  leaving: {
    resigned: { elsewhere: '指导规则 Art. 44 (一): a written resignation goes to the owners\u2019 assembly, which decides whether membership ends (propose a removal) [BG]' },
    incapacity: { source: '指导规则 Art. 43 (二): membership ends by itself on losing civil capacity [BG]' },
  },
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
    alternates: 'no alternates in this pack',
    termYears: '指导规则 Art. 32: ≤ 5 years per term [P]',
    reelectionReportMonths: '指导规则 Art. 47: organise the re-election 3 months before the term ends [BG]',
    firstMeeting: '指导规则 Art. 32: first meeting within 7 days of the election [P]',
    officers: '指导规则 Art. 32: chair and vice-chair elected by > 1/2 of all members [P]',
    filingDays: '物业管理条例 Art. 16: filing within 30 days of the election [T]',
    meetings: '指导规则 Art. 38: > 1/2 of members present; decisions > 1/2 of ALL members; no proxies [BG]',
    decisionPublicationDays: '指导规则 Art. 39: decisions published within 3 days [BG]',
    membershipEnds: '指导规则 Art. 43: membership ends when the member is no longer an owner [BG]',
    earlyReelection: '指导规则 Art. 46: fewer than 1/2 of members → an extraordinary meeting to re-elect (60 days: this project’s default) [BG]',
    termEnd: '指导规则 Art. 32: the term ends; a new committee is elected before it [P]',
    reelectionGroup: '指导规则 Art. 47: the street office guides the re-election (60 days: this project’s default) [BG]',
    transitionFreeze: '沪规定 Art. 28 para. 4 (Shanghai only) [T]',
    handover: '指导规则 Art. 48: records and seals handed over within 10 days of the term’s end [BG]',
    removal: '指导规则 Art. 44: proposed by ≥ 1/3 of the members or owners with ≥ 20% of the votes, decided by the assembly (7 days to answer: this project’s default) [BG]',
    absences: '指导规则 Art. 44: persistent absence is a ground for removal (no count fixed) [BG]',
    agendaNotice: '指导规则 Art. 39: the agenda posted 7 days before the meeting and sent to the RC [BG]',
    demandedMeeting: '指导规则 Art. 37: ≥ 1/3 of the members demand a meeting, held within 7 days [BG]',
    regularMeeting: '指导规则 Art. 37: regular meetings as the rules of procedure fix [BG]',
    seal: '指导规则 Art. 34: seals used as the rules of procedure fix [BG]',
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
  removal: { ...national.removal, grounds: beijingGrounds },
  alternatesAllowed: true,
  reelectionReportMonths: 6,
  agendaNoticeDays: 5,
  regularMeetingMonths: 2,
  sealNeedsMajority: true,
  absenceFlag: true,
  leaving: {
    resigned: { source: '京条例 Art. 46 para. 1 (二): a written resignation to the OC ends membership from that day; the OC posts it and asks the assembly to confirm it [T]' },
    incapacity: { source: '京条例 Art. 46 para. 1 (三): unable to serve for health or other reasons, not having resigned, membership ends from that day; the OC posts it and asks the assembly to confirm it [T]' },
  },
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
    alternates: '京条例 Art. 41 para. 3: a vacancy is filled by an alternate for the rest of the term, as the rules of procedure fix (here: the alternates’ rank in the same ballot); ≤ the members (Art. 39 para. 1) [T]',
    termYears: '京条例 Art. 41: ≤ 5 years [T]',
    reelectionReportMonths: '京条例 Art. 49: report 6 months before the term ends [T]',
    firstMeeting: '京条例 Art. 42: first meeting within 7 days [T]',
    officers: '京条例 Art. 42; 指导规则 Art. 32: > 1/2 of all members [T]',
    filingDays: '京条例 Art. 43: apply for filing within 30 days [T]',
    meetings: '京条例 Art. 45 paras. 2, 4: > 1/2 present, no proxies; > 1/2 of members sign [T]',
    decisionPublicationDays: '京条例 Art. 45 para. 4: posted within 3 days [T]',
    membershipEnds: '京条例 Art. 46 (一): ends when no longer an owner [T]',
    earlyReelection: '京条例 Arts. 48–49: fewer than 1/2 → re-election; 换届小组 within 60 days [T]',
    termEnd: '京条例 Art. 41: the term (≤ 5 years) ends [T]',
    reelectionGroup: '京条例 Art. 49 para. 1: the street office forms the re-election group within 60 days of the report [T]',
    absences: '京条例 Art. 46 para. 2: absent from half or more of the meetings in a year → the OC asks the assembly to remove [T]',
    agendaNotice: '京条例 Art. 45 para. 3: the agenda sent to the RC 5 days before [T]',
    demandedMeeting: '京条例 Art. 45 para. 1: ≥ 1/3 of the members demand an extraordinary meeting (7 days: 指导规则 Art. 37) [T]',
    regularMeeting: '京条例 Art. 45 para. 1: a regular meeting at least every two months [T]',
    seal: '京条例 Art. 43 para. 4: the seal is used with more than half of the members signing [T]',
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
  removal: { ...national.removal, grounds: shanghaiGrounds },
  termYears: { min: 3, max: 5 },
  reelectionReportMonths: 5,
  transitionFreeze: true,
  handoverFrom: 'reelection_group',
  regularMeetingMonths: 2,
  absenceFlag: true,
  leaving: {
    resigned: { source: '沪规定 Art. 31 para. 1 (二), para. 2: a written resignation to the OC ends membership from that day; the OC announces it [T]' },
    incapacity: { elsewhere: '沪规定 Art. 31 para. 2: unable to serve for health or other reasons, membership ends only when the owners\u2019 assembly so decides (propose a removal citing ground (三)) [T]' },
  },
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
    termEnd: '沪规定 Art. 20 para. 1: the term (3–5 years) ends [T]',
    reelectionGroup: '沪规定 Art. 28 para. 1: the street office forms the re-election group within 60 days of the report [T]',
    transitionFreeze: '沪规定 Art. 28 para. 4: from the re-election group to the new committee, no decision on the firm, fees or major works [T]',
    handover: '沪规定 Art. 29 para. 1: records and seals handed to the housing office within 10 days of the re-election group [T]',
    removal: '沪规定 Art. 31 para. 2: removal by the assembly (proposal: 指导规则 Art. 44) [T]',
    absences: '沪规定 Art. 31 para. 1 (五): absent from half or more of the meetings in a year [T]',
    demandedMeeting: '沪规定 Art. 26 para. 1: ≥ 1/3 of the members demand an extraordinary meeting (7 days: 指导规则 Art. 37) [T]',
    regularMeeting: '沪规定 Art. 26 para. 1: a regular meeting at least every two months [T]',
  },
};

const hangzhou: CommitteeRules = {
  ...national,
  leaving: {
    resigned: { source: '杭条例 Art. 32 (四): a written resignation ends the office by itself; the OC confirms it and tells all owners [T]' },
    incapacity: { source: '杭条例 Art. 32 (二): declared by law without or with limited civil capacity, the office ends by itself; the OC confirms it and tells all owners [T]' },
  },
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
  // 杭条例 Art. 31 para. 2: 20% of owners (headcount) may propose removal; the OC as its rules of procedure say.
  removal: { members: { num: 1, den: 3 }, owners: { num: 1, den: 5, axes: ['headcount'] }, answerDays: 7, grounds: hangzhouGrounds },
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
    termEnd: '杭条例 Art. 33: the term (3–5 years) ends [T]',
    handover: '杭条例 Art. 34: records and seals handed over within 10 days of the term’s end [T]',
    removal: '杭条例 Art. 31 paras. 2–3: proposed by ≥ 20% of owners or the OC; the member’s defence heard before the assembly decides [T]',
  },
};

export const committeeRulePacks: Readonly<Record<Jurisdiction, CommitteeRules>> = { national, beijing, shanghai, hangzhou };

export function committeeRules(jurisdiction: Jurisdiction): CommitteeRules {
  return committeeRulePacks[jurisdiction];
}

/** `京条例 Art. 42: …` → `京条例 Art. 42`: the article without its gloss. */
export const articleOf = (source: string): string => source.split(/: /)[0]!.trim();
