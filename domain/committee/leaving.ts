/**
 * A member or an alternate (候补委员) leaving on their own ground, without the owners' vote: a written resignation
 * (辞职) or being unable to serve (无法履行职责: health, capacity), 京条例 Art. 46 para. 1 (二)(三): "委员资格自情形
 * 发生之日起自然终止，由业主委员会向业主公示，并提请业主大会确认"; 沪规定 Art. 31 para. 2 (a resignation only);
 * 杭条例 Art. 32 (二)(四). A member's seat then goes to the first alternate for the rest of the term (京条例
 * Art. 41 para. 3), and fewer than half the seats after the alternates calls the early re-election (Art. 48).
 * Where the pack has the ground decided by the owners instead, the command is refused naming the article.
 * The owners' confirmation (提请业主大会确认) is not modelled: the board posts the termination (公示).
 */
import type { DecideContext } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import type { CommitteeCommand } from './commands.js';
import { refuse } from './errors.js';
import type { CommitteeEvent } from './events.js';
import { entitled, iso, isText } from './guards.js';
import type { CommitteeRules, LeavingGround } from './rules.js';
import { afterVacancy } from './alternates.js';
import { activeMembers, type ActiveCommitteeState } from './state.js';

type Cmd<T extends CommitteeCommand['type']> = Extract<CommitteeCommand, { type: T }>;
type Decision = readonly CommitteeEvent[] | DomainError;

/** Today in China time (UTC+8), YYYY-MM-DD. */
const chinaDay = (now: Date): string => new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);

/** The member or alternate named, in the seated term: who they are and which list they are on. */
function subjectOf(state: ActiveCommitteeState, memberId: string) {
  const member = activeMembers(state).find((m) => m.memberId === memberId);
  if (member) return { kind: 'member' as const, personId: member.personId };
  const alternate = state.term?.alternates.find((a) => a.memberId === memberId);
  if (alternate) return { kind: 'alternate' as const, personId: alternate.personId };
  return null;
}

function leave(state: ActiveCommitteeState, rules: CommitteeRules, ground: LeavingGround, memberId: string, occurredOn: string, evidenceRef: string, now: Date): Decision {
  const term = state.term!;
  const rule = rules.leaving[ground];
  if ('elsewhere' in rule) return refuse('leaving_not_by_itself', `here this does not end membership by itself: ${rule.elsewhere}`, { ground, source: rule.elsewhere });
  const subject = subjectOf(state, memberId)!;
  if (subject.kind === 'alternate') {
    return [{ type: 'AlternateLeft', data: { compoundId: state.compoundId, termId: term.termId, memberId, reason: ground, evidenceRef, leftAt: iso(now), source: rule.source } }];
  }
  const remaining = activeMembers(state).length - 1;
  return [
    { type: 'MembershipTerminated', data: { compoundId: state.compoundId, termId: term.termId, memberId, reason: ground, occurredOn, evidenceRef, endedAt: iso(now), remaining, seats: term.seats, source: rule.source } },
    // 京条例 Art. 41 para. 3: the first alternate fills the seat; then fewer than half → early re-election (Art. 48).
    ...afterVacancy(state, term, memberId, remaining, rules, now),
  ];
}

/** 辞职: the member (or alternate) themself resigns in writing, naming the letter; it ends from today. */
export function resign(command: Cmd<'Resign'>, state: ActiveCommitteeState, rules: CommitteeRules, ctx: DecideContext): Decision {
  const d = command.data;
  if (!state.term) return refuse('committee_not_found', 'no committee is seated');
  const subject = subjectOf(state, d.memberId);
  if (!subject) return refuse('member_not_found', `no serving member or alternate ${d.memberId}`);
  // The resignation is the member's own act (以书面形式向业主委员会提出辞职): nobody resigns for another.
  if (command.by.personId !== subject.personId && !command.by.grants.includes('admin')) return refuse('not_entitled', 'a member resigns for themself');
  if (!isText(d.letterRef, 500)) return refuse('invalid_leaving', 'name the written resignation (书面形式)');
  return leave(state, rules, 'resigned', d.memberId, chinaDay(ctx.now), d.letterRef.trim(), ctx.now);
}

/** 无法履行职责: the OC (another member) or the street office records that a member can no longer serve, from the day it occurred. */
export function recordIncapacity(command: Cmd<'RecordIncapacity'>, state: ActiveCommitteeState, rules: CommitteeRules, ctx: DecideContext): Decision {
  const d = command.data;
  const denied = entitled(command.by, ['oc_member', 'street_office', 'admin']);
  if (denied) return denied;
  if (!state.term) return refuse('committee_not_found', 'no committee is seated');
  const subject = subjectOf(state, d.memberId);
  if (!subject) return refuse('member_not_found', `no serving member or alternate ${d.memberId}`);
  const byStreet = command.by.grants.includes('street_office') || command.by.grants.includes('admin');
  // The OC records it (由业主委员会向业主公示): a serving member, not the one concerned (who would resign instead).
  if (!byStreet && (command.by.personId === subject.personId || !activeMembers(state).some((m) => m.personId === command.by.personId))) {
    return refuse('not_entitled', 'another serving member of the OC, or the street office, records it');
  }
  const day = Date.parse(`${d.occurredOn}T00:00:00+08:00`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d.occurredOn) || Number.isNaN(day) || day > ctx.now.getTime()) return refuse('invalid_leaving', 'occurredOn is the day it occurred: a date not in the future, YYYY-MM-DD');
  if (!isText(d.evidenceRef, 500)) return refuse('invalid_leaving', 'name the evidence (a medical certificate, a court\u2019s declaration)');
  return leave(state, rules, 'incapacity', d.memberId, d.occurredOn, d.evidenceRef.trim(), ctx.now);
}
