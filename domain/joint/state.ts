/** The state of one joint stream: a joint meeting, or a resident's request (each its own stream). */
import { assertNever } from '../shared/decider.js';
import type { JointEvent, JointMeetingConvenedData, RequestRaisedData } from './events.js';
import type { Party } from './parties.js';

export interface TaskState {
  readonly party: Party;
  readonly dueAt: Date;
  readonly closed: boolean;
  readonly rated: boolean;
}

export type JointState =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'meeting';
      readonly convened: JointMeetingConvenedData;
      readonly present: readonly Party[] | null;
      readonly resolutions: ReadonlySet<string>;
      readonly tasks: ReadonlyMap<string, TaskState>;
      readonly published: boolean;
    }
  | {
      readonly kind: 'request';
      readonly raised: RequestRaisedData;
      /** The current dispatch (1-based), its party and due date; null before the first and after a decline. */
      readonly dispatch: number;
      readonly assignee: { readonly party: Party; readonly dueAt: Date; readonly accepted: boolean } | null;
      readonly completed: { readonly party: Party } | null;
      readonly rated: boolean;
    };

export const initialJointState = (): JointState => ({ kind: 'none' });

export function evolveJoint(state: JointState, event: JointEvent): JointState {
  switch (event.type) {
    case 'JointMeetingConvened':
      return { kind: 'meeting', convened: event.data, present: null, resolutions: new Set(), tasks: new Map(), published: false };
    case 'JointAttendanceRecorded':
      return state.kind === 'meeting' ? { ...state, present: event.data.present } : state;
    case 'ResolutionAdopted':
      return state.kind === 'meeting' ? { ...state, resolutions: new Set([...state.resolutions, event.data.resolutionId]) } : state;
    case 'TaskAssigned':
      return state.kind === 'meeting' ? { ...state, tasks: new Map([...state.tasks, [event.data.taskId, { party: event.data.party, dueAt: new Date(event.data.dueAt), closed: false, rated: false }]]) } : state;
    case 'TaskClosed': {
      if (state.kind !== 'meeting') return state;
      const task = state.tasks.get(event.data.taskId);
      return task ? { ...state, tasks: new Map([...state.tasks, [event.data.taskId, { ...task, closed: true }]]) } : state;
    }
    case 'TaskRated': {
      if (state.kind !== 'meeting') return state;
      const task = state.tasks.get(event.data.taskId);
      return task ? { ...state, tasks: new Map([...state.tasks, [event.data.taskId, { ...task, rated: true }]]) } : state;
    }
    case 'JointResultsPublished':
      return state.kind === 'meeting' ? { ...state, published: true } : state;
    case 'RequestRaised':
      return { kind: 'request', raised: event.data, dispatch: 0, assignee: null, completed: null, rated: false };
    case 'RequestDispatched':
      return state.kind === 'request' ? { ...state, dispatch: event.data.dispatch, assignee: { party: event.data.party, dueAt: new Date(event.data.dueAt), accepted: false } } : state;
    case 'RequestAccepted':
      return state.kind === 'request' && state.assignee ? { ...state, assignee: { ...state.assignee, accepted: true } } : state;
    case 'RequestDeclined':
      return state.kind === 'request' ? { ...state, assignee: null } : state;
    case 'RequestProgressed':
      return state;
    case 'RequestCompleted':
      return state.kind === 'request' ? { ...state, completed: { party: event.data.party } } : state;
    case 'RequestRated':
      return state.kind === 'request' ? { ...state, rated: true } : state;
    default:
      return assertNever(event);
  }
}
