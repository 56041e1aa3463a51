/**
 * The motion decider: propose → publish the notice → open (freeze the roll) → [mandates] → close → publish the
 * result; or cancel before opening. Every time rule reads `context.now` (the one injectable clock).
 */
import type { DecideContext, Decider } from '../shared/decider.js';
import { assertNever } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import {
  EARLIEST_INSTANT,
  identifierProblem,
  instantInRange,
  LATEST_INSTANT,
  MAX_CLAUSE_LENGTH,
  MAX_DESCRIPTION_LENGTH,
  MAX_EVIDENCE_REF_LENGTH,
  MAX_REASON_LENGTH,
  MAX_REFERENCE_LENGTH,
  MAX_TITLE_LENGTH,
  textProblem,
} from '../shared/limits.js';
import { NO_REST_DAYS, DEFAULT_CALENDAR, calendarUsedOn, chinaDateOf, periodEnd, type HolidayCalendar } from '../time/legalPeriod.js';
import type { VoterIdentity } from '../registry/index.js';
import { CONVENOR_GRANTS, STAFF_GRANTS, holdsAny, type ActorFacts } from './actor.js';
import type {
  CancelMotion,
  CloseMotion,
  MotionCommand,
  OpenMotion,
  ProposeMotion,
  PublishNotice,
  PublishResult,
  RegisterMandate,
} from './commands.js';
import { refuse } from './errors.js';
import { existing, iso, requireConvenor, type Decision, type MotionContext } from './motionContext.js';
import type { MotionEvent } from './events.js';
import { checkForm } from './forms.js';
import { outcomeOf } from './outcome.js';
export type { MotionContext } from './motionContext.js';
import { answerObjection, fileObjection, notifyDecision, publishFinal, recordDelivery, revokeDecision } from './phases.js';
import { checkProposal } from './proposals.js';
import { isMatter } from './matters.js';
import { freezeRoll } from './roll.js';
import type { RulePackVersion } from './rulePacks/index.js';
import { resolveMotionRules, thresholdsOf } from './rules.js';
import { scopeProblem } from './scope.js';
import { evolveMotion, initialMotionState, type Motion, type MotionState } from './state.js';

function parseInstant(text: unknown): Date | null {
  if (typeof text !== 'string') return null;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? null : new Date(ms);
}

function propose(cmd: ProposeMotion, state: MotionState, ctx: MotionContext): Decision {
  if (state.status !== 'none') return refuse('motion_already_exists', `motion ${cmd.data.motionId} exists`);
  const denied = requireConvenor(cmd.by);
  if (denied) return denied;
  const bad = (field: string, message: string) => refuse('invalid_motion', message, { field });
  if (typeof cmd.data.motionId !== 'string' || cmd.data.motionId === '') return bad('motionId', 'a motion needs an id');
  if (typeof cmd.data.compoundId !== 'string' || cmd.data.compoundId === '') return bad('compoundId', 'a motion belongs to a compound');
  if (textProblem(cmd.data.title, MAX_TITLE_LENGTH) !== null) {
    return bad('title', `a title of 1 to ${MAX_TITLE_LENGTH} characters on one line, without control characters`);
  }
  const title = cmd.data.title.trim();
  if (typeof cmd.data.description !== 'string' || (cmd.data.description.trim() !== '' && textProblem(cmd.data.description, MAX_DESCRIPTION_LENGTH, true) !== null)) {
    return bad('description', `a description of at most ${MAX_DESCRIPTION_LENGTH} characters, without control characters other than line breaks and tabs`);
  }
  if (!isMatter(cmd.data.matter)) return bad('matter', 'the matter is one of the nine of Civil Code Art. 278');
  const scopeIssue = typeof cmd.data.scope === 'object' && cmd.data.scope !== null ? scopeProblem(cmd.data.scope) : 'a scope is required';
  if (scopeIssue) return bad('scope', scopeIssue);
  // 沪规定 Art. 69: a building scope asks the owners of those buildings, so they must be buildings of the compound.
  if (cmd.data.scope.kind === 'buildings') {
    const known = new Set(cmd.data.compoundBuildings ?? []);
    const missing = cmd.data.scope.buildings.filter((b) => !known.has(b));
    if (missing.length > 0) {
      return refuse('unknown_buildings', `the compound's registry has no building ${missing.join(', ')}`, { missing });
    }
  }
  if (cmd.data.deemedVotes != null && typeof cmd.data.deemedVotes.basis === 'string' && textProblem(cmd.data.deemedVotes.basis, MAX_CLAUSE_LENGTH) !== null) {
    return bad('deemedVotes', `the covenant clause is cited in 1 to ${MAX_CLAUSE_LENGTH} characters on one line`);
  }
  const form = checkForm(cmd.data.form, cmd.data.matter);
  if ('code' in form) return form;
  const proposal = checkProposal(cmd.data.proposal, cmd.data.matter, cmd.data.scope);
  if (proposal !== null && 'code' in proposal) return proposal;
  if (proposal?.kind === 'elect_committee' && form.form === 'elect' && proposal.seats !== form.seats) {
    return refuse('invalid_proposal', 'the proposal\u2019s seats are the ballot\u2019s seats', { field: 'proposal.seats' });
  }
  if (form.form === 'elect' && cmd.data.deemedVotes) {
    return refuse('deemed_votes_not_allowed', 'non-voters cannot be deemed to elect candidates (从众 applies to yes_no and choose_one)');
  }
  const meeting = cmd.data.meeting ?? (cmd.data.petitionId !== undefined ? 'extraordinary' : 'regular');
  if (meeting !== 'regular' && meeting !== 'extraordinary') return bad('meeting', 'the meeting is regular or extraordinary');
  const opensAt = parseInstant(cmd.data.opensAt);
  const closesAt = parseInstant(cmd.data.closesAt);
  if (!opensAt) return bad('opensAt', 'opensAt is an ISO-8601 instant');
  if (!closesAt) return bad('closesAt', 'closesAt is an ISO-8601 instant');
  for (const [field, instant] of [['opensAt', opensAt], ['closesAt', closesAt]] as const) {
    if (!instantInRange(instant)) {
      return refuse('instant_out_of_range', `${field} must lie from ${iso(EARLIEST_INSTANT)} to before ${iso(LATEST_INSTANT)}`, {
        field,
        earliest: iso(EARLIEST_INSTANT),
        latest: iso(LATEST_INSTANT),
      });
    }
  }
  if (closesAt.getTime() <= opensAt.getTime()) return bad('closesAt', 'voting closes after it opens');

  const rules = resolveMotionRules(
    { jurisdiction: cmd.data.jurisdiction, matter: cmd.data.matter, opensAt, deemedVotes: cmd.data.deemedVotes ?? null, meeting },
    ctx.rulePacks,
  );
  if ('code' in rules) return rules;

  // The window's length in days, the opening day not counted (Civil Code Art. 201); e.g. 杭条例 Art. 20: 5–60.
  const { min, max } = rules.votingWindowDays;
  const tooShort = min !== null && closesAt.getTime() < periodEnd(opensAt, min, NO_REST_DAYS).getTime();
  const tooLong = max !== null && closesAt.getTime() > periodEnd(opensAt, max, NO_REST_DAYS).getTime();
  if (tooShort || tooLong) {
    return refuse('window_out_of_bounds', `the voting window must last ${min ?? 0} to ${max ?? '∞'} days under ${rules.rulePack}`, {
      min,
      max,
      rulePack: rules.rulePack,
    });
  }
  // Notice must be possible: opening no earlier than a full notice period from now (物业管理条例 Art. 14).
  const earliest = periodEnd(ctx.now, rules.noticeDays, ctx.calendar ?? DEFAULT_CALENDAR);
  if (opensAt.getTime() < earliest.getTime()) {
    return refuse('opens_too_soon', `voting can open no earlier than ${iso(earliest)} (${rules.noticeDays} days' notice)`, {
      earliestOpening: iso(earliest),
      noticeDays: rules.noticeDays,
    });
  }
  return [
    {
      type: 'MotionProposed',
      data: {
        motionId: cmd.data.motionId,
        compoundId: cmd.data.compoundId,
        jurisdiction: cmd.data.jurisdiction,
        title,
        description: cmd.data.description,
        matter: cmd.data.matter,
        scope: cmd.data.scope.kind === 'compound' ? { kind: 'compound' } : { kind: 'buildings', buildings: [...cmd.data.scope.buildings] },
        opensAt: iso(opensAt),
        closesAt: iso(closesAt),
        proposedAt: iso(ctx.now),
        rules,
        // Written only when they say more than the defaults, so a yes_no motion's event is as it was.
        ...(form.form !== 'yes_no' ? { form } : {}),
        ...(proposal !== null ? { proposal } : {}),
        ...(cmd.data.petitionId !== undefined ? { petitionId: cmd.data.petitionId } : {}),
      },
    },
  ];
}

function publishNotice(cmd: PublishNotice, state: MotionState, ctx: MotionContext): Decision {
  const motion = existing(state, cmd.data.motionId);
  if ('code' in motion) return motion;
  const denied = requireConvenor(cmd.by);
  if (denied) return denied;
  if (motion.status === 'cancelled') return refuse('motion_cancelled', 'the motion was cancelled');
  if (motion.status !== 'proposed') return refuse('notice_already_published', 'notice was already given');
  // 物业管理条例 Art. 14 (京条例 Art. 35, 杭条例 Art. 19): notice N days before; a legal period (Arts. 201–203).
  const runsUntil = periodEnd(ctx.now, motion.rules.noticeDays, ctx.calendar ?? DEFAULT_CALENDAR);
  if (motion.opensAt.getTime() < runsUntil.getTime()) {
    return refuse('notice_too_late', `${motion.rules.noticeDays} days' notice from now runs until ${iso(runsUntil)}, after the scheduled opening`, {
      noticeRunsUntil: iso(runsUntil),
      opensAt: iso(motion.opensAt),
    });
  }
  return [
    {
      type: 'MotionNoticePublished',
      data: {
        motionId: motion.motionId,
        publishedAt: iso(ctx.now),
        noticeRunsUntil: iso(runsUntil),
        calendar: calendarUsedOn(ctx.calendar ?? DEFAULT_CALENDAR, chinaDateOf(new Date(runsUntil.getTime() - 1))),
      },
    },
  ];
}

function open(cmd: OpenMotion, state: MotionState, ctx: MotionContext): Decision {
  const motion = existing(state, cmd.data.motionId);
  if ('code' in motion) return motion;
  const denied = requireConvenor(cmd.by);
  if (denied) return denied;
  switch (motion.status) {
    case 'proposed':
      return refuse('notice_not_published', 'notice must be given before voting opens');
    case 'cancelled':
      return refuse('motion_cancelled', 'the motion was cancelled');
    case 'open':
    case 'closed':
    case 'result_published':
    case 'final':
      return refuse('motion_already_open', 'voting has already opened');
    case 'noticed':
      break;
    default:
      return assertNever(motion.status);
  }
  const now = ctx.now.getTime();
  if (motion.noticeRunsUntil === null || now < motion.noticeRunsUntil.getTime()) {
    return refuse('notice_period_not_run', `the notice period runs until ${motion.noticeRunsUntil ? iso(motion.noticeRunsUntil) : '?'}`, {
      noticeRunsUntil: motion.noticeRunsUntil ? iso(motion.noticeRunsUntil) : null,
    });
  }
  if (now < motion.opensAt.getTime()) {
    return refuse('too_early_to_open', `voting is scheduled to open at ${iso(motion.opensAt)}`, { opensAt: iso(motion.opensAt) });
  }
  const min = motion.rules.votingWindowDays.min;
  if (now >= motion.closesAt.getTime() || (min !== null && motion.closesAt.getTime() < periodEnd(ctx.now, min, NO_REST_DAYS).getTime())) {
    return refuse('opening_too_late', 'too little of the voting window is left to open it', {
      closesAt: iso(motion.closesAt),
      minDays: min,
    });
  }
  const roll = freezeRoll(cmd.data.roll, motion.scope);
  if ('code' in roll) return roll;
  const events: MotionEvent[] = [{ type: 'MotionOpened', data: { motionId: motion.motionId, openedAt: iso(ctx.now), roll } }];
  // Mandates registered during the notice period are checked against the roll now frozen; those it does not
  // support lapse, on the record.
  for (const m of motion.mandates.filter((x) => x.pending)) {
    const voter = roll.voters.find((v) => v.units.some((u) => u.unitId === m.unitId));
    const reason = !voter
      ? 'the unit is not on the roll'
      : voter.developerHeld
        ? 'the developer votes through its own grant holders'
        : !voter.ownerPersonIds.includes(m.principalPersonId)
          ? 'the principal is not an owner of the unit when voting opens'
          : null;
    if (reason) {
      events.push({
        type: 'MandateLapsed',
        data: { motionId: motion.motionId, unitId: m.unitId, principalPersonId: m.principalPersonId, proxyPersonId: m.proxyPersonId, mandateRef: m.mandateRef, reason },
      });
    }
  }
  return events;
}

function registerMandate(cmd: RegisterMandate, state: MotionState, ctx: MotionContext): Decision {
  const motion = existing(state, cmd.data.motionId);
  if ('code' in motion) return motion;
  // Mandates may be registered from the notice on (checked against the roll when voting opens) and while voting is open.
  const beforeOpening = motion.status === 'noticed';
  if (!beforeOpening && (motion.status !== 'open' || motion.roll === null)) {
    return refuse('motion_not_open', 'proxy mandates are registered from the notice until voting closes', { status: motion.status });
  }
  let voter: VoterIdentity | undefined;
  if (motion.roll !== null) {
    const voterId = motion.roll.voterByUnit.get(cmd.data.unitId);
    voter = voterId === undefined ? undefined : motion.roll.voters.get(voterId);
  } else {
    // Before opening there is no roll: the registry's identity holding the unit today (the service passes it).
    voter = cmd.data.currentVoter !== undefined && cmd.data.currentVoter.units.some((u) => u.unitId === cmd.data.unitId) ? cmd.data.currentVoter : undefined;
  }
  if (!voter) return refuse('unit_not_in_roll', `unit ${cmd.data.unitId} is not on this motion's roll`, { unitId: cmd.data.unitId });
  const byPrincipal = cmd.by.personId === cmd.data.principalPersonId;
  const byStaff = holdsAny(cmd.by, STAFF_GRANTS);
  if (!byPrincipal && !byStaff) {
    return refuse('not_entitled', 'a mandate is registered by the owner giving it, or by OC/RC staff recording a written one');
  }
  if (voter.developerHeld) return refuse('mandate_not_applicable', 'the developer votes through its own grant holders');
  if (!voter.ownerPersonIds.includes(cmd.data.principalPersonId)) {
    return refuse('principal_not_owner', 'the principal is not an owner of that unit', { unitId: cmd.data.unitId });
  }
  if (textProblem(cmd.data.mandateRef, MAX_REFERENCE_LENGTH) !== null) {
    return refuse('invalid_mandate', `a mandate names its reference (1 to ${MAX_REFERENCE_LENGTH} characters on one line)`);
  }
  const mandateRef = cmd.data.mandateRef.trim();
  const evidenceRef = typeof cmd.data.evidenceRef === 'string' ? cmd.data.evidenceRef.trim() : '';
  // A written mandate (授权委托书, 沪规定 Art. 18 para. 3) recorded by staff must point at its evidence.
  if (!byPrincipal && evidenceRef === '') return refuse('evidence_required', 'a written mandate needs its evidence reference');
  if (evidenceRef !== '' && textProblem(evidenceRef, MAX_EVIDENCE_REF_LENGTH) !== null) {
    return refuse('invalid_evidence_ref', `an evidence reference is at most ${MAX_EVIDENCE_REF_LENGTH} characters on one line`);
  }
  const proxyProblem = identifierProblem(cmd.data.proxyPersonId);
  if (proxyProblem) return refuse('invalid_mandate', `the proxy's person id ${proxyProblem}`);
  if (cmd.data.proxyPersonId === cmd.data.principalPersonId) return refuse('invalid_mandate', 'the proxy is another person than the principal');
  const mandates = motion.mandates;
  const target = voter.voterId;
  if (mandates.some((m) => m.voterId === target && m.principalPersonId === cmd.data.principalPersonId && m.proxyPersonId === cmd.data.proxyPersonId)) {
    return refuse('mandate_already_registered', 'this mandate is already registered');
  }
  // e.g. 潍坊 Art. 32: one person accepts at most 3 owners' mandates. Counted in voter identities (heads).
  const limit = motion.rules.proxyLimit;
  if (limit !== null) {
    const represented = new Set(mandates.filter((m) => m.proxyPersonId === cmd.data.proxyPersonId).map((m) => m.voterId));
    if (!represented.has(target) && represented.size >= limit) {
      return refuse('proxy_limit_reached', `one proxy may represent at most ${limit} owners in a vote`, { limit });
    }
  }
  return [
    {
      type: 'MandateRegistered',
      data: {
        motionId: motion.motionId,
        voterId: target,
        unitId: cmd.data.unitId,
        principalPersonId: cmd.data.principalPersonId,
        proxyPersonId: cmd.data.proxyPersonId,
        registeredBy: byPrincipal ? 'principal' : 'staff',
        mandateRef,
        ...(evidenceRef ? { evidenceRef } : {}),
        registeredAt: iso(ctx.now),
        ...(beforeOpening ? { beforeOpening: true as const } : {}),
      },
    },
  ];
}

function close(cmd: CloseMotion, state: MotionState, ctx: MotionContext): Decision {
  const motion = existing(state, cmd.data.motionId);
  if ('code' in motion) return motion;
  const denied = requireConvenor(cmd.by);
  if (denied) return denied;
  if (motion.status !== 'open') return refuse('motion_not_open', 'voting is not open', { status: motion.status });
  if (ctx.now.getTime() < motion.closesAt.getTime()) {
    return refuse('too_early_to_close', `voting runs until ${iso(motion.closesAt)}`, { closesAt: iso(motion.closesAt) });
  }
  // e.g. 京条例 Art. 37 para. 2: post the decision within three days of making it (a legal period).
  const days = motion.rules.resultPublicationDays;
  const resultDueBy = days === null ? null : iso(periodEnd(ctx.now, days, ctx.calendar ?? DEFAULT_CALENDAR));
  return [{ type: 'MotionClosed', data: { motionId: motion.motionId, closedAt: iso(ctx.now), resultDueBy } }];
}

function publishResult(cmd: PublishResult, state: MotionState, ctx: MotionContext): Decision {
  const motion = existing(state, cmd.data.motionId);
  if ('code' in motion) return motion;
  const denied = requireConvenor(cmd.by);
  if (denied) return denied;
  if (motion.status === 'result_published' || motion.status === 'final') return refuse('result_already_published', 'the result is already posted');
  if (motion.status !== 'closed' || motion.roll === null) return refuse('motion_not_closed', 'voting has not closed', { status: motion.status });
  const result = outcomeOf(motion, cmd.data.totals);
  if ('code' in result) return result;
  const late = motion.resultDueBy !== null && ctx.now.getTime() >= motion.resultDueBy.getTime();
  // The objection window (询异公示) runs from the day after the preliminary result, for the pack's days.
  const windowDays = motion.rules.objectionWindowDays;
  const objectionsUntil = windowDays > 0 ? iso(periodEnd(ctx.now, windowDays, ctx.calendar ?? DEFAULT_CALENDAR)) : null;
  return [
    {
      type: 'ResultPublished',
      data: { motionId: motion.motionId, publishedAt: iso(ctx.now), totals: cmd.data.totals, outcome: result.outcome, late, objectionsUntil },
    },
  ];
}

function cancel(cmd: CancelMotion, state: MotionState, ctx: MotionContext): Decision {
  const motion = existing(state, cmd.data.motionId);
  if ('code' in motion) return motion;
  const denied = requireConvenor(cmd.by);
  if (denied) return denied;
  if (motion.status === 'cancelled') return refuse('motion_cancelled', 'the motion was already cancelled');
  if (motion.status !== 'proposed' && motion.status !== 'noticed') {
    return refuse('motion_already_open', 'a motion cannot be cancelled once voting has opened');
  }
  if (textProblem(cmd.data.reason, MAX_REASON_LENGTH, true) !== null) {
    return refuse('invalid_motion', `a cancellation states its reason in 1 to ${MAX_REASON_LENGTH} characters`, { field: 'reason' });
  }
  const reason = cmd.data.reason.trim();
  return [{ type: 'MotionCancelled', data: { motionId: motion.motionId, cancelledAt: iso(ctx.now), reason } }];
}

export function decideMotion(command: MotionCommand, state: MotionState, context: MotionContext): Decision {
  switch (command.type) {
    case 'ProposeMotion':
      return propose(command, state, context);
    case 'PublishNotice':
      return publishNotice(command, state, context);
    case 'OpenMotion':
      return open(command, state, context);
    case 'RegisterMandate':
      return registerMandate(command, state, context);
    case 'CloseMotion':
      return close(command, state, context);
    case 'PublishResult':
      return publishResult(command, state, context);
    case 'CancelMotion':
      return cancel(command, state, context);
    case 'RecordDelivery':
      return recordDelivery(command, state, context);
    case 'FileObjection':
      return fileObjection(command, state, context);
    case 'AnswerObjection':
      return answerObjection(command, state, context);
    case 'PublishFinal':
      return publishFinal(command, state, context);
    case 'RevokeDecision':
      return revokeDecision(command, state, context);
    case 'NotifyDecision':
      return notifyDecision(command, state, context);
    default:
      return assertNever(command);
  }
}

/** The motion aggregate, for services/commands/handler.ts on stream `motion-<motionId>`. */
export const motionDecider: Decider<MotionState, MotionCommand, MotionEvent, MotionContext> = {
  initialState: initialMotionState,
  evolve: evolveMotion,
  decide: decideMotion,
};
