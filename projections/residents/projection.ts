/**
 * The residents' notice board: each compound's roll totals (never households' details), meetings with their
 * agenda and decisions, representatives' open votes, and requests to convene with their totals.
 */
import { assertNever } from '../../domain/shared/decider.js';
import { residentsEventTypes, type Constituency, type RepresentativeRules, type ResidentsEvent, type RollTotals } from '../../domain/residents/index.js';
import type { RecordedEvent } from '../../domain/shared/log.js';
import type { DocChange, DocReader, Projection } from '../projection.js';

/** id = compoundId. */
export const RESIDENTS_ROLLS = 'residents-rolls';
/** id = meetingId, parent = compoundId. */
export const RESIDENTS_MEETINGS = 'residents-meetings';
/** id = requestId, parent = compoundId. */
export const RESIDENTS_REQUESTS = 'residents-requests';

export interface RollDoc {
  readonly compoundId: string;
  readonly totals: RollTotals;
  readonly recordedAt: string;
  /** Representatives per residents' group (ids only). */
  readonly representatives: Readonly<Record<string, readonly string[]>>;
}

export interface ItemView {
  readonly itemId: string;
  readonly title: string;
  readonly decision: null | { readonly present: number; readonly inFavour: number; readonly against: number; readonly abstain: number; readonly quorumMet: boolean; readonly adopted: boolean; readonly rule: string; readonly decidedAt: string };
  /** Representative meetings: each representative's open vote (they answer to their households). */
  readonly votes: Readonly<Record<string, 'for' | 'against' | 'abstain'>>;
}

export interface MeetingDoc {
  readonly meetingId: string;
  readonly compoundId: string;
  readonly kind: 'residents_meeting' | 'representatives_meeting';
  /** Residents' meetings: who the members are; representative meetings: the community's rules. */
  readonly constituency: Constituency | RepresentativeRules | null;
  readonly size: number;
  readonly heldAt: string;
  readonly present: number | null;
  readonly items: readonly ItemView[];
  readonly requestId: string | null;
}

export interface RequestDoc {
  readonly requestId: string;
  readonly compoundId: string;
  readonly purpose: string;
  readonly totals: RollTotals;
  readonly signed: RollTotals;
  readonly reachedBy: readonly string[] | null;
  readonly conveneBy: string | null;
}

const putMeeting = (doc: MeetingDoc): DocChange => ({ op: 'put', collection: RESIDENTS_MEETINGS, id: doc.meetingId, parent: doc.compoundId, sortKey: `${doc.heldAt}|${doc.meetingId}`, doc });
const putRequest = (doc: RequestDoc): DocChange => ({ op: 'put', collection: RESIDENTS_REQUESTS, id: doc.requestId, parent: doc.compoundId, sortKey: doc.requestId, doc });

function apply(event: ResidentsEvent, docs: DocReader): readonly DocChange[] {
  switch (event.type) {
    case 'ResidentsRollRecorded': {
      const before = docs.get<RollDoc>(RESIDENTS_ROLLS, event.data.compoundId);
      return [{ op: 'put', collection: RESIDENTS_ROLLS, id: event.data.compoundId, doc: { compoundId: event.data.compoundId, totals: event.data.totals, recordedAt: event.data.recordedAt, representatives: before?.representatives ?? {} } satisfies RollDoc }];
    }
    case 'RepresentativesChosen': {
      const roll = docs.get<RollDoc>(RESIDENTS_ROLLS, event.data.compoundId);
      if (!roll) return [];
      return [{ op: 'put', collection: RESIDENTS_ROLLS, id: roll.compoundId, doc: { ...roll, representatives: { ...roll.representatives, [event.data.group]: event.data.representatives.map((r) => r.representativeId) } } satisfies RollDoc }];
    }
    case 'ResidentsMeetingConvened': {
      const d = event.data;
      return [putMeeting({ meetingId: d.meetingId, compoundId: d.compoundId, kind: d.kind, constituency: d.constituency ?? d.rules, size: d.size, heldAt: d.heldAt, present: null, items: d.agenda.map((i) => ({ ...i, decision: null, votes: {} })), requestId: d.requestId })];
    }
    case 'AttendanceRecorded': {
      const doc = docs.get<MeetingDoc>(RESIDENTS_MEETINGS, event.data.meetingId);
      return doc ? [putMeeting({ ...doc, present: event.data.present })] : [];
    }
    case 'RepresentativeVoted': {
      const doc = docs.get<MeetingDoc>(RESIDENTS_MEETINGS, event.data.meetingId);
      if (!doc) return [];
      return [putMeeting({ ...doc, items: doc.items.map((i) => (i.itemId === event.data.itemId ? { ...i, votes: { ...i.votes, [event.data.representativeId]: event.data.choice } } : i)) })];
    }
    case 'ItemDecided': {
      const doc = docs.get<MeetingDoc>(RESIDENTS_MEETINGS, event.data.meetingId);
      if (!doc) return [];
      const { present, inFavour, against, abstain, quorumMet, adopted, rule, decidedAt } = event.data;
      return [putMeeting({ ...doc, items: doc.items.map((i) => (i.itemId === event.data.itemId ? { ...i, decision: { present, inFavour, against, abstain, quorumMet, adopted, rule, decidedAt } } : i)) })];
    }
    case 'ConveneRequestOpened':
      return [putRequest({ requestId: event.data.requestId, compoundId: event.data.compoundId, purpose: event.data.purpose, totals: event.data.totals, signed: { households: 0, adults: 0, groups: 0 }, reachedBy: null, conveneBy: null })];
    case 'ConveneRequestSigned': {
      const doc = docs.get<RequestDoc>(RESIDENTS_REQUESTS, event.data.requestId);
      return doc ? [putRequest({ ...doc, signed: event.data.signed })] : [];
    }
    case 'ConveneRequestReached': {
      const doc = docs.get<RequestDoc>(RESIDENTS_REQUESTS, event.data.requestId);
      return doc ? [putRequest({ ...doc, reachedBy: event.data.by, conveneBy: event.data.conveneBy })] : [];
    }
    default:
      return assertNever(event);
  }
}

export const residentsProjection: Projection = {
  name: 'residents',
  version: 1,
  handles: residentsEventTypes,
  apply: (event: RecordedEvent, docs: DocReader) => apply({ type: event.type, data: event.data } as ResidentsEvent, docs),
  // A meeting's or a request's later steps name only the meeting or the request: their compound is its document's
  // (`?asOf=` folds a compound's events by this scope, and the runner isolates failures by it).
  scopeOf: (event: RecordedEvent, docs: DocReader) => {
    const d = event.data as { compoundId?: string; meetingId?: string; requestId?: string };
    if (d.compoundId) return d.compoundId;
    if (d.meetingId) return docs.get<MeetingDoc>(RESIDENTS_MEETINGS, d.meetingId)?.compoundId ?? event.streamId;
    if (d.requestId) return docs.get<RequestDoc>(RESIDENTS_REQUESTS, d.requestId)?.compoundId ?? event.streamId;
    return event.streamId;
  },
};
