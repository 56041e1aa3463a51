/**
 * Removing a member (罢免): proposed by at least a third of the members or by owners with at least 20% of the
 * votes (指导规则 Art. 44; 杭条例 Art. 31 para. 2: 20% of owners), the member's answer heard (杭条例 Art. 31
 * para. 3: 申辩), then decided by the owners as an assembly motion (Civil Code Art. 278 (三): 更换业主委员会成员;
 * 沪规定 Art. 31 para. 2). Fewer than half the seats left → early re-election (沪规定 Art. 32; 京条例 Art. 48).
 */
import { parseArea } from '../shared/area.js';
import type { DecideContext } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import { periodEnd } from '../time/legalPeriod.js';
import type { CommitteeCommand } from './commands.js';
import { refuse } from './errors.js';
import type { CitedGround, CommitteeEvent } from './events.js';
import { entitled, iso, isText } from './guards.js';
import { articleOf, type CommitteeRules } from './rules.js';
import { afterVacancy } from './alternates.js';
import { activeMembers, type ActiveCommitteeState, type MemberState, type RemovalState } from './state.js';

type Cmd<T extends CommitteeCommand['type']> = Extract<CommitteeCommand, { type: T }>;
type Decision = readonly CommitteeEvent[] | DomainError;

const CONVENING_GRANTS = ['street_office', 'rc_staff', 'oc_member', 'admin'];

/** `count/total ≥ num/den`, by cross-multiplication (以上 includes the number: Civil Code Art. 1259). */
const atLeast = (count: bigint, total: bigint, f: { num: number; den: number }): boolean => count * BigInt(f.den) >= total * BigInt(f.num);

/**
 * The grounds a proposal cites, checked against the pack's article: each a listed ground, at least one where the
 * article lists any; a ground the record can verify (absences) must be on the member's record.
 */
export function citedGrounds(rules: CommitteeRules, member: MemberState, codes: readonly string[] | undefined): CitedGround[] | DomainError {
  const listed = rules.removal.grounds;
  const wanted = [...new Set(codes ?? [])];
  if (listed === null) {
    if (wanted.length > 0) return refuse('invalid_removal', `no grounds are listed here; the grounds are stated in words (${rules.sources.removal})`, { groundCodes: wanted });
    return [];
  }
  const allowed = listed.map((g) => g.code);
  const unknown = wanted.filter((c) => !allowed.includes(c));
  if (wanted.length === 0 || unknown.length > 0) {
    return refuse('invalid_removal', `cite at least one ground the article lists (${articleOf(listed[0]!.source)})`, { unknown, allowed, sources: listed.map((g) => g.source) });
  }
  const out: CitedGround[] = [];
  for (const code of wanted) {
    const g = listed.find((x) => x.code === code)!;
    if (g.check === 'absences') {
      if (!member.absences) return refuse('ground_not_established', `the member\u2019s record shows no absence from half or more of a year\u2019s meetings (${g.source})`, { ground: code, source: g.source });
      out.push({ code, source: g.source, established: { meetings: member.absences.meetings, absences: member.absences.absences, flaggedAt: member.absences.flaggedAt } });
    } else out.push({ code, source: g.source });
  }
  return out;
}

export function proposeRemoval(command: Cmd<'ProposeRemoval'>, state: ActiveCommitteeState, rules: CommitteeRules, ctx: DecideContext): Decision {
  const d = command.data;
  const p = d.proposer;
  const denied = entitled(command.by, p.kind === 'members' ? ['oc_member', 'admin'] : ['owner', 'admin']);
  if (denied) return denied;
  const term = state.term;
  if (!term) return refuse('committee_not_found', 'no committee is seated');
  const members = activeMembers(state);
  const member = members.find((m) => m.memberId === d.memberId);
  if (!member) return refuse('member_not_found', `no serving member ${d.memberId}`);
  if (!isText(d.grounds, 2_000) || !isText(d.evidenceRef, 200)) return refuse('invalid_removal', 'the grounds (1 to 2,000 characters) and the evidence reference are recorded');
  if (state.removals.some((r) => r.memberId === d.memberId && r.outcome === null)) return refuse('removal_already_open', 'a removal of this member is already open');
  if (p.kind === 'members') {
    const proposers = [...new Set(p.members)];
    const strangers = proposers.filter((id) => !members.some((m) => m.memberId === id));
    if (strangers.length > 0) return refuse('member_not_found', 'not serving members', { members: strangers });
    if (proposers.includes(d.memberId)) return refuse('invalid_removal', 'the member concerned does not propose their own removal');
    const caller = members.find((m) => m.personId === command.by.personId);
    if (!command.by.grants.includes('admin') && (!caller || !proposers.includes(caller.memberId))) return refuse('not_entitled', 'the caller is one of the proposing members');
    const f = rules.removal.members;
    if (!f || !atLeast(BigInt(proposers.length), BigInt(members.length), f)) {
      return refuse('removal_not_supported', `at least ${f ? `${f.num}/${f.den}` : 'a share'} of the ${members.length} members propose it (${rules.sources.removal})`, { proposers: proposers.length, members: members.length });
    }
  } else {
    const f = rules.removal.owners;
    const short: Record<string, unknown>[] = [];
    for (const axis of f.axes) {
      const [count, total] = axis === 'area' ? [parseArea(p.support.area), parseArea(p.totals.area)] : [BigInt(p.support.headcount), BigInt(p.totals.headcount)];
      if (count === null || total === null || total === 0n || !atLeast(count, total, f)) short.push({ axis, support: axis === 'area' ? p.support.area : p.support.headcount, total: axis === 'area' ? p.totals.area : p.totals.headcount });
    }
    if (p.units.length === 0 || short.length > 0) {
      return refuse('removal_not_supported', `owners with at least ${f.num}/${f.den} of the votes (${f.axes.join(' and ')}) propose it (${rules.sources.removal})`, { short });
    }
  }
  // 京条例 Arts. 46–47; 沪规定 Art. 31; 杭条例 Art. 31: the grounds as the article lists them.
  const cited = citedGrounds(rules, member, d.groundCodes);
  if (!Array.isArray(cited)) return cited;
  const now = ctx.now;
  const proposer = p.kind === 'members' ? { kind: 'members' as const, members: [...new Set(p.members)], of: members.length } : { kind: 'owners' as const, units: [...p.units], support: p.support, totals: p.totals };
  return [
    {
      type: 'RemovalProposed',
      data: {
        compoundId: state.compoundId,
        termId: term.termId,
        removalId: d.removalId,
        memberId: d.memberId,
        grounds: d.grounds.trim(),
        ...(cited.length > 0 ? { groundsCited: cited } : {}),
        evidenceRef: d.evidenceRef.trim(),
        proposer,
        proposedAt: iso(now),
        // 杭条例 Art. 31 para. 3: the member may answer before the owners decide (the days: this project's default).
        answerBy: iso(periodEnd(now, rules.removal.answerDays)),
      },
    },
  ];
}

const removalOf = (state: ActiveCommitteeState, removalId: string): RemovalState | DomainError =>
  state.removals.find((r) => r.removalId === removalId) ?? refuse('removal_not_found', `no removal ${removalId}`);

export function answerRemoval(command: Cmd<'AnswerRemoval'>, state: ActiveCommitteeState, ctx: DecideContext): Decision {
  const removal = removalOf(state, command.data.removalId);
  if ('code' in removal) return removal;
  const member = state.members.find((m) => m.memberId === removal.memberId);
  // The answer is the member's own (杭条例 Art. 31 para. 3).
  if (!command.by.grants.includes('admin') && member?.personId !== command.by.personId) return refuse('not_entitled', 'the member concerned answers');
  if (!isText(command.data.answer, 10_000)) return refuse('invalid_removal', 'the answer is 1 to 10,000 characters');
  if (removal.answer) return refuse('already_answered', 'the member has answered');
  if (removal.motionId) return refuse('removal_already_put', 'the removal is already before the owners');
  return [{ type: 'RemovalAnswered', data: { compoundId: state.compoundId, removalId: removal.removalId, answer: command.data.answer.trim(), answeredAt: iso(ctx.now) } }];
}

/** Whether a removal may go to the owners now: open, not yet put, the member still serving, answered or the answer period over. */
export function removalReady(state: ActiveCommitteeState, removalId: string, now: Date): RemovalState | DomainError {
  const removal = removalOf(state, removalId);
  if ('code' in removal) return removal;
  if (removal.outcome) return refuse('removal_already_decided', 'the owners have decided this removal');
  if (removal.motionId) return refuse('removal_already_put', 'the removal is already before the owners', { motionId: removal.motionId });
  if (!activeMembers(state).some((m) => m.memberId === removal.memberId)) return refuse('member_not_found', 'the member no longer serves');
  if (!removal.answer && now.getTime() < Date.parse(removal.answerBy)) {
    return refuse('answer_period_running', `the member may answer until ${removal.answerBy} (杭条例 Art. 31 para. 3)`, { answerBy: removal.answerBy });
  }
  return removal;
}

export function putRemovalToOwners(command: Cmd<'PutRemovalToOwners'>, state: ActiveCommitteeState, ctx: DecideContext): Decision {
  const denied = entitled(command.by, CONVENING_GRANTS);
  if (denied) return denied;
  const removal = removalReady(state, command.data.removalId, ctx.now);
  if ('code' in removal) return removal;
  return [{ type: 'RemovalPutToOwners', data: { compoundId: state.compoundId, removalId: removal.removalId, motionId: command.data.motionId, putAt: iso(ctx.now) } }];
}

export function decideRemoval(command: Cmd<'DecideRemoval'>, state: ActiveCommitteeState, rules: CommitteeRules, ctx: DecideContext): Decision {
  const denied = entitled(command.by, ['system', 'admin']);
  if (denied) return denied;
  const d = command.data;
  const removal = removalOf(state, d.removalId);
  if ('code' in removal) return removal;
  if (removal.motionId !== d.motionId) return refuse('removal_not_found', `motion ${d.motionId} is not this removal\u2019s`);
  if (removal.outcome) return [];
  const compoundId = state.compoundId;
  if (d.decisionId === null) return [{ type: 'RemovalNotAdopted', data: { compoundId, removalId: removal.removalId, motionId: d.motionId, decidedAt: d.decidedAt } }];
  const term = state.term!;
  const serving = activeMembers(state);
  const remaining = serving.filter((m) => m.memberId !== removal.memberId).length;
  const now = ctx.now;
  const events: CommitteeEvent[] = [
    { type: 'MemberRemoved', data: { compoundId, termId: term.termId, removalId: removal.removalId, memberId: removal.memberId, decisionId: d.decisionId, removedAt: d.decidedAt, remaining, seats: term.seats } },
  ];
  // 京条例 Art. 41 para. 3: an alternate fills the seat; 沪规定 Art. 32 para. 2 (一), 京条例 Art. 48: then fewer than half → early re-election.
  events.push(...afterVacancy(state, term, removal.memberId, remaining, rules, now));
  return events;
}
