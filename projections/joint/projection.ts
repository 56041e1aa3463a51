/**
 * Three-party work on the notice board: joint meetings with their resolutions and the status of their tasks,
 * residents' requests with each dispatch (never who raised them), from which the parties' scores are computed.
 */
import { assertNever } from '../../domain/shared/decider.js';
import { jointEventTypes, type DispatchRecord, type JointEvent, type Party } from '../../domain/joint/index.js';
import type { RecordedEvent } from '../../services/store/port.js';
import type { DocChange, DocReader, Projection } from '../projection.js';

/** id = meetingId, parent = compoundId. */
export const JOINT_MEETINGS = 'joint-meetings';
/** id = requestId, parent = compoundId. */
export const REQUESTS = 'requests';

export interface TaskView {
  readonly taskId: string;
  readonly resolutionId: string;
  readonly party: Party;
  readonly description: string;
  readonly dueAt: string;
  readonly closedAt: string | null;
  readonly onTime: boolean | null;
  readonly outcome: string | null;
  readonly satisfaction: number | null;
}

export interface JointMeetingDoc {
  readonly meetingId: string;
  readonly compoundId: string;
  readonly convener: Party;
  readonly invited: readonly Party[];
  readonly agenda: readonly { readonly itemId: string; readonly title: string }[];
  readonly heldAt: string;
  readonly present: readonly Party[] | null;
  readonly resolutions: readonly { readonly resolutionId: string; readonly text: string; readonly agreedBy: readonly Party[] }[];
  readonly tasks: readonly TaskView[];
  readonly resultsDueBy: string;
  readonly resultsPublishedAt: string | null;
  readonly resultsLate: boolean | null;
}

export interface RequestDoc {
  readonly requestId: string;
  readonly compoundId: string;
  readonly category: string;
  readonly building: string | null;
  readonly unitId: string | null;
  readonly description: string;
  readonly raisedAt: string;
  readonly status: 'raised' | 'dispatched' | 'accepted' | 'completed';
  readonly dispatches: readonly DispatchRecord[];
  readonly progress: readonly { readonly note: string; readonly at: string }[];
}

const putMeeting = (doc: JointMeetingDoc): DocChange => ({ op: 'put', collection: JOINT_MEETINGS, id: doc.meetingId, parent: doc.compoundId, sortKey: `${doc.heldAt}|${doc.meetingId}`, doc });
const putRequest = (doc: RequestDoc): DocChange => ({ op: 'put', collection: REQUESTS, id: doc.requestId, parent: doc.compoundId, sortKey: `${doc.raisedAt}|${doc.requestId}`, doc });
const withLast = (doc: RequestDoc, change: Partial<DispatchRecord>): RequestDoc => ({ ...doc, dispatches: doc.dispatches.map((d, i) => (i === doc.dispatches.length - 1 ? { ...d, ...change } : d)) });
const withTask = (doc: JointMeetingDoc, taskId: string, change: Partial<TaskView>): JointMeetingDoc => ({ ...doc, tasks: doc.tasks.map((t) => (t.taskId === taskId ? { ...t, ...change } : t)) });

function apply(event: JointEvent, docs: DocReader): readonly DocChange[] {
  switch (event.type) {
    case 'JointMeetingConvened': {
      const d = event.data;
      return [putMeeting({ meetingId: d.meetingId, compoundId: d.compoundId, convener: d.convener, invited: d.invited, agenda: d.agenda, heldAt: d.heldAt, present: null, resolutions: [], tasks: [], resultsDueBy: d.resultsDueBy, resultsPublishedAt: null, resultsLate: null })];
    }
    case 'RequestRaised': {
      const d = event.data;
      return [putRequest({ requestId: d.requestId, compoundId: d.compoundId, category: d.category, building: d.building, unitId: d.unitId, description: d.description, raisedAt: d.raisedAt, status: 'raised', dispatches: [], progress: [] })];
    }
    default:
      break;
  }
  if ('meetingId' in event.data) {
    const doc = docs.get<JointMeetingDoc>(JOINT_MEETINGS, event.data.meetingId);
    if (!doc) return [];
    switch (event.type) {
      case 'JointAttendanceRecorded':
        return [putMeeting({ ...doc, present: event.data.present })];
      case 'ResolutionAdopted':
        return [putMeeting({ ...doc, resolutions: [...doc.resolutions, { resolutionId: event.data.resolutionId, text: event.data.text, agreedBy: event.data.agreedBy }] })];
      case 'TaskAssigned': {
        const d = event.data;
        return [putMeeting({ ...doc, tasks: [...doc.tasks, { taskId: d.taskId, resolutionId: d.resolutionId, party: d.party, description: d.description, dueAt: d.dueAt, closedAt: null, onTime: null, outcome: null, satisfaction: null }] })];
      }
      case 'TaskClosed':
        return [putMeeting(withTask(doc, event.data.taskId, { closedAt: event.data.closedAt, onTime: event.data.onTime, outcome: event.data.outcome }))];
      case 'TaskRated':
        return [putMeeting(withTask(doc, event.data.taskId, { satisfaction: event.data.satisfaction }))];
      case 'JointResultsPublished':
        return [putMeeting({ ...doc, resultsPublishedAt: event.data.publishedAt, resultsLate: event.data.late })];
      default:
        return [];
    }
  }
  const doc = docs.get<RequestDoc>(REQUESTS, (event.data as { requestId: string }).requestId);
  if (!doc) return [];
  switch (event.type) {
    case 'RequestDispatched': {
      const d = event.data;
      return [putRequest({ ...doc, status: 'dispatched', dispatches: [...doc.dispatches, { party: d.party, dispatchedAt: d.dispatchedAt, dueAt: d.dueAt, answer: null, answeredAt: null, completedAt: null, onTime: null, satisfaction: null }] })];
    }
    case 'RequestAccepted':
      return [putRequest({ ...withLast(doc, { answer: 'accepted', answeredAt: event.data.acceptedAt }), status: 'accepted' })];
    case 'RequestDeclined':
      return [putRequest({ ...withLast(doc, { answer: 'declined', answeredAt: event.data.declinedAt }), status: 'raised' })];
    case 'RequestProgressed':
      return [putRequest({ ...doc, progress: [...doc.progress, { note: event.data.note, at: event.data.at }] })];
    case 'RequestCompleted':
      return [putRequest({ ...withLast(doc, { completedAt: event.data.completedAt, onTime: event.data.onTime }), status: 'completed' })];
    case 'RequestRated':
      return [putRequest(withLast(doc, { satisfaction: event.data.satisfaction }))];
    case 'JointAttendanceRecorded':
    case 'ResolutionAdopted':
    case 'TaskAssigned':
    case 'TaskClosed':
    case 'TaskRated':
    case 'JointResultsPublished':
      return [];
    default:
      return assertNever(event);
  }
}

export const jointProjection: Projection = {
  name: 'joint',
  version: 1,
  handles: jointEventTypes,
  apply: (event: RecordedEvent, docs: DocReader) => apply({ type: event.type, data: event.data } as JointEvent, docs),
  scopeOf: (event: RecordedEvent, docs: DocReader) => {
    const d = event.data as { compoundId?: string; meetingId?: string; requestId?: string };
    if (d.compoundId) return d.compoundId;
    if (d.meetingId) return docs.get<JointMeetingDoc>(JOINT_MEETINGS, d.meetingId)?.compoundId ?? event.streamId;
    if (d.requestId) return docs.get<RequestDoc>(REQUESTS, d.requestId)?.compoundId ?? event.streamId;
    return event.streamId;
  },
};
