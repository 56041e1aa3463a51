/**
 * OC meetings before and around them: the agenda posted and sent to the residents' committee ahead of the
 * meeting (指导规则 Art. 39: 7 days; 京条例 Art. 45 para. 3: 5), a meeting demanded by at least a third of the
 * members, held within 7 days (指导规则 Art. 37; 京条例 Art. 45; 沪规定 Art. 26), the seal used with more than
 * half of the members signing (京条例 Art. 43 para. 4), and absences from half or more of a year's meetings
 * flagged (沪规定 Art. 31 (五); 京条例 Art. 46 para. 2).
 */
import type { DecideContext } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import { periodEnd } from '../time/legalPeriod.js';
import type { CommitteeCommand } from './commands.js';
import { refuse } from './errors.js';
import type { AbsencesFlaggedData, CommitteeEvent, MeetingHeldData } from './events.js';
import { entitled, iso, isText } from './guards.js';
import { moreThanHalf, neededForMajority } from './majority.js';
import type { CommitteeRules } from './rules.js';
import { activeMembers, type ActiveCommitteeState } from './state.js';

type Cmd<T extends CommitteeCommand['type']> = Extract<CommitteeCommand, { type: T }>;
type Decision = readonly CommitteeEvent[] | DomainError;

const DAY_MS = 24 * 3600 * 1000;
const MEMBER_GRANTS = ['oc_member', 'admin'];

/** The serving members named, or the ids that are not serving members. */
function servingOnly(state: ActiveCommitteeState, ids: readonly string[]): DomainError | null {
  const serving = activeMembers(state).map((m) => m.memberId);
  const strangers = ids.filter((id) => !serving.includes(id));
  return strangers.length > 0 ? refuse('member_not_found', 'not serving members', { members: strangers }) : null;
}

/** The caller is one of `ids` (a member acting for themselves), unless an admin records it. */
function callerAmong(state: ActiveCommitteeState, by: { personId: string; grants: readonly string[] }, ids: readonly string[]): DomainError | null {
  if (by.grants.includes('admin')) return null;
  const me = activeMembers(state).find((m) => m.personId === by.personId);
  return me && ids.includes(me.memberId) ? null : refuse('not_entitled', 'the caller is one of the members named');
}

export function conveneMeeting(command: Cmd<'ConveneMeeting'>, state: ActiveCommitteeState, rules: CommitteeRules, ctx: DecideContext): Decision {
  const denied = entitled(command.by, MEMBER_GRANTS);
  if (denied) return denied;
  const term = state.term;
  if (!term) return refuse('committee_not_found', 'no committee is seated');
  const d = command.data;
  if (!isText(d.meetingId, 64)) return refuse('invalid_meeting', 'a meeting has an id');
  if (state.meetings.some((m) => m.meetingId === d.meetingId) || state.convened.some((m) => m.meetingId === d.meetingId)) return refuse('meeting_already_convened', `meeting ${d.meetingId} is already convened or held`);
  if (!Array.isArray(d.agenda) || d.agenda.length < 1 || d.agenda.length > 50 || !d.agenda.every((a) => isText(a, 500))) return refuse('invalid_meeting', 'an agenda of 1 to 50 items, each 1 to 500 characters');
  const heldAt = Date.parse(d.heldAt);
  if (!Number.isFinite(heldAt)) return refuse('invalid_meeting', 'heldAt is an instant');
  const now = ctx.now;
  // 指导规则 Art. 39: 7 days; 京条例 Art. 45 para. 3: 5 days before, to the residents' committee.
  if (heldAt - now.getTime() < rules.agendaNoticeDays * DAY_MS) {
    return refuse('agenda_notice_too_short', `the agenda is posted and sent to the residents\u2019 committee ${rules.agendaNoticeDays} days before the meeting (${rules.sources.agendaNotice})`, {
      earliest: iso(new Date(now.getTime() + rules.agendaNoticeDays * DAY_MS)),
      source: rules.sources.agendaNotice,
    });
  }
  if (d.demandId !== undefined && !state.demands.some((x) => x.demandId === d.demandId && x.heldAt === null)) return refuse('demand_not_found', `no open demand ${d.demandId}`);
  return [
    {
      type: 'MeetingConvened',
      data: {
        compoundId: state.compoundId,
        termId: term.termId,
        meetingId: d.meetingId,
        agenda: d.agenda.map((a) => a.trim()),
        heldAt: iso(new Date(heldAt)),
        convenedAt: iso(now),
        ...(d.demandId !== undefined ? { demandId: d.demandId } : {}),
        sentToResidentsCommittee: true,
      },
    },
  ];
}

export function demandMeeting(command: Cmd<'DemandMeeting'>, state: ActiveCommitteeState, rules: CommitteeRules, ctx: DecideContext): Decision {
  const denied = entitled(command.by, MEMBER_GRANTS);
  if (denied) return denied;
  const term = state.term;
  if (!term) return refuse('committee_not_found', 'no committee is seated');
  const d = command.data;
  if (!isText(d.agenda, 2_000)) return refuse('invalid_demand', 'the matters to discuss are 1 to 2,000 characters');
  const members = [...new Set(d.members)];
  const problem = servingOnly(state, members) ?? callerAmong(state, command.by, members);
  if (problem) return problem;
  const serving = activeMembers(state).length;
  // 三分之一以上 (Civil Code Art. 1259: 以上 includes the number): 3·n ≥ members.
  if (3 * members.length < serving) return refuse('demand_not_supported', `at least a third of the ${serving} members demand it (${rules.sources.demandedMeeting})`, { members: members.length, needed: Math.ceil(serving / 3) });
  const now = ctx.now;
  return [
    { type: 'MeetingDemanded', data: { compoundId: state.compoundId, termId: term.termId, demandId: d.demandId, members, agenda: d.agenda.trim(), demandedAt: iso(now), holdBy: iso(periodEnd(now, rules.demandedMeetingDays)) } },
  ];
}

export function useSeal(command: Cmd<'UseSeal'>, state: ActiveCommitteeState, rules: CommitteeRules, ctx: DecideContext): Decision {
  const denied = entitled(command.by, MEMBER_GRANTS);
  if (denied) return denied;
  const term = state.term;
  if (!term) return refuse('committee_not_found', 'no committee is seated');
  const d = command.data;
  if (!isText(d.useId, 64) || !isText(d.purpose, 500) || !isText(d.documentRef, 200)) return refuse('invalid_seal_use', 'an id, the purpose (1 to 500 characters) and the document\u2019s reference');
  if (state.sealUses.some((u) => u.useId === d.useId)) return refuse('seal_use_already_recorded', `seal use ${d.useId} is recorded`);
  const signedBy = [...new Set(d.signedBy)];
  const problem = servingOnly(state, signedBy);
  if (problem) return problem;
  const serving = activeMembers(state).length;
  // 京条例 Art. 43 para. 4: more than half of the members sign; elsewhere the rules of procedure decide (one signature at least).
  if (signedBy.length < 1 || (rules.sealNeedsMajority && !moreThanHalf(signedBy.length, serving))) {
    return refuse('seal_use_not_authorised', `using the seal needs ${rules.sealNeedsMajority ? `more than half of the ${serving} members signing` : 'a member\u2019s signature'} (${rules.sources.seal})`, {
      signed: signedBy.length,
      needed: rules.sealNeedsMajority ? neededForMajority(serving) : 1,
    });
  }
  return [{ type: 'SealUsed', data: { compoundId: state.compoundId, termId: term.termId, useId: d.useId, purpose: d.purpose.trim(), documentRef: d.documentRef.trim(), signedBy, members: serving, usedAt: iso(ctx.now) } }];
}

/**
 * After a meeting: serving members absent from half or more of the meetings held in the last year while they
 * served (一半以上 includes half: Civil Code Art. 1259), flagged once per term.
 */
export function absencesAfter(state: ActiveCommitteeState, rules: CommitteeRules, held: MeetingHeldData, now: Date): AbsencesFlaggedData[] {
  if (!rules.absenceFlag) return [];
  const since = new Date(now);
  since.setUTCFullYear(since.getUTCFullYear() - 1);
  const meetings = [...state.meetings.filter((m) => Date.parse(m.heldAt) > since.getTime()), held];
  const out: AbsencesFlaggedData[] = [];
  for (const member of activeMembers(state)) {
    if (member.absences) continue;
    const served = meetings.filter((m) => m.members.includes(member.memberId));
    const absences = served.filter((m) => !m.present.includes(member.memberId)).length;
    if (served.length > 0 && 2 * absences >= served.length) {
      out.push({ compoundId: state.compoundId, termId: held.termId, memberId: member.memberId, meetings: served.length, absences, since: iso(since), flaggedAt: iso(now), source: rules.sources.absences });
    }
  }
  return out;
}
