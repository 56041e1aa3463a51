/**
 * The committee's answer to the assembly's motion gate (services/assembly/service.ts `MotionGate`): Shanghai's
 * transition freeze (沪规定 Art. 28 para. 4), decided by the committee's decider on its stream and, where a
 * freeze could start, written there (`FreezeCheckPassed`) at the revision it read: a re-election group formed
 * between that read and the write makes the handler decide again and refuse, so the check and the command it
 * guards cannot interleave with the freeze's start. A motion cleared just before the freeze starts is caught
 * again when it would open (the gate runs on opening too).
 */
import { committeeDecider, committeeStreamId, type CommitteeState } from '../../domain/committee/index.js';
import { isDomainError } from '../../domain/shared/errors.js';
import type { MotionGate } from './service.js';
import { handleCommand } from '../commands/handler.js';
import { lruStateCache } from '../commands/stateCache.js';
import type { EventStore } from '../store/port.js';

export function committeeMotionGate(store: EventStore): MotionGate {
  const cache = lruStateCache<CommitteeState>(500);
  return async (compoundId, matter, { motionId, step }, by, cmd) => {
    // Its own event ids: the same command may write on the committee's stream afterwards (a removal's motion).
    const checked = await handleCommand(
      store,
      committeeDecider,
      committeeStreamId(compoundId),
      { type: 'CheckTransitionFreeze', data: { compoundId, motionId, matter, step }, by },
      { ...cmd, commandId: `${cmd.commandId}/freeze-check` },
      {},
      { cache },
    );
    return isDomainError(checked) ? checked : null;
  };
}
