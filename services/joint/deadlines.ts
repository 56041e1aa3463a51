/**
 * The joint context's deadlines: each task's due date (met when closed), the publication of a joint meeting's
 * results (沪居委条例 Art. 23: 在规定期限内公布; 7 days by default), and each dispatched request's due date (met
 * when completed; withdrawn when the party declines and it is dispatched again).
 */
import type { JointMeetingConvenedData, RequestDispatchedData, TaskAssignedData } from '../../domain/joint/index.js';
import type { DeadlineSource } from '../platform/deadlines.js';

export const JOINT_TASK = 'joint_task';
export const JOINT_RESULTS = 'joint_results';
export const REQUEST_DUE = 'request_due';

export const jointDeadlineSource: DeadlineSource = {
  name: 'joint',
  handles: ['JointMeetingConvened', 'TaskAssigned', 'TaskClosed', 'JointResultsPublished', 'RequestRaised', 'RequestDispatched', 'RequestDeclined', 'RequestCompleted'],
  changes(event, recall) {
    const d = event.data as Record<string, unknown>;
    switch (event.type) {
      case 'JointMeetingConvened': {
        const m = event.data as JointMeetingConvenedData;
        return [
          { op: 'declare', deadline: { deadlineId: `${JOINT_RESULTS}:${m.meetingId}`, compoundId: m.compoundId, kind: JOINT_RESULTS, dueAt: m.resultsDueBy, source: { article: '沪居委条例 Art. 23 (the set period; 7 days by default)', jurisdiction: 'shanghai' }, record: { type: 'joint_meeting', id: m.meetingId } } },
        ];
      }
      case 'TaskAssigned': {
        const t = event.data as TaskAssignedData;
        return [{ op: 'declare', deadline: { deadlineId: `${JOINT_TASK}:${t.meetingId}:${t.taskId}`, compoundId: t.compoundId, kind: JOINT_TASK, dueAt: t.dueAt, source: { article: 'the joint meeting\u2019s resolution', jurisdiction: 'local' }, record: { type: 'joint_meeting', id: t.meetingId } } }];
      }
      case 'TaskClosed':
        return [{ op: 'meet', deadlineId: `${JOINT_TASK}:${d.meetingId}:${d.taskId}`, at: d.closedAt as string }];
      case 'JointResultsPublished':
        return [{ op: 'meet', deadlineId: `${JOINT_RESULTS}:${d.meetingId}`, at: d.publishedAt as string }];
      case 'RequestRaised':
        return [{ op: 'remember', key: d.requestId as string, facts: { compoundId: d.compoundId as string } }];
      case 'RequestDispatched': {
        const r = event.data as RequestDispatchedData;
        return [{ op: 'declare', deadline: { deadlineId: `${REQUEST_DUE}:${r.requestId}:${r.dispatch}`, compoundId: recall(r.requestId)?.compoundId ?? '', kind: REQUEST_DUE, dueAt: r.dueAt, source: { article: 'the dispatch (社区派单)', jurisdiction: 'local' }, record: { type: 'request', id: r.requestId } } }];
      }
      case 'RequestDeclined':
        return [{ op: 'withdraw', deadlineId: `${REQUEST_DUE}:${d.requestId}:${d.dispatch}` }];
      case 'RequestCompleted':
        return [{ op: 'meet', deadlineId: `${REQUEST_DUE}:${d.requestId}:${d.dispatch}`, at: d.completedAt as string }];
      default:
        return [];
    }
  },
};
