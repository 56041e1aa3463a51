/**
 * The registry's application service: loads a compound's state (cached with its revision) and runs its
 * commands through the generic handler. Owners' names are sealed (services/personalData) between the decider
 * and the append, so the log, the cached state and every replay hold the sealed form.
 */
import {
  compoundStreamId,
  registryDecider,
  type RegistryCommand,
  type RegistryEvent,
  type RegistryState,
} from '../../domain/registry/index.js';
import { isDomainError, type DomainError } from '../../domain/shared/errors.js';
import { handleCommand, loadState, type CommandEnvelope, type Handled } from '../commands/handler.js';
import { lruStateCache } from '../commands/stateCache.js';
import type { EventStore } from '../store/port.js';

export interface RegistryService {
  state(compoundId: string): Promise<RegistryState>;
  handle(compoundId: string, command: RegistryCommand, cmd: CommandEnvelope): Promise<Handled<RegistryState> | DomainError>;
}

/** Seals the personal data of a compound's decided events (PersonalDataService.sealRegistry). */
export type RegistrySealer = (compoundId: string, events: readonly RegistryEvent[]) => RegistryEvent[];

export function registryService(store: EventStore, seal: RegistrySealer): RegistryService {
  const cache = lruStateCache<RegistryState>(500);
  const sealing = (compoundId: string): typeof registryDecider => ({
    ...registryDecider,
    decide: (command, state, context) => {
      const decided = registryDecider.decide(command, state, context);
      return isDomainError(decided) ? decided : seal(compoundId, decided);
    },
  });
  return {
    async state(compoundId) {
      return (await loadState(store, registryDecider, compoundStreamId(compoundId), cache)).state;
    },
    handle(compoundId, command, cmd) {
      return handleCommand(store, sealing(compoundId), compoundStreamId(compoundId), command, cmd, {}, { cache });
    },
  };
}
