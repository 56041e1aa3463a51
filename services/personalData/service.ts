/**
 * Personal-data protection (PIPL) as a service: seals owners' names into the registry's events, shows them at
 * read time (or 已删除 once the key is destroyed), erases a person's data by destroying their keys after
 * recording the erasure, and records every staff read of personal data as an event.
 *
 * Order of an erasure: the event is appended (durable) first, then the keys are destroyed, then the answer
 * goes out. A crash in between leaves an event whose keys are still there: `reconcile` (run at every start)
 * destroys the keys of every recorded erasure.
 */
import { compoundStreamId, type RegistryEvent } from '../../domain/registry/index.js';
import {
  ERASURES_STREAM,
  ownershipOf,
  personalDataDecider,
  readsStreamId,
  type ErasePersonalData,
  type ErasuresState,
  type PersonalDataErasedData,
  type PersonalDataReadData,
} from '../../domain/personalData/index.js';
import { isDomainError, notFound, type DomainError } from '../../domain/shared/errors.js';
import { ERASED, isSealed, type PersonalText } from '../../domain/shared/personalData.js';
import { envelopeEvents, handleCommand, type CommandEnvelope, type Handled } from '../commands/handler.js';
import type { EventStore } from '../store/port.js';
import { open } from './cipher.js';
import type { KeyStore } from './keyStore.js';
import { sealRegistryEvents } from './sealRegistry.js';

/** One recorded read as the supervisory board lists it: who, what, when, why — never the data. */
export interface ReadRecord extends PersonalDataReadData {
  readonly position: string;
}

export interface PersonalDataService {
  /** The registry's decided events with every owner's name sealed (keys made as needed). */
  sealRegistry(compoundId: string, events: readonly RegistryEvent[]): RegistryEvent[];
  /** A name as a view shows it: the text, or 已删除 when its key is destroyed (or the person erased, for legacy plain text). */
  reveal(compoundId: string, personId: string, value: PersonalText): string;
  erase(command: ErasePersonalData, cmd: CommandEnvelope): Promise<Handled<ErasuresState> | DomainError>;
  /** Appends the record of a read (before the data is sent); its position. */
  recordRead(data: Omit<PersonalDataReadData, 'readAt' | 'reader'>, cmd: CommandEnvelope): Promise<bigint>;
  /** The compound's recorded reads from revision `from`, at most `limit`; `next` the revision to continue from. */
  reads(compoundId: string, from: bigint, limit: number): Promise<{ reads: ReadRecord[]; next: string | null }>;
  /** Destroys the keys of every erasure in the log (idempotent); the number of erasures seen. */
  reconcile(): Promise<number>;
}

export function personalDataService(deps: { store: EventStore; keys: KeyStore; retentionDays: number }): PersonalDataService {
  const { store, keys, retentionDays } = deps;
  const destroy = (d: PersonalDataErasedData) => keys.destroy(d.compoundId, d.personId, d.keyIds, d.erasedAt);
  return {
    sealRegistry: (compoundId, events) => sealRegistryEvents(keys, compoundId, events),

    reveal(compoundId, personId, value) {
      if (isSealed(value)) {
        const key = keys.key(value.kid);
        if (!(key instanceof Buffer)) return ERASED;
        return open(value, key) ?? ERASED;
      }
      // Legacy plain text (events before pd/v1) cannot be forgotten in the log; once erased, no view shows it.
      return keys.erasedAt(compoundId, personId) === null ? value : ERASED;
    },

    async erase(command, cmd) {
      const { compoundId, personId } = command.data;
      const registry = await store.readStream(compoundStreamId(compoundId));
      if (registry.length === 0) return notFound('compound_not_found', `no compound ${compoundId}`);
      const ownership = ownershipOf(
        personId,
        registry.map((e) => ({ event: { type: e.type, data: e.data } as RegistryEvent, recordedAt: e.metadata.recordedAt })),
      );
      const liveKeyIds = keys.liveKeyIds(compoundId, personId);
      const handled = await handleCommand(store, personalDataDecider, ERASURES_STREAM, command, cmd, { ownership, liveKeyIds, retentionDays });
      if (isDomainError(handled)) return handled;
      for (const e of handled.events) if (e.type === 'PersonalDataErased') destroy(e.data as PersonalDataErasedData);
      return handled;
    },

    async recordRead(data, cmd) {
      const stream = readsStreamId(data.compoundId);
      const event = { type: 'PersonalDataRead', data: { ...data, reader: { personId: cmd.actor.personId, role: cmd.actor.role }, readAt: cmd.now.toISOString() } satisfies PersonalDataReadData };
      return (await store.append(stream, envelopeEvents(stream, [event], cmd), 'any')).position;
    },

    async reads(compoundId, from, limit) {
      const events = await store.readStream(readsStreamId(compoundId), { fromRevision: from, maxCount: limit + 1 });
      const page = events.slice(0, limit);
      return {
        reads: page.map((e) => ({ ...(e.data as PersonalDataReadData), position: e.position.toString() })),
        next: events.length > limit ? events[limit]!.revision.toString() : null,
      };
    },

    async reconcile() {
      const erasures = await store.readStream(ERASURES_STREAM);
      for (const e of erasures) if (e.type === 'PersonalDataErased') destroy(e.data as PersonalDataErasedData);
      return erasures.length;
    },
  };
}
