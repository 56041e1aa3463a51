/**
 * The registry as it stood at the request's point (`?asOf=`, services/api/asOf/timeTravel.ts), for that
 * compound: its stream folded up to the cut (the compound, its units and owners, the electorate on the day).
 * Other compounds, and requests without a point, get the live state. Only routes' reads see it (the module's
 * `timeTravel`): commands never run inside a past view.
 */
import { compoundStreamId, registryDecider, type RegistryEvent } from '../../domain/registry/index.js';
import { fold } from '../../domain/shared/decider.js';
import { viewAsOf } from '../api/asOf/currentView.js';
import type { EventStore } from '../store/port.js';
import type { RegistryService } from './service.js';

export function timeTravellingRegistry(live: RegistryService, store: EventStore): RegistryService {
  return {
    ...live,
    async state(compoundId) {
      const view = viewAsOf();
      if (!view || view.compoundId !== compoundId) return live.state(compoundId);
      const events = (await store.readStream(compoundStreamId(compoundId))).filter((e) => e.position <= view.position);
      return fold(registryDecider, events.map((e) => ({ type: e.type, data: e.data }) as RegistryEvent));
    },
  };
}
