/** Commands of the residents' context, in the project's `{ type, data, by }` shape. */
import type { ActorFacts } from '../assembly/index.js';
import type { Household, RollTotals } from './roll.js';
import type { Constituency, RepresentativeRules } from './rules.js';

export type ResidentsCommand =
  | { readonly type: 'RecordRoll'; readonly data: { readonly compoundId: string; readonly households: readonly Household[] }; readonly by: ActorFacts }
  | {
      readonly type: 'ChooseRepresentatives';
      readonly data: { readonly compoundId: string; readonly group: string; readonly representatives: readonly { readonly representativeId: string; readonly households: number }[]; readonly evidenceRef: string };
      readonly by: ActorFacts;
    }
  | {
      readonly type: 'ConveneMeeting';
      readonly data: {
        readonly meetingId: string;
        readonly compoundId: string;
        readonly kind: 'residents_meeting' | 'representatives_meeting';
        readonly constituency?: Constituency;
        readonly rules?: Partial<RepresentativeRules>;
        readonly agenda: readonly { readonly itemId: string; readonly title: string }[];
        readonly heldAt: string;
        readonly requestId?: string;
        /** From the roll stream, loaded by the service: households, or the representatives chosen so far. */
        readonly roll: { readonly totals: RollTotals; readonly representatives: readonly string[] } | null;
      };
      readonly by: ActorFacts;
    }
  | { readonly type: 'RecordAttendance'; readonly data: { readonly meetingId: string; readonly present?: number; readonly representatives?: readonly string[]; readonly evidenceRef: string }; readonly by: ActorFacts }
  | { readonly type: 'RecordCount'; readonly data: { readonly meetingId: string; readonly itemId: string; readonly inFavour: number; readonly against: number; readonly abstain: number }; readonly by: ActorFacts }
  | { readonly type: 'RecordRepresentativeVote'; readonly data: { readonly meetingId: string; readonly itemId: string; readonly representativeId: string; readonly choice: 'for' | 'against' | 'abstain' }; readonly by: ActorFacts }
  | { readonly type: 'CloseItem'; readonly data: { readonly meetingId: string; readonly itemId: string }; readonly by: ActorFacts }
  | {
      readonly type: 'OpenConveneRequest';
      readonly data: { readonly requestId: string; readonly compoundId: string; readonly purpose: string; readonly households: readonly Household[] | null };
      readonly by: ActorFacts;
    }
  | { readonly type: 'SignConveneRequest'; readonly data: { readonly requestId: string; readonly householdId?: string; readonly group?: string; readonly evidenceRef: string }; readonly by: ActorFacts };
