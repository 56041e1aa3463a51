/** Commands of the joint context, `{ type, data, by }`. */
import type { ActorFacts } from '../assembly/index.js';
import type { Party } from './parties.js';

export type JointCommand =
  | {
      readonly type: 'ConveneJointMeeting';
      readonly data: {
        readonly meetingId: string;
        readonly compoundId: string;
        readonly invited: readonly Party[];
        readonly agenda: readonly { readonly itemId: string; readonly title: string }[];
        readonly heldAt: string;
        readonly noticeDays?: number;
        readonly resultsDays?: number;
      };
      readonly by: ActorFacts;
    }
  | { readonly type: 'RecordJointAttendance'; readonly data: { readonly meetingId: string; readonly present: readonly Party[] }; readonly by: ActorFacts }
  | { readonly type: 'AdoptResolution'; readonly data: { readonly meetingId: string; readonly resolutionId: string; readonly text: string; readonly agreedBy: readonly Party[] }; readonly by: ActorFacts }
  | { readonly type: 'AssignTask'; readonly data: { readonly meetingId: string; readonly taskId: string; readonly resolutionId: string; readonly party: Party; readonly description: string; readonly dueAt: string }; readonly by: ActorFacts }
  | { readonly type: 'CloseTask'; readonly data: { readonly meetingId: string; readonly taskId: string; readonly outcome: string; readonly evidenceRef: string }; readonly by: ActorFacts }
  | { readonly type: 'RateTask'; readonly data: { readonly meetingId: string; readonly taskId: string; readonly satisfaction: number }; readonly by: ActorFacts }
  | { readonly type: 'PublishJointResults'; readonly data: { readonly meetingId: string }; readonly by: ActorFacts }
  | {
      readonly type: 'RaiseRequest';
      readonly data: { readonly requestId: string; readonly compoundId: string; readonly category: string; readonly building?: string; readonly unitId?: string; readonly description: string };
      readonly by: ActorFacts;
    }
  | { readonly type: 'DispatchRequest'; readonly data: { readonly requestId: string; readonly party: Party; readonly dueAt: string }; readonly by: ActorFacts }
  | { readonly type: 'AcceptRequest'; readonly data: { readonly requestId: string }; readonly by: ActorFacts }
  | { readonly type: 'DeclineRequest'; readonly data: { readonly requestId: string; readonly reason: string }; readonly by: ActorFacts }
  | { readonly type: 'ProgressRequest'; readonly data: { readonly requestId: string; readonly note: string }; readonly by: ActorFacts }
  | { readonly type: 'CompleteRequest'; readonly data: { readonly requestId: string; readonly evidenceRef: string }; readonly by: ActorFacts }
  | { readonly type: 'RateRequest'; readonly data: { readonly requestId: string; readonly satisfaction: number }; readonly by: ActorFacts };
