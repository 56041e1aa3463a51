/**
 * The end of a term (换届): the committee's written report to the street office before its term ends (京条例
 * Art. 49: 6 months; 沪规定 Art. 28: 5; 杭条例 Art. 33 and 指导规则 Art. 47: 3), the re-election group the street
 * office forms within 60 days (沪规定 Art. 28 para. 1; 京条例 Art. 49), Shanghai's transition freeze (沪规定
 * Art. 28 para. 4) and the handover of records and seals (沪规定 Art. 29: 10 days from the group; 杭条例 Art. 34,
 * 指导规则 Art. 48: 10 days from the term's end).
 */
import type { DecideContext } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import { periodEnd } from '../time/legalPeriod.js';
import type { CommitteeCommand } from './commands.js';
import { refuse } from './errors.js';
import type { CommitteeEvent } from './events.js';
import { entitled, groupProblem, iso, isText } from './guards.js';
import { committeeRules, type CommitteeRules } from './rules.js';
import type { ActiveCommitteeState, CommitteeState } from './state.js';

type Cmd<T extends CommitteeCommand['type']> = Extract<CommitteeCommand, { type: T }>;
type Decision = readonly CommitteeEvent[] | DomainError;

const MEMBER_GRANTS = ['oc_member', 'admin'];
const HANDOVER_GRANTS = ['oc_member', 'street_office', 'rc_staff', 'admin'];

export function reportReelection(command: Cmd<'ReportReelection'>, state: ActiveCommitteeState, rules: CommitteeRules, ctx: DecideContext): Decision {
  const denied = entitled(command.by, MEMBER_GRANTS);
  if (denied) return denied;
  const term = state.term;
  if (!term) return refuse('committee_not_found', 'no committee is seated');
  if (term.transition.reported) return refuse('reelection_already_reported', 'the re-election is already reported', { reportedAt: term.transition.reported.at });
  const now = ctx.now;
  return [
    {
      type: 'ReelectionReported',
      data: {
        compoundId: state.compoundId,
        termId: term.termId,
        reportedAt: iso(now),
        late: now.getTime() > Date.parse(term.reelectionReportDueBy),
        // 沪规定 Art. 28 para. 1; 京条例 Art. 49 para. 1: the street office forms the group within 60 days of the report.
        groupDueBy: iso(periodEnd(now, rules.reelectionGroupDays)),
      },
    },
  ];
}

export function formReelectionGroup(command: Cmd<'FormReelectionGroup'>, state: ActiveCommitteeState, rules: CommitteeRules, ctx: DecideContext): Decision {
  const denied = entitled(command.by, ['street_office', 'admin']);
  if (denied) return denied;
  const term = state.term;
  if (!term) return refuse('committee_not_found', 'no committee is seated');
  if (term.transition.group) return refuse('reelection_group_already_formed', 'the re-election group is already formed');
  // 沪规定 Art. 28 para. 3; 京条例 Art. 49 para. 3: composed like the preparatory group (odd, owners ≥ 1/2), led per pack.
  const problem = groupProblem(rules, command.data);
  if (problem) return problem;
  const now = ctx.now;
  const d = command.data;
  return [
    {
      type: 'ReelectionGroupFormed',
      data: {
        compoundId: state.compoundId,
        termId: term.termId,
        members: d.members.map((m) => ({ memberId: m.memberId, name: m.name.trim(), kind: m.kind, ...(m.unitId ? { unitId: m.unitId } : {}) })),
        leaderMemberId: d.leaderMemberId,
        formedAt: iso(now),
        freeze: rules.transitionFreeze ? rules.sources.transitionFreeze : null,
        // 沪规定 Art. 29 para. 1: records and seals to the housing office within 10 days of the group.
        handoverDueBy: rules.handoverFrom === 'reelection_group' ? iso(periodEnd(now, rules.handoverDays)) : null,
      },
    },
  ];
}

/** When the handover of a term is due: from the group (Shanghai, recorded on it) or from the term's end. */
export function handoverDueBy(rules: CommitteeRules, termEndsAt: string, fromGroup: string | null): string | null {
  if (rules.handoverFrom === 'reelection_group') return fromGroup;
  return iso(periodEnd(new Date(termEndsAt), rules.handoverDays));
}

export function recordHandover(command: Cmd<'RecordHandover'>, state: ActiveCommitteeState, rules: CommitteeRules, ctx: DecideContext): Decision {
  const denied = entitled(command.by, HANDOVER_GRANTS);
  if (denied) return denied;
  const d = command.data;
  if (!isText(d.to, 200) || !isText(d.evidenceRef, 200)) return refuse('invalid_handover', 'who received it and the evidence reference are recorded (1 to 200 characters)');
  if (!Array.isArray(d.items) || d.items.length < 1 || d.items.length > 50 || !d.items.every((i) => isText(i, 200))) return refuse('invalid_handover', '1 to 50 items, each 1 to 200 characters');
  const termId = d.termId ?? state.term?.termId;
  const current = state.term && state.term.termId === termId ? state.term : null;
  const past = current ? null : state.pastTerms.find((p) => p.termId === termId);
  if (!current && !past) return refuse('term_not_found', `no term ${termId ?? ''}`.trim());
  const already = current ? current.handover : past!.handover;
  if (already) return refuse('already_handed_over', 'the term\u2019s records are already handed over', { at: already.at });
  const due = current ? handoverDueBy(rules, current.termEndsAt, current.transition.handoverDueBy) : past!.handoverDueBy ?? handoverDueBy(rules, past!.termEndsAt, null);
  const now = ctx.now;
  return [
    {
      type: 'RecordsHandedOver',
      data: { compoundId: state.compoundId, termId: termId!, to: d.to.trim(), items: d.items.map((i) => i.trim()), evidenceRef: d.evidenceRef.trim(), handedOverAt: iso(now), late: due !== null && now.getTime() > Date.parse(due) },
    },
  ];
}

/** Matters 沪规定 Art. 28 para. 4 freezes, with the item of the article each falls under. */
const FROZEN: Readonly<Record<string, string>> = {
  // (一) 选聘、解聘物业服务企业 (renewing is choosing the firm again)
  hire_or_dismiss_firm: '(一)',
  // (三) 物业维修、更新、改造等重大事项
  use_maintenance_fund: '(三)',
  rebuild: '(三)',
  // (二) 调整物业收费标准 and (四) 其他重大事项: fee changes come to the assembly as other major matters
  raise_maintenance_fund: '(四)',
  change_common_use: '(四)',
  other_major: '(二)(四)',
};

/**
 * Shanghai's transition freeze (沪规定 Art. 28 para. 4): from the re-election group (or the re-election's
 * opening) until the new committee is elected, the owners decide nothing on the firm, fees or major works. The
 * re-election itself, the rules of procedure and the covenant stay open. The assembly asks this before a motion
 * is proposed or opened.
 */
export function transitionFreeze(state: CommitteeState, matter: string): DomainError | null {
  if (state.status !== 'active' || !state.term) return null;
  const rules = committeeRules(state.jurisdiction);
  if (!rules.transitionFreeze) return null;
  const since = state.term.transition.runningSince;
  const item = FROZEN[matter];
  if (since === null || item === undefined) return null;
  return refuse('transition_freeze', `while the committee\u2019s re-election runs (since ${since}), the owners may not decide this matter: ${rules.sources.transitionFreeze}`, {
    source: '沪规定 Art. 28 para. 4',
    item,
    matter,
    since,
  });
}

/**
 * The freeze check written with the motion it guards: refused while the freeze holds; otherwise, where a freeze
 * could start (Shanghai, a committee seated, a matter of the frozen kinds), a `FreezeCheckPassed` appended at
 * the revision read, so a re-election group formed between the read and the write makes the handler decide
 * again (and refuse) rather than let the motion slip through. Elsewhere nothing is written.
 */
export function checkTransitionFreeze(command: Cmd<'CheckTransitionFreeze'>, state: CommitteeState, ctx: DecideContext): Decision {
  const d = command.data;
  const frozen = transitionFreeze(state, d.matter);
  if (frozen) return frozen;
  if (state.status !== 'active' || !state.term || !committeeRules(state.jurisdiction).transitionFreeze || FROZEN[d.matter] === undefined) return [];
  if (state.freezeChecks.includes(`${d.motionId}/${d.step}`)) return [];
  return [{ type: 'FreezeCheckPassed', data: { compoundId: state.compoundId, motionId: d.motionId, matter: d.matter, step: d.step, checkedAt: iso(ctx.now) } }];
}
