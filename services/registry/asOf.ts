/**
 * The registry as it stood at the request's point (`?asOf=`, services/api/asOf/timeTravel.ts), for that
 * compound: its stream folded up to the cut (the compound, its units and owners, the electorate on the day).
 * Other compounds, and requests without a point, get the live state. Only routes' reads see it (the module's
 * `timeTravel`): commands never run inside a past view.
 *
 * asof16: the stream's events are kept once read (it is append-only: later calls read only what is new) and
 * the state folded up to each revision is kept, for the few compounds last asked about, so that views at
 * different points of a compound of 20,000 units do not re-read and re-fold its registry each time.
 */
import { compoundStreamId, registryDecider, type RegistryEvent, type RegistryState } from '../../domain/registry/index.js';
import { fold } from '../../domain/shared/decider.js';
import { viewAsOf } from '../api/asOf/currentView.js';
import type { EventStore, RecordedEvent } from '../store/port.js';
import type { RegistryService } from './service.js';

/** Compounds whose registry stream is kept, and past states kept per compound. */
const KEPT = 8;

export function timeTravellingRegistry(live: RegistryService, store: EventStore): RegistryService {
  const kept = new Map<string, { events: RecordedEvent[]; states: Map<number, RegistryState> }>();
  return {
    ...live,
    async state(compoundId) {
      const view = viewAsOf();
      if (!view || view.compoundId !== compoundId) return live.state(compoundId);
      let entry = kept.get(compoundId);
      kept.delete(compoundId);
      entry ??= { events: [], states: new Map() };
      kept.set(compoundId, entry);
      if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
      const last = entry.events.at(-1);
      if (!last || last.position < view.position) entry.events.push(...(await store.readStream(compoundStreamId(compoundId), { fromRevision: BigInt(entry.events.length) })));
      let count = 0;
      while (count < entry.events.length && entry.events[count]!.position <= view.position) count += 1;
      let state = entry.states.get(count);
      if (!state) {
        state = fold(registryDecider, entry.events.slice(0, count).map((e) => ({ type: e.type, data: e.data }) as RegistryEvent));
        entry.states.set(count, state);
        if (entry.states.size > KEPT) entry.states.delete(entry.states.keys().next().value!);
      }
      return state;
    },
  };
}
