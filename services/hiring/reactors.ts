/**
 * The hiring context's reactors. When the owners' final decision on a tender's motion adopts a firm, the
 * contract is drawn from that firm's bid (Civil Code Art. 938; Art. 939: a contract with the firm the owners
 * chose). The service re-checks, when it acts, that the decision is final and not revoked.
 */
import type { FinalResultPublishedData } from '../../domain/assembly/index.js';
import { contractStreamId, tenderOfMotion } from '../../domain/hiring/index.js';
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
