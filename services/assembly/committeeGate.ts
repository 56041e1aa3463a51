/**
 * The committee's answer to the assembly's motion gate (services/assembly/service.ts `MotionGate`): Shanghai's
 * transition freeze (沪规定 Art. 28 para. 4), read from the committee's stream through its published surface.
 */
import { committeeDecider, committeeStreamId, transitionFreeze, type CommitteeState } from '../../domain/committee/index.js';
import type { MotionGate } from './service.js';
import { loadState } from '../commands/handler.js';
import { lruStateCache } from '../commands/stateCache.js';
import type { EventStore } from '../store/port.js';

export function committeeMotionGate(store: EventStore): MotionGate {
  const cache = lruStateCache<CommitteeState>(500);
  return async (compoundId, matter) => transitionFreeze((await loadState(store, committeeDecider, committeeStreamId(compoundId), cache)).state, matter);
}
