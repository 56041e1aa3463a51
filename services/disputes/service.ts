/** The disputes' application service: runs dispute commands on `dispute-<id>`. */
import { disputeDecider, disputeStreamId, type DisputeCommand, type DisputeState } from '../../domain/disputes/index.js';
import type { DomainError } from '../../domain/shared/errors.js';
import { handleCommand, loadState, type CommandEnvelope, type Handled } from '../commands/handler.js';
import type { EventStore } from '../store/port.js';

export interface DisputesService {
  dispute(disputeId: string): Promise<DisputeState>;
  handle(disputeId: string, command: DisputeCommand, cmd: CommandEnvelope): Promise<Handled<DisputeState> | DomainError>;
}

export function disputesService(store: EventStore): DisputesService {
  return {
    dispute: async (disputeId) => (await loadState(store, disputeDecider, disputeStreamId(disputeId))).state,
    handle: (disputeId, command, cmd) => handleCommand(store, disputeDecider, disputeStreamId(disputeId), command, cmd, {}),
  };
}
