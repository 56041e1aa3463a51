/**
 * Events of the joint context: joint meetings (联席会议, 沪居委条例 Art. 23; 山东 Art. 74) with their resolutions and
 * tasks, and residents' requests dispatched to a party (居民点单、社区派单、党员接单).
 */
import type { DomainEvent } from '../shared/decider.js';
import type { Party } from './parties.js';

export interface JointMeetingConvenedData {
  readonly meetingId: string;
  readonly compoundId: string;
  readonly convener: Party;
  readonly invited: readonly Party[];
  readonly agenda: readonly { readonly itemId: string; readonly title: string }[];
  readonly heldAt: string;
  readonly noticeDays: number;
  /** The results are published by then (沪居委条例 Art. 23: 在规定期限内公布). */
  readonly resultsDueBy: string;
  readonly convenedAt: string;
}
export interface JointAttendanceRecordedData { readonly meetingId: string; readonly present: readonly Party[] }
export interface ResolutionAdoptedData { readonly meetingId: string; readonly resolutionId: string; readonly text: string; readonly agreedBy: readonly Party[] }
export interface TaskAssignedData {
  readonly meetingId: string;
  readonly compoundId: string;
  readonly taskId: string;
  readonly resolutionId: string;
  readonly party: Party;
  readonly description: string;
  readonly dueAt: string;
}
export interface TaskClosedData { readonly meetingId: string; readonly taskId: string; readonly outcome: string; readonly evidenceRef: string; readonly closedAt: string; readonly onTime: boolean }
export interface TaskRatedData { readonly meetingId: string; readonly taskId: string; readonly satisfaction: number }
export interface JointResultsPublishedData { readonly meetingId: string; readonly publishedAt: string; readonly late: boolean }

/** 居民点单: a resident's or owner's request (the requester is kept for rating, never shown). */
export interface RequestRaisedData {
  readonly requestId: string;
  readonly compoundId: string;
  readonly category: string;
  readonly building: string | null;
  readonly unitId: string | null;
  readonly description: string;
  readonly requesterPersonId: string;
  readonly raisedAt: string;
}
/** 社区派单: dispatched to a party with a deadline. */
export interface RequestDispatchedData { readonly requestId: string; readonly dispatch: number; readonly party: Party; readonly dueAt: string; readonly dispatchedAt: string }
/** 接单. */
export interface RequestAcceptedData { readonly requestId: string; readonly dispatch: number; readonly party: Party; readonly acceptedAt: string }
export interface RequestDeclinedData { readonly requestId: string; readonly dispatch: number; readonly party: Party; readonly reason: string; readonly declinedAt: string }
export interface RequestProgressedData { readonly requestId: string; readonly note: string; readonly at: string }
export interface RequestCompletedData { readonly requestId: string; readonly dispatch: number; readonly party: Party; readonly evidenceRef: string; readonly completedAt: string; readonly onTime: boolean }
export interface RequestRatedData { readonly requestId: string; readonly party: Party; readonly satisfaction: number }

export type JointEvent =
  | DomainEvent<'JointMeetingConvened', JointMeetingConvenedData>
  | DomainEvent<'JointAttendanceRecorded', JointAttendanceRecordedData>
  | DomainEvent<'ResolutionAdopted', ResolutionAdoptedData>
  | DomainEvent<'TaskAssigned', TaskAssignedData>
  | DomainEvent<'TaskClosed', TaskClosedData>
  | DomainEvent<'TaskRated', TaskRatedData>
  | DomainEvent<'JointResultsPublished', JointResultsPublishedData>
  | DomainEvent<'RequestRaised', RequestRaisedData>
  | DomainEvent<'RequestDispatched', RequestDispatchedData>
  | DomainEvent<'RequestAccepted', RequestAcceptedData>
  | DomainEvent<'RequestDeclined', RequestDeclinedData>
  | DomainEvent<'RequestProgressed', RequestProgressedData>
  | DomainEvent<'RequestCompleted', RequestCompletedData>
  | DomainEvent<'RequestRated', RequestRatedData>;

export const jointEventTypes: readonly JointEvent['type'][] = [
  'JointMeetingConvened',
  'JointAttendanceRecorded',
  'ResolutionAdopted',
  'TaskAssigned',
  'TaskClosed',
  'TaskRated',
  'JointResultsPublished',
  'RequestRaised',
  'RequestDispatched',
  'RequestAccepted',
  'RequestDeclined',
  'RequestProgressed',
  'RequestCompleted',
  'RequestRated',
];

export const jointMeetingStreamId = (meetingId: string) => `joint-meeting-${meetingId}`;
export const requestStreamId = (requestId: string) => `request-${requestId}`;
