/**
 * Events of the owners' committee context, on one stream per compound (`committee-<compoundId>`): the
 * preparatory group, each election (nominations, vetting, posting, seating), the committee's term (officers,
 * filing, members leaving) and its meetings. Instants are ISO-8601 strings. Person ids stay in the log, never
 * in public views.
 */
import type { DomainEvent } from '../shared/decider.js';
import type { Jurisdiction } from '../registry/types.js';
import type { DeclaredCondition, EligibilityCondition, GroupMemberKind, NominationRoute } from './rules.js';

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
  readonly seats: number;
  readonly unfilledSeats: number;
  readonly electedAt: string;
  readonly termEndsAt: string;
  /** First meeting (chair, vice-chairs) and filing due; null for a by-election into a running term. */
  readonly firstMeetingDueBy: string | null;
  readonly filingDueBy: string | null;
  readonly reelectionReportDueBy: string;
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
}

/** 会议决定公示: the meeting's decisions posted. */
export interface MeetingDecisionsPublishedData {
  readonly compoundId: string;
  readonly meetingId: string;
  readonly publishedAt: string;
  readonly late: boolean;
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
  | DomainEvent<'MeetingDecisionsPublished', MeetingDecisionsPublishedData>;

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
];

export type { DeclaredCondition };
