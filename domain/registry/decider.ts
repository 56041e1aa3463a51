/**
 * The compound registry (小区登记) as one Emmett-style decider, for services/commands/handler.ts.
 */
import type { DecideContext, Decider } from '../shared/decider.js';
import type { RegistryCommand } from './commands.js';
import { decide } from './decide.js';
import type { RegistryEvent } from './events.js';
import { evolve, initialState, type RegistryState } from './state.js';

export const registryDecider: Decider<RegistryState, RegistryCommand, RegistryEvent, DecideContext> = {
  initialState,
  evolve,
  decide,
};
