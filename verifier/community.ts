/**
 * Joint meetings (联席会议) and disputes (纠纷调解) recomputed from the events alone. Their figures on the notice
 * board are statistics the server computes from the record (the parties' scores, domain/joint scores.ts; the
 * disputes by category and outcome, projections/disputes): the verifier rebuilds the same documents with the same
 * pure projections and recomputes the statistics (printed for the owner to hold against the board), after
 * checking every fact the statistics rest on against the events before it (folded with the domains' own evolve):
 * - joint: attendance among the convener and those invited, resolutions agreed by parties present, tasks on a
 *   resolution of the meeting, each task's and each request's "on time" against its own due date (the parties'
 *   scores count them), results "late" against the meeting's due date (沪居委条例 Art. 23), ratings 1–5 of what
 *   was closed or completed, each answer and completion by the party the request is with;
 * - disputes: the mediation's course (人民调解法: started once, extended once by at most 30 days and to a later
 *   date, ended once: agreement, refusal or failure), nothing after it ended.
 */
import { evolveDispute, initialDisputeState, MAX_EXTENSION_DAYS, type DisputeEvent, type DisputeState } from '../domain/disputes/index.js';
import { evolveJoint, initialJointState, partyScores, type JointEvent, type JointState, type PartyScore } from '../domain/joint/index.js';
import { disputesProjection, disputeStatistics, DISPUTES, type DisputeDoc, type DisputeOutcome } from '../projections/disputes/index.js';
import { jointProjection, REQUESTS, type RequestDoc } from '../projections/joint/index.js';
import type { ExportedEvent } from './format.js';
import { MemoryDocs, type ProjectedEvent } from './memoryDocs.js';
import { recordOf, type Report } from './problems.js';

const later = (a: string, b: string | Date): boolean => Date.parse(a) > (typeof b === 'string' ? Date.parse(b) : b.getTime());

export interface CommunityStatistics {
  /** The parties' scores over every dispatch in the export (the board shows a period of them). */
  readonly partyScores: readonly PartyScore[];
  readonly disputes: Readonly<Record<string, Record<DisputeOutcome, number>>>;
}

export class CommunityCheck {
  readonly docs = new MemoryDocs();
  private readonly joint = new Map<string, JointState>();
  private readonly disputes = new Map<string, DisputeState>();
  private readonly requestIds: string[] = [];
  private readonly disputeIds: string[] = [];
  jointEvents = 0;
  disputeEvents = 0;

  constructor(private readonly report: Report) {}

  apply(e: ExportedEvent, recorded: ProjectedEvent): void {
    if (e.streamId.startsWith('joint-meeting-') || e.streamId.startsWith('request-')) {
      this.jointEvents += 1;
      const event = { type: e.type, data: e.data } as JointEvent;
      const before = this.joint.get(e.streamId) ?? initialJointState();
      this.checkJoint(e, event, before);
      this.joint.set(e.streamId, evolveJoint(before, event));
      if (event.type === 'RequestRaised') this.requestIds.push(event.data.requestId);
      this.docs.apply(recorded, jointProjection);
    } else if (e.streamId.startsWith('dispute-')) {
      this.disputeEvents += 1;
      const event = { type: e.type, data: e.data } as DisputeEvent;
      const before = this.disputes.get(e.streamId) ?? initialDisputeState();
      this.checkDispute(e, event, before);
      this.disputes.set(e.streamId, evolveDispute(before, event));
      if (event.type === 'DisputeFiled') this.disputeIds.push(event.data.disputeId);
      this.docs.apply(recorded, disputesProjection);
    }
  }

  statistics(): CommunityStatistics {
    const requests = this.requestIds.map((id) => this.docs.get<RequestDoc>(REQUESTS, id)).filter((d): d is RequestDoc => d !== undefined);
    const disputes = this.disputeIds.map((id) => this.docs.get<DisputeDoc>(DISPUTES, id)).filter((d): d is DisputeDoc => d !== undefined);
    const all = { from: new Date(-8.64e15), to: new Date(8.64e15) };
    return { partyScores: partyScores(requests.flatMap((r) => r.dispatches), all), disputes: disputeStatistics(disputes) };
  }

  private checkJoint(e: ExportedEvent, event: JointEvent, s: JointState): void {
    const bad = (detail: string) => this.report('joint', recordOf(e), detail);
    if (event.type === 'JointMeetingConvened' || event.type === 'RequestRaised') {
      if (s.kind !== 'none') bad('opens a record that already exists');
      return;
    }
    if ('meetingId' in event.data) {
      if (s.kind !== 'meeting') return bad(`an event of meeting ${event.data.meetingId}, which the export never convened`);
      const m = s.convened;
      switch (event.type) {
        case 'JointAttendanceRecorded': {
          const allowed = new Set([m.convener, ...m.invited]);
          const strangers = event.data.present.filter((p) => !allowed.has(p));
          if (strangers.length > 0) bad(`records ${strangers.join(', ')} present, neither convener nor invited`);
          return;
        }
        case 'ResolutionAdopted': {
          const absent = event.data.agreedBy.filter((p) => !(s.present ?? []).includes(p));
          if (absent.length > 0) bad(`resolution ${event.data.resolutionId} agreed by ${absent.join(', ')}, not present`);
          return;
        }
        case 'TaskAssigned':
          if (!s.resolutions.has(event.data.resolutionId)) bad(`task ${event.data.taskId} on resolution ${event.data.resolutionId}, which the meeting did not adopt`);
          return;
        case 'TaskClosed': {
          const task = s.tasks.get(event.data.taskId);
          if (!task) return bad(`closes task ${event.data.taskId}, which the meeting never assigned`);
          if (task.closed) bad(`closes task ${event.data.taskId} a second time`);
          const onTime = !later(event.data.closedAt, task.dueAt);
          if (event.data.onTime !== onTime) bad(`task ${event.data.taskId} posted as ${event.data.onTime ? 'on time' : 'late'}: closed ${event.data.closedAt}, due ${task.dueAt.toISOString()}`);
          return;
        }
        case 'TaskRated': {
          const task = s.tasks.get(event.data.taskId);
          if (!task?.closed || task.rated) bad(`rates task ${event.data.taskId}, which is not closed or is already rated`);
          if (!Number.isInteger(event.data.satisfaction) || event.data.satisfaction < 1 || event.data.satisfaction > 5) bad(`a rating of ${event.data.satisfaction}: ratings are 1 to 5`);
          return;
        }
        case 'JointResultsPublished': {
          const late = later(event.data.publishedAt, m.resultsDueBy);
          if (s.published) bad('publishes the results a second time');
          if (event.data.late !== late) bad(`results posted as ${event.data.late ? 'late' : 'on time'}: published ${event.data.publishedAt}, due by ${m.resultsDueBy}`);
          return;
        }
        default:
          return;
      }
    }
    if (s.kind !== 'request') return bad('an event of a request the export never raised');
    const a = s.assignee;
    switch (event.type) {
      case 'RequestDispatched':
        if (a !== null || s.completed) bad(`dispatches request ${s.raised.requestId} while it is with ${a?.party ?? 'nobody'}${s.completed ? ' and completed' : ''}`);
        if (event.data.dispatch !== s.dispatch + 1) bad(`numbers the dispatch ${event.data.dispatch}; it is dispatch ${s.dispatch + 1}`);
        return;
      case 'RequestAccepted':
      case 'RequestDeclined':
        if (!a || a.accepted || a.party !== event.data.party || event.data.dispatch !== s.dispatch) bad(`an answer by ${event.data.party} to dispatch ${event.data.dispatch}; the request is with ${a ? `${a.party} (dispatch ${s.dispatch}${a.accepted ? ', accepted' : ''})` : 'nobody'}`);
        return;
      case 'RequestCompleted': {
        if (!a?.accepted || a.party !== event.data.party || s.completed) return bad(`completed by ${event.data.party}; the request is with ${a ? a.party : 'nobody'}${a?.accepted ? '' : ', not accepted'}`);
        const onTime = !later(event.data.completedAt, a.dueAt);
        if (event.data.onTime !== onTime) bad(`posted as ${event.data.onTime ? 'on time' : 'late'}: completed ${event.data.completedAt}, due ${a.dueAt.toISOString()}`);
        return;
      }
      case 'RequestRated':
        if (!s.completed || s.rated || s.completed.party !== event.data.party) bad(`rates ${event.data.party}; the request is ${s.completed ? `completed by ${s.completed.party}${s.rated ? ', already rated' : ''}` : 'not completed'}`);
        if (!Number.isInteger(event.data.satisfaction) || event.data.satisfaction < 1 || event.data.satisfaction > 5) bad(`a rating of ${event.data.satisfaction}: ratings are 1 to 5`);
        return;
      default:
        return;
    }
  }

  private checkDispute(e: ExportedEvent, event: DisputeEvent, s: DisputeState): void {
    const bad = (detail: string) => this.report('disputes', recordOf(e), detail);
    if (event.type === 'DisputeFiled') {
      if (s.status !== 'none') bad(`dispute ${event.data.disputeId} is filed a second time`);
      return;
    }
    if (s.status === 'none') return bad(`an event of dispute ${event.data.disputeId}, which the export never filed`);
    const open = s.status === 'filed' || s.status === 'mediating';
    if (!open && event.type !== 'JudicialConfirmationApplied') return bad(`${event.type} after the mediation ended (${s.status})`);
    switch (event.type) {
      case 'MediationStarted':
        if (s.status !== 'filed') bad('the mediation starts a second time');
        if (!later(event.data.dueBy, event.data.startedAt)) bad(`due by ${event.data.dueBy}, not after it started ${event.data.startedAt}`);
        return;
      case 'MediationExtended': {
        const d = event.data;
        if (s.status !== 'mediating' || s.extended) bad(s.extended ? 'the one-month limit is extended a second time' : 'extends a mediation that has not started');
        if (!Number.isInteger(d.days) || d.days < 1 || d.days > MAX_EXTENSION_DAYS) bad(`extends by ${d.days} days: 1 to ${MAX_EXTENSION_DAYS}`);
        if (s.dueBy && !later(d.dueBy, s.dueBy)) bad(`extends to ${d.dueBy}, not after the limit ${s.dueBy.toISOString()}`);
        return;
      }
      case 'MediationRefused':
        // 人民调解法 Art. 17: a party may refuse, before or during the mediation; only a party to the dispute.
        if (event.data.party !== s.filed.filedBy && !s.filed.respondents.includes(event.data.party)) bad(`refused by ${event.data.party}, not a party to the dispute`);
        return;
      case 'MediationSessionHeld':
      case 'AgreementSigned':
      case 'MediationFailed':
        if (s.status !== 'mediating') bad(`${event.type} before the mediation started`);
        return;
      case 'JudicialConfirmationApplied':
        if (s.status !== 'agreed') bad('applies for judicial confirmation without an agreement (人民调解法 Art. 33)');
        return;
      default:
        return;
    }
  }
}
