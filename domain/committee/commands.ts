/**
 * Committee commands (`{ type, data, by }`): `by` is who acts and their roles on the compound
 * (domain/assembly ActorFacts). Facts from other contexts (the registry's units of a person, the compound's
 * size, an assembly decision) come in the command, looked up by the service at the moment it acts.
 */
import type { ActorFacts } from '../assembly/index.js';
import type { Jurisdiction } from '../registry/types.js';
import type { DeclaredCondition, GroupMemberKind, NominationRoute } from './rules.js';

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
      readonly type: 'RecordMeeting';
      readonly data: {
        readonly meetingId: string;
        readonly present: readonly string[];
        readonly items: ReadonlyArray<{ readonly itemId: string; readonly title: string; readonly inFavour: readonly string[] }>;
      };
      readonly by: ActorFacts;
    }
  | { readonly type: 'PublishMeetingDecisions'; readonly data: { readonly meetingId: string }; readonly by: ActorFacts };

export type CommitteeCommandType = CommitteeCommand['type'];
