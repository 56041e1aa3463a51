/**
 * The hiring context's reactors. When the owners' final decision on a tender's motion adopts a firm, the
 * contract is drawn from that firm's bid (Civil Code Art. 938; Art. 939: a contract with the firm the owners
 * chose). The service re-checks, when it acts, that the decision is final and not revoked.
 */
import type { FinalResultPublishedData } from '../../domain/assembly/index.js';
import { contractStreamId, feeAdjustmentOfMotion, feeAdjustmentStreamId, tenderOfMotion, type FeeAdjustmentEvent } from '../../domain/hiring/index.js';
import type { Reactor } from '../platform/reactor.js';
import type { HiringService } from './service.js';

export function contractDrafter(hiring: HiringService): Reactor {
  return {
    name: 'hiring.draw-contract',
    handles: ['FinalResultPublished'],
    react(event) {
      const { motionId, decision } = event.data as FinalResultPublishedData;
      const tenderId = tenderOfMotion(motionId);
      if (!decision || decision.adopted.kind !== 'option' || tenderId === null) return [];
      return [
        {
          streamId: contractStreamId(tenderId),
          execute: async (cmd) => (await hiring.drawFromDecision(motionId, cmd)) ?? { events: [], position: 0n },
        },
      ];
    },
  };
}

/**
 * 杭条例 Art. 53 (四): the owners' final result on a fee adjustment's motion (`fee-<adjustmentId>`) is recorded on
 * the adjustment: adopted (the decision standing) or not.
 */
export function feeAdjustmentResolver(hiring: HiringService): Reactor {
  return {
    name: 'hiring.resolve-fee-adjustment',
    handles: ['FinalResultPublished'],
    react(event) {
      const { motionId } = event.data as FinalResultPublishedData;
      const adjustmentId = feeAdjustmentOfMotion(motionId);
      if (adjustmentId === null) return [];
      return [{ streamId: feeAdjustmentStreamId(adjustmentId), execute: async (cmd) => (await hiring.resolveFeeAdjustment(motionId, cmd)) ?? { events: [], position: 0n } }];
    },
  };
}

/** An adopted fee adjustment changes the contract's fee (the decision re-checked when acting). */
export function feeStandardApplier(hiring: HiringService): Reactor {
  return {
    name: 'hiring.apply-fee-standard',
    handles: ['FeeAdjustmentAdopted'],
    react(event) {
      const { adjustmentId, contractId } = (event as unknown as Extract<FeeAdjustmentEvent, { type: 'FeeAdjustmentAdopted' }>).data;
      return [{ streamId: contractStreamId(contractId), execute: async (cmd) => (await hiring.applyFeeAdjustment(adjustmentId, cmd)) ?? { events: [], position: 0n } }];
    },
  };
}
