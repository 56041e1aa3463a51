/**
 * Events of the owners' committee context, on one stream per compound (`committee-<compoundId>`): the
 * preparatory group, each election (nominations, vetting, posting, seating), the committee's term (officers,
 * filing, members leaving) and its meetings. Instants are ISO-8601 strings. Person ids stay in the log, never
 * in public views.
 */
import type { DomainEvent } from '../shared/decider.js';
import type { Jurisdiction } from '../registry/index.js';
import type { DeclaredCondition, EligibilityCondition, GroupMemberKind, NominationRoute } from './rules.js';
import type { PmcMember } from './acting.js';

export const committeeStreamId = (compoundId: string): string => `committee-${compoundId}`;

/** A member of the preparatory group as posted (name and kind; person ids never shown). */
export interface GroupMember {
  readonly memberId: string;
  readonly name: string;
  readonly kind: GroupMemberKind;
  /** Owner representatives: their unit in the compound. */
  readonly unitId?: string;
}

/** 筹备组成立: the street office forms the preparatory group (Hangzhou: the property-management committee acts). */
export interface PreparatoryGroupFormedData {
  readonly compoundId: string;
  readonly jurisdiction: Jurisdiction;
  readonly body: 'preparatory_group' | 'property_management_committee';
  readonly members: readonly GroupMember[];
  readonly leaderMemberId: string;
  readonly formedAt: string;
  /** The list is posted by then (null: no fixed period). */
  readonly listPostingDueBy: string | null;
  /** The first assembly is held by then (null: no fixed period). */
  readonly firstAssemblyDueBy: string | null;
}

/** 筹备组名单公示: the member list posted. */
export interface PreparatoryGroupListPostedData {
  readonly compoundId: string;
  readonly postedAt: string;
  readonly late: boolean;
}

/** 选举启动: an election (first, by-election or re-election) is opened with its seats and the term. */
export interface ElectionOpenedData {
  readonly compoundId: string;
  readonly electionId: string;
  readonly kind: 'first' | 'by_election' | 're_election';
  readonly seats: number;
  /** 候补委员 elected in the same ballot after the members (Beijing); absent = none. */
  readonly alternates?: number;
  readonly termYears: number;
  readonly openedAt: string;
}

/** One condition of eligibility as checked: met or not, its source, and what the candidate gave. */
export interface EligibilityCheck {
  readonly condition: EligibilityCondition;
  readonly met: boolean;
  readonly source: string;
  /** Why it is not met (absent when met). */
  readonly reason?: string;
  readonly evidenceRef?: string;
  readonly pledgeRef?: string;
}

/** 候选人推荐: a nomination, recorded with every condition checked (an ineligible one too). */
export interface CandidateNominatedData {
  readonly compoundId: string;
  readonly electionId: string;
  readonly candidateId: string;
  /** Public in the election notice (京条例 Art. 40); the person id never is. */
  readonly name: string;
  readonly personId: string;
  /** The candidate's units in the compound on the day (from the registry). */
  readonly unitIds: readonly string[];
  readonly route: NominationRoute;
  /** owners_jointly: the units of the owners who nominate. */
  readonly supporters?: readonly string[];
  readonly eligible: boolean;
  readonly checks: readonly EligibilityCheck[];
  readonly nominatedAt: string;
}

/** 征得同意 / 资格审查: the Party organisation's consent or the street office's review of one candidate. */
export interface CandidateVettedData {
  readonly compoundId: string;
  readonly electionId: string;
  readonly candidateId: string;
  readonly by: 'party_organisation' | 'street_office';
  readonly outcome: 'approved' | 'refused';
  readonly reason: string;
  readonly vettedAt: string;
}

/** 候选人公示: the candidate list posted; voting may open once the posting period has run. */
export interface CandidatesPostedData {
  readonly compoundId: string;
  readonly electionId: string;
  readonly candidates: ReadonlyArray<{ readonly candidateId: string; readonly name: string }>;
  readonly postedAt: string;
  readonly votingMayOpenAt: string;
}

/** A seated member of the committee. */
export interface CommitteeMember {
  readonly memberId: string;
  readonly name: string;
  readonly personId: string;
  readonly unitIds: readonly string[];
}

/** 业主委员会产生: the owners' final decision seats the elected (a reactor on the assembly's decision). */
export interface CommitteeSeatedData {
  readonly compoundId: string;
  readonly electionId: string;
  readonly motionId: string;
  readonly decisionId: string;
  readonly termId: string;
  readonly kind: 'first' | 'by_election' | 're_election';
  /** Seated by this election. */
  readonly members: readonly CommitteeMember[];
  /** 候补委员 in the order they fill vacancies (京条例 Art. 41 para. 3); absent = none. */
  readonly alternates?: readonly CommitteeMember[];
  readonly seats: number;
  readonly unfilledSeats: number;
  readonly electedAt: string;
  readonly termEndsAt: string;
  /** First meeting (chair, vice-chairs) and filing due; null for a by-election into a running term. */
  readonly firstMeetingDueBy: string | null;
  readonly filingDueBy: string | null;
  readonly reelectionReportDueBy: string;
}

/** 候补委员递补: an alternate fills a vacancy for the rest of the term, in order (京条例 Art. 41 para. 3). */
export interface AlternateSeatedData {
  readonly compoundId: string;
  readonly termId: string;
  readonly memberId: string;
  /** The member whose seat it fills. */
  readonly replaces: string;
  readonly seatedAt: string;
  readonly remaining: number;
  readonly source: string;
}

/** 补选: seats left unfilled call for a by-election. */
export interface ByElectionRequiredData {
  readonly compoundId: string;
  readonly termId: string;
  readonly electionId: string;
  readonly seats: number;
}

/** 首次会议推选主任、副主任: chair and vice-chairs, each by > 1/2 of all members. */
export interface OfficersElectedData {
  readonly compoundId: string;
  readonly termId: string;
  readonly chair: string;
  readonly viceChairs: readonly string[];
  readonly votes: Readonly<Record<string, number>>;
  readonly members: number;
  readonly present: number;
  readonly heldAt: string;
  readonly late: boolean;
}

/** 备案: the filing with the street office (and the housing department), with the certificate's reference. */
export interface CommitteeFiledData {
  readonly compoundId: string;
  readonly termId: string;
  readonly certificateRef: string;
  readonly authority: string;
  readonly filedAt: string;
  readonly late: boolean;
}

/** 委员资格自然终止: a member who no longer owns a unit in the compound leaves (京条例 Art. 46 (一)). */
export interface MembershipEndedData {
  readonly compoundId: string;
  readonly termId: string;
  readonly memberId: string;
  readonly reason: 'no_longer_owner';
  /** The registry event that caused it. */
  readonly causeEventId: string;
  readonly unitId: string;
  readonly endedAt: string;
  readonly remaining: number;
  readonly seats: number;
}

/**
 * 委员资格自然终止 on the member's own ground: a written resignation or being unable to serve (京条例 Art. 46 para. 1
 * (二)(三); 沪规定 Art. 31 para. 2; 杭条例 Art. 32), from the day it occurred; the vacancy is then filled as after a sale.
 */
export interface MembershipTerminatedData {
  readonly compoundId: string;
  readonly termId: string;
  readonly memberId: string;
  readonly reason: 'resigned' | 'incapacity';
  /** The day the ground occurred (China time, YYYY-MM-DD): the letter's day, or the incapacity's. */
  readonly occurredOn: string;
  /** The resignation letter, or the evidence of the incapacity. */
  readonly evidenceRef: string;
  readonly endedAt: string;
  readonly remaining: number;
  readonly seats: number;
  readonly source: string;
}

/** 候补委员 leaving the alternates' list: no longer an owner, resigned, or unable to serve (京条例 Arts. 41, 46). */
export interface AlternateLeftData {
  readonly compoundId: string;
  readonly termId: string;
  readonly memberId: string;
  readonly reason: 'no_longer_owner' | 'resigned' | 'incapacity';
  /** The registry event (a sale), or the letter or evidence. */
  readonly causeEventId?: string;
  readonly unitId?: string;
  readonly evidenceRef?: string;
  readonly leftAt: string;
  readonly source: string;
}

/** 提前换届: fewer than half the seats are filled. */
export interface EarlyReelectionRequiredData {
  readonly compoundId: string;
  readonly termId: string;
  readonly remaining: number;
  readonly seats: number;
  readonly requiredAt: string;
  readonly dueBy: string;
}

/** One item decided at an OC meeting: who signed in favour (members present only). */
export interface MeetingItem {
  readonly itemId: string;
  readonly title: string;
  readonly inFavour: readonly string[];
  readonly adopted: boolean;
}

/** 业主委员会会议: attendance, quorum and each item's outcome against ALL members. */
export interface MeetingHeldData {
  readonly compoundId: string;
  readonly termId: string;
  readonly meetingId: string;
  readonly heldAt: string;
  /** Members in office at the meeting. */
  readonly members: readonly string[];
  readonly present: readonly string[];
  readonly quorumMet: boolean;
  readonly items: readonly MeetingItem[];
  readonly publicationDueBy: string;
  /** The demand this meeting answered (from its convening), if any. */
  readonly demandId?: string;
}

/** 会议决定公示: the meeting's decisions posted. */
export interface MeetingDecisionsPublishedData {
  readonly compoundId: string;
  readonly meetingId: string;
  readonly publishedAt: string;
  readonly late: boolean;
}

/** 换届报告: the committee's written report to the street office before its term ends (沪规定 Art. 28; 京条例 Art. 49). */
export interface ReelectionReportedData {
  readonly compoundId: string;
  readonly termId: string;
  readonly reportedAt: string;
  readonly late: boolean;
  /** The street office forms the re-election group by then. */
  readonly groupDueBy: string;
}

/** 换届改选小组成立: the street office forms the re-election group; in Shanghai the transition freeze starts. */
export interface ReelectionGroupFormedData {
  readonly compoundId: string;
  readonly termId: string;
  readonly members: readonly GroupMember[];
  readonly leaderMemberId: string;
  readonly formedAt: string;
  /** The rule freezing decisions on the firm, fees and major works until the new committee (null: none here). */
  readonly freeze: string | null;
  /** Records and seals handed over by then, where the period runs from the group (沪规定 Art. 29); else null. */
  readonly handoverDueBy: string | null;
}

/** 档案、印章移交: the outgoing committee hands over its records, seals and property. */
export interface RecordsHandedOverData {
  readonly compoundId: string;
  readonly termId: string;
  /** Who received them (the new committee, the housing office, the property-management committee, the RC). */
  readonly to: string;
  readonly items: readonly string[];
  readonly evidenceRef: string;
  readonly handedOverAt: string;
  readonly late: boolean;
}

/** Who proposed a removal: at least a third of the members, or owners with the pack's share of the votes. */
export type RemovalProposer =
  | { readonly kind: 'members'; readonly members: readonly string[]; readonly of: number }
  | {
      readonly kind: 'owners';
      readonly units: readonly string[];
      /** Their votes (area in m², exact decimal; heads) against the compound's. */
      readonly support: { readonly area: string; readonly headcount: number };
      readonly totals: { readonly area: string; readonly headcount: number };
    };

/** A removal ground cited (rules.ts `RemovalGround`), with the member's record where the ground is checked. */
export interface CitedGround {
  readonly code: string;
  readonly source: string;
  readonly established?: { readonly meetings: number; readonly absences: number; readonly flaggedAt: string };
}

/** 罢免提议: a proposal to remove a member, with its grounds; the member may answer before the owners decide. */
export interface RemovalProposedData {
  readonly compoundId: string;
  readonly termId: string;
  readonly removalId: string;
  readonly memberId: string;
  readonly grounds: string;
  /** The grounds cited as the article lists them, each with its source and, where checked, what the record shows. */
  readonly groundsCited?: readonly CitedGround[];
  readonly evidenceRef: string;
  readonly proposer: RemovalProposer;
  readonly proposedAt: string;
  /** The member's answer is awaited until then before the removal goes to the owners. */
  readonly answerBy: string;
}

/** 申辩意见: the member's answer to a removal proposal (杭条例 Art. 31 para. 3). */
export interface RemovalAnsweredData {
  readonly compoundId: string;
  readonly removalId: string;
  readonly answer: string;
  readonly answeredAt: string;
}

/** 提交业主大会表决: the removal put to the owners as an assembly motion. */
export interface RemovalPutToOwnersData {
  readonly compoundId: string;
  readonly removalId: string;
  readonly motionId: string;
  readonly putAt: string;
}

/** 罢免: the owners' final decision removes the member. */
export interface MemberRemovedData {
  readonly compoundId: string;
  readonly termId: string;
  readonly removalId: string;
  readonly memberId: string;
  readonly decisionId: string;
  readonly removedAt: string;
  readonly remaining: number;
  readonly seats: number;
}

/** The owners did not adopt the removal (the final result adopts nothing). */
export interface RemovalNotAdoptedData {
  readonly compoundId: string;
  readonly removalId: string;
  readonly motionId: string;
  readonly decidedAt: string;
}

/** 累计缺席: a member absent from half or more of the meetings held in the last year (沪规定 Art. 31 (五); 京条例 Art. 46). */
export interface AbsencesFlaggedData {
  readonly compoundId: string;
  readonly termId: string;
  readonly memberId: string;
  readonly meetings: number;
  readonly absences: number;
  readonly since: string;
  readonly flaggedAt: string;
  readonly source: string;
}

/** 会议通知: an OC meeting convened, its agenda posted and sent to the residents' committee. */
export interface MeetingConvenedData {
  readonly compoundId: string;
  readonly termId: string;
  readonly meetingId: string;
  readonly agenda: readonly string[];
  readonly heldAt: string;
  readonly convenedAt: string;
  /** The demand this meeting answers, if any. */
  readonly demandId?: string;
  readonly sentToResidentsCommittee: true;
}

/** 提议召开临时会议: at least a third of the members demand a meeting. */
export interface MeetingDemandedData {
  readonly compoundId: string;
  readonly termId: string;
  readonly demandId: string;
  readonly members: readonly string[];
  readonly agenda: string;
  readonly demandedAt: string;
  readonly holdBy: string;
}

/** 使用印章: the committee's seal used, with the members who signed for it. */
export interface SealUsedData {
  readonly compoundId: string;
  readonly termId: string;
  readonly useId: string;
  readonly purpose: string;
  readonly documentRef: string;
  readonly signedBy: readonly string[];
  readonly members: number;
  readonly usedAt: string;
}

/** 物业管理委员会组建: the street office forms the property-management committee (京条例 Arts. 52–54; 杭条例 Arts. 38–39). */
export interface PropertyManagementCommitteeFormedData {
  readonly compoundId: string;
  readonly jurisdiction: Jurisdiction;
  readonly pmcId: string;
  readonly members: readonly PmcMember[];
  readonly chairMemberId: string;
  readonly viceChairMemberId: string | null;
  /** Why it is formed (京条例 Art. 53 (一)–(三); 杭条例 Art. 38 (一)–(五)). */
  readonly grounds: string;
  readonly formedAt: string;
  readonly termEndsAt: string;
  /** The article under which it acts for the owners. */
  readonly source: string;
}

/** 物业管理委员会解散: dissolved by the street office (京条例 Art. 59; 杭条例 Art. 41 para. 2). */
export interface PropertyManagementCommitteeDissolvedData {
  readonly compoundId: string;
  readonly pmcId: string;
  readonly reason: string;
  readonly dissolvedAt: string;
  /** After the 30 days from the OC's filing (京条例 Art. 59). */
  readonly late: boolean;
}

/** 居民委员会代行: the RC organises the owners' decisions where no OC could be elected (沪居委条例 Art. 20 para. 2). */
export interface ResidentsCommitteeActingData {
  readonly compoundId: string;
  readonly jurisdiction: Jurisdiction;
  readonly reason: string;
  /** 经业主大会委托: the assembly's commission to act for the OC, where given. */
  readonly commissionRef: string | null;
  readonly since: string;
  readonly source: string;
}

/** 代行召集: an owners' decision convened by the body acting for the OC, naming the body, the role that acted and the article. */
export interface OwnersDecisionConvenedData {
  readonly compoundId: string;
  readonly motionId: string;
  readonly matter: string;
  readonly body: 'property_management_committee' | 'residents_committee';
  readonly role: string;
  readonly source: string;
  readonly convenedAt: string;
}

/**
 * 换届冻结核验: a matter of the kind Shanghai's transition freeze covers (沪规定 Art. 28 para. 4) was checked
 * against this stream before the motion was written: written with the revision read, so a re-election group
 * formed meanwhile makes the check run again (and refuse) instead of slipping through.
 */
export interface FreezeCheckPassedData {
  readonly compoundId: string;
  readonly motionId: string;
  readonly matter: string;
  readonly step: 'propose' | 'open';
  readonly checkedAt: string;
}

export type CommitteeEvent =
  | DomainEvent<'PreparatoryGroupFormed', PreparatoryGroupFormedData>
  | DomainEvent<'PreparatoryGroupListPosted', PreparatoryGroupListPostedData>
  | DomainEvent<'ElectionOpened', ElectionOpenedData>
  | DomainEvent<'CandidateNominated', CandidateNominatedData>
  | DomainEvent<'CandidateVetted', CandidateVettedData>
  | DomainEvent<'CandidatesPosted', CandidatesPostedData>
  | DomainEvent<'CommitteeSeated', CommitteeSeatedData>
  | DomainEvent<'ByElectionRequired', ByElectionRequiredData>
  | DomainEvent<'OfficersElected', OfficersElectedData>
  | DomainEvent<'CommitteeFiled', CommitteeFiledData>
  | DomainEvent<'MembershipEnded', MembershipEndedData>
  | DomainEvent<'EarlyReelectionRequired', EarlyReelectionRequiredData>
  | DomainEvent<'MeetingHeld', MeetingHeldData>
  | DomainEvent<'MeetingDecisionsPublished', MeetingDecisionsPublishedData>
  | DomainEvent<'ReelectionReported', ReelectionReportedData>
  | DomainEvent<'ReelectionGroupFormed', ReelectionGroupFormedData>
  | DomainEvent<'RecordsHandedOver', RecordsHandedOverData>
  | DomainEvent<'RemovalProposed', RemovalProposedData>
  | DomainEvent<'RemovalAnswered', RemovalAnsweredData>
  | DomainEvent<'RemovalPutToOwners', RemovalPutToOwnersData>
  | DomainEvent<'MemberRemoved', MemberRemovedData>
  | DomainEvent<'RemovalNotAdopted', RemovalNotAdoptedData>
  | DomainEvent<'AbsencesFlagged', AbsencesFlaggedData>
  | DomainEvent<'MeetingConvened', MeetingConvenedData>
  | DomainEvent<'MeetingDemanded', MeetingDemandedData>
  | DomainEvent<'SealUsed', SealUsedData>
  | DomainEvent<'PropertyManagementCommitteeFormed', PropertyManagementCommitteeFormedData>
  | DomainEvent<'PropertyManagementCommitteeDissolved', PropertyManagementCommitteeDissolvedData>
  | DomainEvent<'ResidentsCommitteeActing', ResidentsCommitteeActingData>
  | DomainEvent<'OwnersDecisionConvened', OwnersDecisionConvenedData>
  | DomainEvent<'FreezeCheckPassed', FreezeCheckPassedData>
  | DomainEvent<'AlternateSeated', AlternateSeatedData>
  | DomainEvent<'MembershipTerminated', MembershipTerminatedData>
  | DomainEvent<'AlternateLeft', AlternateLeftData>;

export type CommitteeEventType = CommitteeEvent['type'];
export const committeeEventTypes: readonly CommitteeEventType[] = [
  'PreparatoryGroupFormed',
  'PreparatoryGroupListPosted',
  'ElectionOpened',
  'CandidateNominated',
  'CandidateVetted',
  'CandidatesPosted',
  'CommitteeSeated',
  'ByElectionRequired',
  'OfficersElected',
  'CommitteeFiled',
  'MembershipEnded',
  'EarlyReelectionRequired',
  'MeetingHeld',
  'MeetingDecisionsPublished',
  'ReelectionReported',
  'ReelectionGroupFormed',
  'RecordsHandedOver',
  'RemovalProposed',
  'RemovalAnswered',
  'RemovalPutToOwners',
  'MemberRemoved',
  'RemovalNotAdopted',
  'AbsencesFlagged',
  'MeetingConvened',
  'MeetingDemanded',
  'SealUsed',
  'PropertyManagementCommitteeFormed',
  'PropertyManagementCommitteeDissolved',
  'ResidentsCommitteeActing',
  'OwnersDecisionConvened',
  'FreezeCheckPassed',
  'AlternateSeated',
  'MembershipTerminated',
  'AlternateLeft',
];

export type { DeclaredCondition };
