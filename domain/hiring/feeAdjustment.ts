/**
 * A fee adjustment (物业服务收费标准调整), 杭条例 Art. 53: the firm has last year's accounts audited and
 * drafts the adjustment (its range and reasons) for the OC (items 1–2); the OC posts the audit report and the
 * plan for at least 30 days (item 3); then puts it to the owners (item 4). Only an owners' final decision
 * changes the contract's fee (a reactor applies it; contract.ts `ApplyFeeStandard`). Outside Hangzhou no
 * statute sets these steps; this system uses the same procedure everywhere (the project's default).
 *
 * Its own stream (`fee-adjustment-<id>`); its motion is `fee-<id>`, so the owners' decision leads back to it.
 */
import { holdsAny } from '../assembly/index.js';
import type { Decider, DecideContext } from '../shared/decider.js';
import { assertNever } from '../shared/decider.js';
import { formatYuan, parseYuan } from '../shared/money.js';
import { periodEnd } from '../time/legalPeriod.js';
import type { FeeAdjustmentCommand } from './commands.js';
import { refuse } from './errors.js';
import type { FeeAdjustmentEvent, FeeAdjustmentProposedData } from './events.js';
import { HIRING_RULES } from './rules.js';
import { TENDER_OWNERS } from './tender.js';

export type FeeAdjustmentStatus = 'proposed' | 'posted' | 'put_to_owners' | 'adopted' | 'rejected';

export type FeeAdjustmentState =
  | { readonly status: 'none' }
  | {
      readonly status: FeeAdjustmentStatus;
      readonly proposal: FeeAdjustmentProposedData;
      readonly postedUntil: string | null;
      readonly motionId: string | null;
    };

const validText = (v: unknown, max: number): v is string => typeof v === 'string' && v.trim() !== '' && v.length <= max;

export const feeAdjustmentDecider: Decider<FeeAdjustmentState, FeeAdjustmentCommand, FeeAdjustmentEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve(state, event) {
    switch (event.type) {
      case 'FeeAdjustmentProposed':
        return { status: 'proposed', proposal: event.data, postedUntil: null, motionId: null };
      case 'FeeAdjustmentPosted':
        return state.status === 'none' ? state : { ...state, status: 'posted', postedUntil: event.data.postedUntil };
      case 'FeeAdjustmentPutToOwners':
        return state.status === 'none' ? state : { ...state, status: 'put_to_owners', motionId: event.data.motionId };
      case 'FeeAdjustmentAdopted':
        return state.status === 'none' ? state : { ...state, status: 'adopted' };
      case 'FeeAdjustmentRejected':
        return state.status === 'none' ? state : { ...state, status: 'rejected' };
      default:
        return assertNever(event);
    }
  },
  decide(command, state, ctx: DecideContext) {
    const now = ctx.now.toISOString();
    if (command.type === 'ProposeFeeAdjustment') {
      if (!holdsAny(command.by, ['property_firm'])) return refuse('not_entitled', 'the firm drafts the adjustment (杭条例 Art. 53 (二))');
      if (state.status !== 'none') return refuse('adjustment_already_exists', 'this adjustment exists');
      const fee = parseYuan(command.data.proposedFee);
      if (fee === null || fee <= 0n) return refuse('invalid_adjustment', 'proposedFee is a positive amount of yuan per m² per month');
      if (command.data.proposedFee === command.data.currentFee) return refuse('invalid_adjustment', 'the proposed fee is the current fee');
      // 杭条例 Art. 53 (一): an audit of the last year's accounts by a professional body, submitted to the OC.
      if (!validText(command.data.auditReportRef, 500)) return refuse('invalid_adjustment', 'auditReportRef names the audit report of last year\u2019s accounts (杭条例 Art. 53 (一))');
      if (!validText(command.data.range, 2000) || !validText(command.data.reasons, 5000)) return refuse('invalid_adjustment', 'range and reasons are the plan\u2019s (杭条例 Art. 53 (二))');
      return [
        {
          type: 'FeeAdjustmentProposed',
          data: {
            adjustmentId: command.data.adjustmentId,
            contractId: command.data.contractId,
            compoundId: command.data.compoundId,
            firmId: command.data.firmId,
            currentFee: command.data.currentFee,
            proposedFee: formatYuan(fee),
            auditReportRef: command.data.auditReportRef,
            range: command.data.range,
            reasons: command.data.reasons,
            proposedAt: now,
          },
        },
      ];
    }
    if (state.status === 'none') return refuse('adjustment_not_found', 'no such fee adjustment');
    const { adjustmentId, contractId, compoundId } = state.proposal;
    switch (command.type) {
      case 'PostFeeAdjustment': {
        if (!holdsAny(command.by, TENDER_OWNERS)) return refuse('not_entitled', 'the OC (or the body in charge where there is none) posts the audit report and the plan (杭条例 Art. 53 (三))');
        if (state.status !== 'proposed') return refuse('adjustment_already_posted', 'the adjustment is posted');
        // 杭条例 Art. 53 (三): posted for 30 days or more (counted from the next day, Civil Code Art. 201).
        const postedUntil = periodEnd(ctx.now, HIRING_RULES.feeAdjustmentPostingDays.days).toISOString();
        return [{ type: 'FeeAdjustmentPosted', data: { adjustmentId, contractId, compoundId, postedAt: now, postedUntil, article: HIRING_RULES.feeAdjustmentPostingDays.article } }];
      }
      case 'PutFeeAdjustmentToOwners': {
        if (!holdsAny(command.by, TENDER_OWNERS)) return refuse('not_entitled', 'the OC (or the body in charge) submits the plan to the owners (杭条例 Art. 53 (四))');
        if (state.status === 'proposed') return refuse('adjustment_not_posted', 'the audit report and the plan are posted first (杭条例 Art. 53 (三))');
        if (state.status !== 'posted') return refuse('already_put_to_owners', `motion ${state.motionId} has the adjustment`);
        if (ctx.now.getTime() < Date.parse(state.postedUntil!))
          return refuse('posting_period_running', `posted until ${state.postedUntil}: at least ${HIRING_RULES.feeAdjustmentPostingDays.days} days (杭条例 Art. 53 (三))`, { postedUntil: state.postedUntil });
        return [{ type: 'FeeAdjustmentPutToOwners', data: { adjustmentId, contractId, compoundId, motionId: command.data.motionId, at: now } }];
      }
      case 'ResolveFeeAdjustment': {
        if (!holdsAny(command.by, ['system'])) return refuse('not_entitled', 'the server records the owners\u2019 decision');
        if (state.status === 'adopted' || state.status === 'rejected') return [];
        if (state.status !== 'put_to_owners' || state.motionId !== command.data.motionId) return refuse('adjustment_not_found', 'this motion does not carry the adjustment');
        return command.data.decisionId === null
          ? [{ type: 'FeeAdjustmentRejected', data: { adjustmentId, contractId, compoundId, motionId: command.data.motionId, at: now } }]
          : [{ type: 'FeeAdjustmentAdopted', data: { adjustmentId, contractId, compoundId, motionId: command.data.motionId, decisionId: command.data.decisionId, fee: state.proposal.proposedFee, at: now } }];
      }
      default:
        return assertNever(command);
    }
  },
};
