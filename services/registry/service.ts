/**
 * The registry's application service: loads a compound's state (cached with its revision) and runs its
 * commands through the generic handler.
 */
import {
  compoundStreamId,
  registryDecider,
  type RegistryCommand,
  type RegistryState,
} from '../../domain/registry/index.js';
import type { DomainError } from '../../domain/shared/errors.js';
import { handleCommand, loadState, type CommandEnvelope, type Handled } from '../commands/handler.js';
import { lruStateCache } from '../commands/stateCache.js';
import type { EventStore } from '../store/port.js';

export interface RegistryService {
  state(compoundId: string): Promise<RegistryState>;
  handle(compoundId: string, command: RegistryCommand, cmd: CommandEnvelope): Promise<Handled<RegistryState> | DomainError>;
}

export function registryService(store: EventStore): RegistryService {
  const cache = lruStateCache<RegistryState>(500);
  return {
    async state(compoundId) {
      return (await loadState(store, registryDecider, compoundStreamId(compoundId), cache)).state;
    },
    handle(compoundId, command, cmd) {
      return handleCommand(store, registryDecider, compoundStreamId(compoundId), command, cmd, {}, { cache });
    },
  };
}
