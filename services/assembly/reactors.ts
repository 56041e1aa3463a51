/**
 * The assembly's reactors: every final decision is notified to the residents' committee, on the record
 * (物业管理条例 Art. 20: 业主大会、业主委员会作出的决定 … 应当告知相关的居民委员会; 杭条例 Art. 19 para. 1).
 */
import { motionStreamId, type FinalResultPublishedData } from '../../domain/assembly/index.js';
import { SYSTEM_FACTS, type Reactor } from '../platform/reactor.js';
import type { AssemblyService } from './service.js';

export function decisionNotifier(assembly: AssemblyService): Reactor {
  return {
    name: 'assembly.notify-residents-committee',
    handles: ['FinalResultPublished'],
    react(event) {
      const { motionId, decision } = event.data as FinalResultPublishedData;
      if (!decision) return [];
      return [
        {
          streamId: motionStreamId(motionId),
          execute: (cmd) => assembly.handleMotion(motionId, { type: 'NotifyDecision', data: { motionId, decisionId: decision.decisionId }, by: SYSTEM_FACTS }, cmd),
        },
      ];
    },
  };
}
