/**
 * Committee commands (`{ type, data, by }`): `by` is who acts and their roles on the compound
 * (domain/assembly ActorFacts). Facts from other contexts (the registry's units of a person, the compound's
 * size, an assembly decision) come in the command, looked up by the service at the moment it acts.
 */
import type { ActorFacts } from '../assembly/index.js';
import type { Jurisdiction } from '../registry/index.js';
import type { RemovalProposer } from './events.js';
import type { DeclaredCondition, GroupMemberKind, NominationRoute } from './rules.js';
import type { PmcMember } from './acting.js';

export interface Declaration {
  readonly declared: boolean;
  readonly evidenceRef?: string;
  readonly pledgeRef?: string;
}

export type CommitteeCommand =
  | {
      readonly type: 'FormPreparatoryGroup';
      readonly data: {
        readonly compoundId: string;
        readonly jurisdiction: Jurisdiction;
        readonly members: ReadonlyArray<{ readonly memberId: string; readonly name: string; readonly kind: GroupMemberKind; readonly unitId?: string }>;
        readonly leaderMemberId: string;
        /** Unit ids of the compound that owner representatives name (checked against the registry). */
        readonly knownUnits: readonly string[];
      };
      readonly by: ActorFacts;
    }
  | { readonly type: 'PostGroupList'; readonly data: Record<string, never>; readonly by: ActorFacts }
  | {
      readonly type: 'OpenElection';
      readonly data: {
        readonly electionId: string;
        readonly seats: number;
        /** 候补委员 (Beijing): elected in the same ballot after the members, at most as many as the seats. */
        readonly alternates?: number;
        readonly termYears: number;
        /** The compound's size from the registry: whether the small-compound seats apply. */
        readonly size: { readonly totalArea: string; readonly households: number };
      };
      readonly by: ActorFacts;
    }
  | {
      readonly type: 'NominateCandidate';
      readonly data: {
        readonly electionId: string;
        readonly candidateId: string;
        readonly name: string;
        readonly personId: string;
        readonly route: NominationRoute;
        readonly supporters?: readonly string[];
        /** The units the person owns in the compound today (from the registry). */
        readonly ownedUnits: readonly string[];
        readonly declarations: Partial<Readonly<Record<DeclaredCondition, Declaration>>>;
      };
      readonly by: ActorFacts;
    }
  | {
      readonly type: 'VetCandidate';
      readonly data: { readonly electionId: string; readonly candidateId: string; readonly outcome: 'approved' | 'refused'; readonly reason: string };
      readonly by: ActorFacts;
    }
  | { readonly type: 'PostCandidates'; readonly data: { readonly electionId: string }; readonly by: ActorFacts }
  | {
      readonly type: 'SeatCommittee';
      readonly data: {
        readonly electionId: string;
        readonly motionId: string;
        readonly decisionId: string;
        readonly elected: readonly string[];
        readonly unfilledSeats: number;
        readonly decidedAt: string;
      };
      readonly by: ActorFacts;
    }
  | {
      readonly type: 'ElectOfficers';
      readonly data: {
        readonly chair: string;
        readonly viceChairs: readonly string[];
        /** Members present at the first meeting. */
        readonly present: readonly string[];
        /** For each officer elected, how many members voted for them. */
        readonly votes: Readonly<Record<string, number>>;
      };
      readonly by: ActorFacts;
    }
  | { readonly type: 'RecordFiling'; readonly data: { readonly certificateRef: string; readonly authority: string }; readonly by: ActorFacts }
  | {
      readonly type: 'EndMembership';
      readonly data: { readonly personId: string; readonly unitId: string; readonly causeEventId: string; readonly stillOwnsUnits: readonly string[] };
      readonly by: ActorFacts;
    }
  | {
      /** 辞职: a member or an alternate resigns in writing (京条例 Art. 46 para. 1 (二)); by themself. */
      readonly type: 'Resign';
      readonly data: { readonly memberId: string; readonly letterRef: string };
      readonly by: ActorFacts;
    }
  | {
      /** 无法履行职责: a member or an alternate can no longer serve (京条例 Art. 46 para. 1 (三)); recorded by the OC or the street office. */
      readonly type: 'RecordIncapacity';
      readonly data: { readonly memberId: string; readonly occurredOn: string; readonly evidenceRef: string };
      readonly by: ActorFacts;
    }
  | {
      readonly type: 'RecordMeeting';
      readonly data: {
        readonly meetingId: string;
        readonly present: readonly string[];
        readonly items: ReadonlyArray<{ readonly itemId: string; readonly title: string; readonly inFavour: readonly string[] }>;
      };
      readonly by: ActorFacts;
    }
  | { readonly type: 'PublishMeetingDecisions'; readonly data: { readonly meetingId: string }; readonly by: ActorFacts }
  /** 换届报告: the committee reports the coming end of its term to the street office. */
  | { readonly type: 'ReportReelection'; readonly data: Record<string, never>; readonly by: ActorFacts }
  /** 组建换届改选小组: the street office forms the re-election group (composed like the preparatory group). */
  | {
      readonly type: 'FormReelectionGroup';
      readonly data: {
        readonly members: ReadonlyArray<{ readonly memberId: string; readonly name: string; readonly kind: GroupMemberKind; readonly unitId?: string }>;
        readonly leaderMemberId: string;
        readonly knownUnits: readonly string[];
      };
      readonly by: ActorFacts;
    }
  /** 移交: records and seals handed over for a term (the current one when `termId` is omitted). */
  | { readonly type: 'RecordHandover'; readonly data: { readonly termId?: string; readonly to: string; readonly items: readonly string[]; readonly evidenceRef: string }; readonly by: ActorFacts }
  /** 罢免提议: by members (their member ids) or by owners (their units, with the votes the registry gives them). */
  | {
      readonly type: 'ProposeRemoval';
      readonly data: {
        readonly removalId: string;
        readonly memberId: string;
        readonly grounds: string;
        /** The grounds as the pack's article lists them (rules.ts `removal.grounds`); required where it lists any. */
        readonly groundCodes?: readonly string[];
        readonly evidenceRef: string;
        readonly proposer: RemovalProposer;
      };
      readonly by: ActorFacts;
    }
  | { readonly type: 'AnswerRemoval'; readonly data: { readonly removalId: string; readonly answer: string }; readonly by: ActorFacts }
  /** Records the assembly motion proposed for the removal (the service proposes it through the assembly first). */
  | { readonly type: 'PutRemovalToOwners'; readonly data: { readonly removalId: string; readonly motionId: string }; readonly by: ActorFacts }
  /** The owners' final result on a removal motion (a reactor): `decisionId` null when nothing was adopted. */
  | { readonly type: 'DecideRemoval'; readonly data: { readonly removalId: string; readonly motionId: string; readonly decisionId: string | null; readonly decidedAt: string }; readonly by: ActorFacts }
  /** 会议通知: convene an OC meeting, its agenda posted and sent to the residents' committee. */
  | { readonly type: 'ConveneMeeting'; readonly data: { readonly meetingId: string; readonly agenda: readonly string[]; readonly heldAt: string; readonly demandId?: string }; readonly by: ActorFacts }
  /** 提议召开: members demand a meeting (their member ids). */
  | { readonly type: 'DemandMeeting'; readonly data: { readonly demandId: string; readonly members: readonly string[]; readonly agenda: string }; readonly by: ActorFacts }
  /** 使用印章: the seal used for a document, with the members signing for it. */
  | { readonly type: 'UseSeal'; readonly data: { readonly useId: string; readonly purpose: string; readonly documentRef: string; readonly signedBy: readonly string[] }; readonly by: ActorFacts }
  /** 组建物业管理委员会: the street office forms the property-management committee (Beijing, Hangzhou). */
  | {
      readonly type: 'FormPropertyManagementCommittee';
      readonly data: {
        readonly compoundId: string;
        readonly jurisdiction: Jurisdiction;
        readonly pmcId: string;
        readonly members: readonly PmcMember[];
        readonly chairMemberId: string;
        readonly viceChairMemberId?: string;
        readonly termYears: number;
        readonly grounds: string;
        /** Unit ids of the compound that owner representatives name (checked against the registry). */
        readonly knownUnits: readonly string[];
      };
      readonly by: ActorFacts;
    }
  | { readonly type: 'DissolvePropertyManagementCommittee'; readonly data: { readonly reason: string }; readonly by: ActorFacts }
  /** 居民委员会代行: the RC organises the owners' decisions (Shanghai, national). */
  | { readonly type: 'RecordResidentsCommitteeActing'; readonly data: { readonly compoundId: string; readonly jurisdiction: Jurisdiction; readonly reason: string; readonly commissionRef?: string }; readonly by: ActorFacts }
  /** Records the owners' decision the acting body convened (the service proposes the motion through the assembly first). */
  | { readonly type: 'RecordActingConvening'; readonly data: { readonly motionId: string; readonly matter: string }; readonly by: ActorFacts }
  /** The freeze check written with the motion it guards (沪规定 Art. 28 para. 4; the assembly's gate sends it). */
  | { readonly type: 'CheckTransitionFreeze'; readonly data: { readonly compoundId: string; readonly motionId: string; readonly matter: string; readonly step: 'propose' | 'open' }; readonly by: ActorFacts };

export type CommitteeCommandType = CommitteeCommand['type'];
