/**
 * The joint deciders. Joint meetings are convened by the community Party committee, the residents' committee
 * or the street office (沪居委条例 Art. 23; 山东 Art. 74), with notice (3 days by default: no statute fixes it,
 * local templates use 3 [P]) and results published within a set period (7 days by default). Requests are raised
 * by owners (or the RC for a resident), dispatched by the community, accepted or declined by the party, completed
 * with evidence, and rated by whoever raised them.
 */
import type { ActorFacts } from '../assembly/index.js';
import type { DecideContext, Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import { periodEnd, DEFAULT_CALENDAR, type HolidayCalendar } from '../time/legalPeriod.js';
import type { JointCommand } from './commands.js';
import { refuse } from './errors.js';
import type { JointEvent } from './events.js';
import { actsFor, jointParties, PARTY_OF_GRANT, type Party } from './parties.js';
import { evolveJoint, initialJointState, type JointState } from './state.js';

export interface JointContext extends DecideContext {
  readonly calendar?: HolidayCalendar;
}

export const DEFAULT_NOTICE_DAYS = 3;
export const DEFAULT_RESULTS_DAYS = 7;
/** 响应时限: a dispatch answered (accepted or declined) within 24 hours counts as a timely response (scores.ts). */
export const RESPONSE_HOURS = 24;

const CONVENERS: readonly string[] = ['party_committee', 'rc_staff', 'street_office'];
const DISPATCHERS: readonly string[] = ['party_committee', 'rc_staff', 'street_office'];
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const text = (v: unknown, max: number) => (typeof v === 'string' && v.trim() !== '' && v.length <= max ? v.trim() : null);
const convenerParty = (by: ActorFacts): Party | null => {
  const g = by.grants.find((x) => CONVENERS.includes(x));
  return g ? PARTY_OF_GRANT[g]! : null;
};
const instant = (v: unknown): Date | null => {
  const ms = typeof v === 'string' ? Date.parse(v) : NaN;
  return Number.isNaN(ms) ? null : new Date(ms);
};
const partiesOk = (list: unknown): list is Party[] => Array.isArray(list) && list.length > 0 && list.length <= jointParties.length && list.every((p) => jointParties.includes(p)) && new Set(list).size === list.length;

type Decision = readonly JointEvent[] | DomainError;

function meeting(cmd: JointCommand, state: JointState, ctx: JointContext): Decision {
  const now = ctx.now.toISOString();
  const calendar = ctx.calendar ?? DEFAULT_CALENDAR;
  if (cmd.type === 'ConveneJointMeeting') {
    if (state.kind !== 'none') return refuse('meeting_exists', `meeting ${cmd.data.meetingId} exists`);
    const convener = convenerParty(cmd.by);
    if (!convener) return refuse('not_entitled', 'a joint meeting is convened by the community Party committee, the RC or the street office');
    const d = cmd.data;
    if (!partiesOk(d.invited)) return refuse('invalid_meeting', `invited parties are distinct, among ${jointParties.join(', ')}`);
    if (!Array.isArray(d.agenda) || d.agenda.length === 0 || d.agenda.length > 30 || d.agenda.some((i) => !ID.test(i?.itemId ?? '') || !text(i.title, 200))) return refuse('invalid_meeting', 'an agenda of 1 to 30 items, each with an id and a title');
    const heldAt = instant(d.heldAt);
    if (!heldAt) return refuse('invalid_meeting', 'heldAt is an ISO-8601 instant');
    const noticeDays = d.noticeDays ?? DEFAULT_NOTICE_DAYS;
    const resultsDays = d.resultsDays ?? DEFAULT_RESULTS_DAYS;
    if (![noticeDays, resultsDays].every((n) => Number.isInteger(n) && n >= 0 && n <= 90)) return refuse('invalid_meeting', 'noticeDays and resultsDays are whole days from 0 to 90');
    const earliest = noticeDays === 0 ? ctx.now : periodEnd(ctx.now, noticeDays, calendar);
    if (heldAt.getTime() < earliest.getTime()) return refuse('notice_too_short', `with ${noticeDays} days\u2019 notice the meeting is held from ${earliest.toISOString()}`, { earliest: earliest.toISOString() });
    return [
      {
        type: 'JointMeetingConvened',
        data: { meetingId: d.meetingId, compoundId: d.compoundId, convener, invited: [...d.invited], agenda: d.agenda.map((i) => ({ itemId: i.itemId, title: i.title.trim() })), heldAt: heldAt.toISOString(), noticeDays, resultsDueBy: periodEnd(heldAt, resultsDays, calendar).toISOString(), convenedAt: now },
      },
    ];
  }
  if (state.kind !== 'meeting') return refuse('meeting_not_found', 'no such joint meeting');
  const m = state.convened;
  const chairs = convenerParty(cmd.by) !== null;
  switch (cmd.type) {
    case 'RecordJointAttendance': {
      if (!chairs) return refuse('not_entitled', 'the convener records the meeting');
      const allowed = new Set<Party>([m.convener, ...m.invited]);
      if (!partiesOk(cmd.data.present) || cmd.data.present.some((p) => !allowed.has(p))) return refuse('invalid_meeting', 'present parties are the convener and those invited');
      return [{ type: 'JointAttendanceRecorded', data: { meetingId: m.meetingId, present: [...cmd.data.present] } }];
    }
    case 'AdoptResolution': {
      if (!chairs) return refuse('not_entitled', 'the convener records the meeting');
      if (!state.present) return refuse('attendance_not_recorded', 'record who attended first');
      const t = text(cmd.data.text, 5000);
      if (!t || !ID.test(cmd.data.resolutionId) || state.resolutions.has(cmd.data.resolutionId)) return refuse('invalid_resolution', 'a resolution has a new id and a text of 1 to 5,000 characters');
      if (!partiesOk(cmd.data.agreedBy) || cmd.data.agreedBy.some((p) => !state.present!.includes(p))) return refuse('invalid_resolution', 'the parties that agreed were present');
      return [{ type: 'ResolutionAdopted', data: { meetingId: m.meetingId, resolutionId: cmd.data.resolutionId, text: t, agreedBy: [...cmd.data.agreedBy] } }];
    }
    case 'AssignTask': {
      if (!chairs) return refuse('not_entitled', 'the convener assigns tasks');
      const d = cmd.data;
      if (!state.resolutions.has(d.resolutionId)) return refuse('resolution_not_found', `no resolution ${d.resolutionId}`);
      const dueAt = instant(d.dueAt);
      const description = text(d.description, 2000);
      if (!ID.test(d.taskId) || state.tasks.has(d.taskId) || !jointParties.includes(d.party) || !dueAt || !description) return refuse('invalid_task', 'a task has a new id, a party, a description and a due date');
      return [{ type: 'TaskAssigned', data: { meetingId: m.meetingId, compoundId: m.compoundId, taskId: d.taskId, resolutionId: d.resolutionId, party: d.party, description, dueAt: dueAt.toISOString() } }];
    }
    case 'CloseTask': {
      const task = state.tasks.get(cmd.data.taskId);
      if (!task) return refuse('task_not_found', `no task ${cmd.data.taskId}`);
      if (!chairs && !actsFor(cmd.by.grants, task.party)) return refuse('not_entitled', 'the party assigned, or the convener, closes a task');
      if (task.closed) return refuse('task_closed', 'this task is closed');
      const outcome = text(cmd.data.outcome, 2000);
      const evidenceRef = text(cmd.data.evidenceRef, 500);
      if (!outcome || !evidenceRef) return refuse('invalid_task', 'a closed task states its outcome and its evidence');
      return [{ type: 'TaskClosed', data: { meetingId: m.meetingId, taskId: cmd.data.taskId, outcome, evidenceRef, closedAt: now, onTime: ctx.now.getTime() <= task.dueAt.getTime() } }];
    }
    case 'RateTask': {
      const task = state.tasks.get(cmd.data.taskId);
      if (!task) return refuse('task_not_found', `no task ${cmd.data.taskId}`);
      if (!chairs) return refuse('not_entitled', 'the convener rates a task on behalf of those who asked for it');
      if (!task.closed) return refuse('task_not_closed', 'a task is rated once closed');
      if (task.rated) return refuse('already_rated', 'this task is rated');
      if (!Number.isInteger(cmd.data.satisfaction) || cmd.data.satisfaction < 1 || cmd.data.satisfaction > 5) return refuse('invalid_rating', 'satisfaction is 1 to 5');
      return [{ type: 'TaskRated', data: { meetingId: m.meetingId, taskId: cmd.data.taskId, satisfaction: cmd.data.satisfaction } }];
    }
    case 'PublishJointResults':
      if (!chairs) return refuse('not_entitled', 'the convener publishes the results');
      if (state.published) return refuse('results_already_published', 'the results are published');
      return [{ type: 'JointResultsPublished', data: { meetingId: m.meetingId, publishedAt: now, late: ctx.now.getTime() > Date.parse(m.resultsDueBy) } }];
    default:
      return refuse('invalid_meeting', `${cmd.type} is not a meeting command`);
  }
}

function request(cmd: JointCommand, state: JointState, ctx: JointContext): Decision {
  const now = ctx.now.toISOString();
  if (cmd.type === 'RaiseRequest') {
    if (state.kind !== 'none') return refuse('request_exists', `request ${cmd.data.requestId} exists`);
    if (!cmd.by.grants.some((g) => g === 'owner' || g === 'rc_staff')) return refuse('not_entitled', 'an owner raises a request, or the RC for a resident');
    const d = cmd.data;
    const category = text(d.category, 50);
    const description = text(d.description, 2000);
    if (!category || !description) return refuse('invalid_request', 'a request has a category (≤ 50) and a description (≤ 2,000)');
    return [{ type: 'RequestRaised', data: { requestId: d.requestId, compoundId: d.compoundId, category, building: d.building ?? null, unitId: d.unitId ?? null, description, requesterPersonId: cmd.by.personId, raisedAt: now } }];
  }
  if (state.kind !== 'request') return refuse('request_not_found', 'no such request');
  const id = state.raised.requestId;
  switch (cmd.type) {
    case 'DispatchRequest': {
      if (!cmd.by.grants.some((g) => DISPATCHERS.includes(g))) return refuse('not_entitled', 'the community dispatches requests (社区派单)');
      if (state.completed) return refuse('request_completed', 'the request is completed');
      if (state.assignee) return refuse('already_dispatched', 'the request is with a party; it is dispatched again only after a decline');
      const dueAt = instant(cmd.data.dueAt);
      if (!jointParties.includes(cmd.data.party) || !dueAt || dueAt.getTime() <= ctx.now.getTime()) return refuse('invalid_request', 'dispatch to a party with a due date in the future');
      return [{ type: 'RequestDispatched', data: { requestId: id, dispatch: state.dispatch + 1, party: cmd.data.party, dueAt: dueAt.toISOString(), dispatchedAt: now } }];
    }
    case 'AcceptRequest':
    case 'DeclineRequest': {
      const a = state.assignee;
      if (!a) return refuse('not_dispatched', 'the request is not with a party');
      if (!actsFor(cmd.by.grants, a.party)) return refuse('not_entitled', 'the party it was dispatched to answers it');
      if (a.accepted) return refuse('already_dispatched', 'already accepted');
      if (cmd.type === 'AcceptRequest') return [{ type: 'RequestAccepted', data: { requestId: id, dispatch: state.dispatch, party: a.party, acceptedAt: now } }];
      const reason = text(cmd.data.reason, 1000);
      if (!reason) return refuse('invalid_request', 'a decline states its reason');
      return [{ type: 'RequestDeclined', data: { requestId: id, dispatch: state.dispatch, party: a.party, reason, declinedAt: now } }];
    }
    case 'ProgressRequest': {
      const a = state.assignee;
      if (!a?.accepted) return refuse('not_accepted', 'progress follows acceptance');
      if (!actsFor(cmd.by.grants, a.party)) return refuse('not_entitled', 'the party that accepted reports progress');
      const note = text(cmd.data.note, 2000);
      if (!note) return refuse('invalid_request', 'a progress note is 1 to 2,000 characters');
      return [{ type: 'RequestProgressed', data: { requestId: id, note, at: now } }];
    }
    case 'CompleteRequest': {
      const a = state.assignee;
      if (state.completed) return refuse('request_completed', 'the request is completed');
      if (!a?.accepted) return refuse('not_accepted', 'completion follows acceptance');
      if (!actsFor(cmd.by.grants, a.party)) return refuse('not_entitled', 'the party that accepted completes it');
      const evidenceRef = text(cmd.data.evidenceRef, 500);
      if (!evidenceRef) return refuse('invalid_request', 'completion points at its evidence');
      return [{ type: 'RequestCompleted', data: { requestId: id, dispatch: state.dispatch, party: a.party, evidenceRef, completedAt: now, onTime: ctx.now.getTime() <= a.dueAt.getTime() } }];
    }
    case 'RateRequest': {
      if (!state.completed) return refuse('not_completed', 'a request is rated once completed');
      if (cmd.by.personId !== state.raised.requesterPersonId) return refuse('not_entitled', 'whoever raised the request rates it');
      if (state.rated) return refuse('already_rated', 'this request is rated');
      if (!Number.isInteger(cmd.data.satisfaction) || cmd.data.satisfaction < 1 || cmd.data.satisfaction > 5) return refuse('invalid_rating', 'satisfaction is 1 to 5');
      return [{ type: 'RequestRated', data: { requestId: id, party: state.completed.party, satisfaction: cmd.data.satisfaction } }];
    }
    default:
      return refuse('invalid_request', `${cmd.type} is not a request command`);
  }
}

const MEETING_COMMANDS = new Set<JointCommand['type']>(['ConveneJointMeeting', 'RecordJointAttendance', 'AdoptResolution', 'AssignTask', 'CloseTask', 'RateTask', 'PublishJointResults']);

export const jointDecider: Decider<JointState, JointCommand, JointEvent, JointContext> = {
  initialState: initialJointState,
  evolve: evolveJoint,
  decide: (cmd, state, ctx) => (MEETING_COMMANDS.has(cmd.type) ? meeting(cmd, state, ctx) : request(cmd, state, ctx)),
};

