/**
 * After the vote: notice deliveries (送达), the objection window after the preliminary result (询异公示: Dongguan's
 * e-voting phases 初步统计结果公示 → 投票询异公示 → final), the final result and the decision it makes, its
 * notification to the residents' committee (物业管理条例 Art. 20) and its revocation (物业管理条例 Art. 19;
 * Civil Code Art. 280). Corrections are events (a ballot ruled invalid with its evidence), never edits.
 */
import { holdsAny } from './actor.js';
import type { AnswerObjection, FileObjection, NotifyDecision, PublishFinal, RecordDelivery, RevokeDecision } from './commands.js';
import { refuse } from './errors.js';
import { deliveryMethods, revokingAuthorities, type MotionEvent } from './events.js';
import { existing, iso, requireConvenor, type Decision, type MotionContext } from './motionContext.js';
import { outcomeOf } from './outcome.js';
import type { MotionState } from './state.js';

const TEXT_MAX = 2_000;
const REF_MAX = 500;
const LIST_MAX = 500;
const RECEIPT = /^[0-9a-f]{64}$/;
const text = (v: unknown, max: number): string | null => (typeof v === 'string' && v.trim() !== '' && v.length <= max ? v.trim() : null);

/** 送达: how the notice reached a voter identity. Only identities with a recorded delivery can be deemed (从众). */
export function recordDelivery(cmd: RecordDelivery, state: MotionState, ctx: MotionContext): Decision {
  const motion = existing(state, cmd.data.motionId);
  if ('code' in motion) return motion;
  const denied = requireConvenor(cmd.by);
  if (denied) return denied;
  if (motion.status !== 'noticed' && motion.status !== 'open') {
    return refuse('motion_not_open', 'deliveries are recorded after the notice and before voting closes', { status: motion.status });
  }
  if (!deliveryMethods.includes(cmd.data.method)) return refuse('invalid_delivery', `the method is one of ${deliveryMethods.join(', ')}`);
  const evidenceRef = cmd.data.evidenceRef === undefined ? undefined : text(cmd.data.evidenceRef, REF_MAX);
  if (evidenceRef === null) return refuse('invalid_delivery', `the evidence reference is 1 to ${REF_MAX} characters`);
  // Once the roll is frozen, the identity is the roll's; before, the registry's (the service passes it).
  const voterId = motion.roll ? motion.roll.voterByUnit.get(cmd.data.unitId) : cmd.data.voterId;
  if (voterId === undefined || voterId === '') return refuse('unit_not_in_roll', `unit ${cmd.data.unitId} is not on this motion's roll`, { unitId: cmd.data.unitId });
  if (motion.delivered.has(voterId)) return [];
  return [
    {
      type: 'NoticeDelivered',
      data: { motionId: motion.motionId, voterId, unitId: cmd.data.unitId, method: cmd.data.method, ...(evidenceRef ? { evidenceRef } : {}), deliveredAt: iso(ctx.now) },
    },
  ];
}

/** 异议: an owner on the frozen roll objects within the window after the preliminary result. */
export function fileObjection(cmd: FileObjection, state: MotionState, ctx: MotionContext): Decision {
  const motion = existing(state, cmd.data.motionId);
  if ('code' in motion) return motion;
  if (motion.status !== 'result_published' || motion.roll === null) {
    return refuse('no_objection_window', 'objections are filed after the preliminary result and before the final one', { status: motion.status });
  }
  if (motion.objectionsUntil === null || ctx.now.getTime() >= motion.objectionsUntil.getTime()) {
    return refuse('no_objection_window', 'the objection window has closed (or the rules set none)', {
      objectionsUntil: motion.objectionsUntil ? iso(motion.objectionsUntil) : null,
    });
  }
  const voter = [...motion.roll.voters.values()].find((v) => v.ownerPersonIds.includes(cmd.by.personId));
  if (!voter || !holdsAny(cmd.by, ['owner'])) return refuse('not_entitled', 'an owner on this motion\u2019s roll files an objection');
  if (motion.objections.has(cmd.data.objectionId)) return refuse('objection_already_filed', 'this objection is already filed');
  const reason = text(cmd.data.reason, TEXT_MAX);
  if (!reason) return refuse('invalid_objection', `an objection states its reason (1 to ${TEXT_MAX} characters)`);
  const receipts = cmd.data.receipts ?? [];
  const units = cmd.data.units ?? [];
  if (!Array.isArray(receipts) || receipts.length > LIST_MAX || receipts.some((r) => typeof r !== 'string' || !RECEIPT.test(r))) {
    return refuse('invalid_objection', 'receipts are ballot receipts (64 hex characters), at most 500');
  }
  if (!Array.isArray(units) || units.length > LIST_MAX || units.some((u) => typeof u !== 'string' || !motion.roll!.voterByUnit.has(u))) {
    return refuse('invalid_objection', 'units are units on this motion\u2019s roll, at most 500');
  }
  return [
    {
      type: 'ObjectionFiled',
      data: { motionId: motion.motionId, objectionId: cmd.data.objectionId, voterId: voter.voterId, reason, receipts: [...receipts], units: [...units], filedAt: iso(ctx.now) },
    },
  ];
}

/** An objection answered: upheld (with the ballots it rules invalid, each with its evidence) or dismissed. */
export function answerObjection(cmd: AnswerObjection, state: MotionState, ctx: MotionContext): Decision {
  const motion = existing(state, cmd.data.motionId);
  if ('code' in motion) return motion;
  const denied = requireConvenor(cmd.by);
  if (denied) return denied;
  const objection = motion.objections.get(cmd.data.objectionId);
  if (!objection) return refuse('objection_not_found', `no objection ${cmd.data.objectionId} on this motion`);
  if (objection.status !== 'open') return refuse('objection_already_answered', 'this objection is already answered');
  if (motion.status !== 'result_published') return refuse('motion_not_closed', 'objections are answered before the final result', { status: motion.status });
  if (cmd.data.outcome !== 'upheld' && cmd.data.outcome !== 'dismissed') return refuse('invalid_objection', 'the outcome is upheld or dismissed');
  const reason = text(cmd.data.reason, TEXT_MAX);
  if (!reason) return refuse('invalid_objection', `an answer states its reason (1 to ${TEXT_MAX} characters)`);
  const invalidate = cmd.data.invalidate ?? [];
  if (cmd.data.outcome === 'dismissed' && invalidate.length > 0) return refuse('invalid_objection', 'a dismissed objection rules no ballot invalid');
  const now = iso(ctx.now);
  const events: MotionEvent[] = [{ type: 'ObjectionAnswered', data: { motionId: motion.motionId, objectionId: cmd.data.objectionId, outcome: cmd.data.outcome, reason, answeredAt: now } }];
  const seen = new Set<string>();
  for (const ruling of invalidate) {
    const evidenceRef = text(ruling.evidenceRef, REF_MAX);
    if (!evidenceRef) return refuse('evidence_required', 'a ballot ruled invalid points at its evidence');
    if (!motion.roll?.voters.has(ruling.voterId)) return refuse('ballot_not_found', 'no counted ballot with that receipt on this motion', { receipt: ruling.receipt });
    if (motion.invalidated.has(ruling.receipt) || seen.has(ruling.receipt)) return refuse('ballot_already_invalid', 'that ballot is already ruled invalid', { receipt: ruling.receipt });
    seen.add(ruling.receipt);
    events.push({
      type: 'BallotRuledInvalid',
      data: { motionId: motion.motionId, receipt: ruling.receipt, voterId: ruling.voterId, objectionId: cmd.data.objectionId, evidenceRef, ruledAt: now },
    });
  }
  return events;
}

/** 最终结果: only after the objection window, with every objection answered; the decision, if anything was adopted. */
export function publishFinal(cmd: PublishFinal, state: MotionState, ctx: MotionContext): Decision {
  const motion = existing(state, cmd.data.motionId);
  if ('code' in motion) return motion;
  const denied = requireConvenor(cmd.by);
  if (denied) return denied;
  if (motion.status === 'final') return refuse('result_already_published', 'the final result is already posted');
  if (motion.status !== 'result_published') return refuse('preliminary_result_required', 'the preliminary result is posted first', { status: motion.status });
  if (motion.objectionsUntil !== null && ctx.now.getTime() < motion.objectionsUntil.getTime()) {
    return refuse('objection_window_open', `owners may object until ${iso(motion.objectionsUntil)}`, { objectionsUntil: iso(motion.objectionsUntil) });
  }
  const open = [...motion.objections].filter(([, o]) => o.status === 'open').map(([id]) => id);
  if (open.length > 0) return refuse('objections_unanswered', 'every objection is answered before the final result', { objections: open });
  const result = outcomeOf(motion, cmd.data.totals);
  if ('code' in result) return result;
  const late = motion.resultDueBy !== null && ctx.now.getTime() >= motion.resultDueBy.getTime();
  const decision = result.adopted
    ? {
        decisionId: ctx.newId(),
        motionId: motion.motionId,
        compoundId: motion.compoundId,
        matter: motion.matter,
        scope: motion.scope,
        proposal: motion.proposal,
        adopted: result.adopted,
        decidedAt: iso(ctx.now),
      }
    : null;
  return [{ type: 'FinalResultPublished', data: { motionId: motion.motionId, publishedAt: iso(ctx.now), totals: cmd.data.totals, outcome: result.outcome, decision, late } }];
}

/** 撤销: on the order of the street office or the housing department (物业管理条例 Art. 19) or a court judgment (Civil Code Art. 280). */
export function revokeDecision(cmd: RevokeDecision, state: MotionState, ctx: MotionContext): Decision {
  const motion = existing(state, cmd.data.motionId);
  if ('code' in motion) return motion;
  const decision = motion.decision;
  if (!decision || decision.record.decisionId !== cmd.data.decisionId) return refuse('decision_not_found', `no decision ${cmd.data.decisionId}`);
  if (decision.revokedAt !== null) return refuse('decision_revoked', 'the decision is already revoked');
  if (!revokingAuthorities.includes(cmd.data.authority)) return refuse('invalid_revocation', `the authority is one of ${revokingAuthorities.join(', ')}`);
  // The street office orders it itself; a housing department's order or a court judgment is recorded by an admin.
  const entitled = holdsAny(cmd.by, ['admin']) || (cmd.data.authority === 'street_office' && holdsAny(cmd.by, ['street_office']));
  if (!entitled) return refuse('not_entitled', 'a revocation is recorded by the street office (its own order) or an admin (a department\u2019s order, a judgment)');
  const documentRef = text(cmd.data.documentRef, REF_MAX);
  const reason = text(cmd.data.reason, TEXT_MAX);
  if (!documentRef || !reason) return refuse('invalid_revocation', 'a revocation names its document reference and reason');
  return [{ type: 'DecisionRevoked', data: { motionId: motion.motionId, decisionId: cmd.data.decisionId, authority: cmd.data.authority, documentRef, reason, revokedAt: iso(ctx.now) } }];
}

/** 告知居委会 (物业管理条例 Art. 20): once per decision, by the server's reactor. */
export function notifyDecision(cmd: NotifyDecision, state: MotionState, ctx: MotionContext): Decision {
  const motion = existing(state, cmd.data.motionId);
  if ('code' in motion) return motion;
  if (!holdsAny(cmd.by, ['system'])) return refuse('not_entitled', 'the server notifies the residents\u2019 committee');
  const decision = motion.decision;
  if (!decision || decision.record.decisionId !== cmd.data.decisionId) return refuse('decision_not_found', `no decision ${cmd.data.decisionId}`);
  if (decision.notified) return [];
  return [{ type: 'DecisionNotified', data: { motionId: motion.motionId, decisionId: cmd.data.decisionId, to: 'residents_committee', notifiedAt: iso(ctx.now) } }];
}
