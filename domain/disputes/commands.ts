/** Commands of the disputes context, `{ type, data, by }`. */
import type { ActorFacts } from '../assembly/index.js';
import type { DisputeCategory, LinkedRecordType, Mediator, Party, Route } from './rules.js';

export type DisputeCommand =
  | {
      readonly type: 'FileDispute';
      readonly data: {
        readonly disputeId: string;
        readonly compoundId: string;
        readonly category: DisputeCategory;
        readonly respondents: readonly Party[];
        readonly description: string;
        readonly links?: readonly { readonly type: LinkedRecordType; readonly id: string }[];
      };
      readonly by: ActorFacts;
    }
  | { readonly type: 'StartMediation'; readonly data: { readonly disputeId: string; readonly mediator: Mediator }; readonly by: ActorFacts }
  | { readonly type: 'RecordSession'; readonly data: { readonly disputeId: string; readonly summary: string }; readonly by: ActorFacts }
  | { readonly type: 'ExtendMediation'; readonly data: { readonly disputeId: string; readonly days: number; readonly consentRef: string }; readonly by: ActorFacts }
  | { readonly type: 'RecordAgreement'; readonly data: { readonly disputeId: string; readonly terms: string }; readonly by: ActorFacts }
  | { readonly type: 'RecordRefusal'; readonly data: { readonly disputeId: string; readonly party: Party }; readonly by: ActorFacts }
  | { readonly type: 'RecordFailure'; readonly data: { readonly disputeId: string; readonly routesTold: readonly Route[] }; readonly by: ActorFacts }
  | { readonly type: 'RecordConfirmationApplied'; readonly data: { readonly disputeId: string; readonly court: string; readonly reference: string }; readonly by: ActorFacts };
