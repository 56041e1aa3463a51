/**
 * Given / then for projections: feed events, in log order, through a projection into documents kept in
 * memory exactly as the runner keeps them (a projection reads its own earlier changes), then assert the
 * documents.
 *
 *   projectionSpec(assemblyProjection)
 *     .given([{ type: 'MotionProposed', data }, ...])          // positions 1, 2, ... unless given
 *     .then(t, { 'motion-tallies/m1': { ...expected doc } })
 */
import type { DocChange, DocReader, Projection } from '../../projections/projection.js';
import type { RecordedEvent } from '../../services/store/port.js';

interface Asserts {
  same(found: unknown, wanted: unknown, message: string): boolean;
  match(found: unknown, pattern: unknown, message: string): boolean;
}

export interface SpecEvent {
  readonly type: string;
  readonly data: unknown;
  readonly streamId?: string;
  readonly position?: bigint;
}

interface Stored {
  readonly parent?: string;
  readonly sortKey?: string;
  readonly doc: unknown;
}

export interface Projected {
  /** Documents by `collection/id`. */
  readonly docs: ReadonlyMap<string, unknown>;
  get<T>(collection: string, id: string): T | undefined;
  /** A parent's documents in sort-key order, as the read store lists them. */
  list<T>(collection: string, parent: string): T[];
  /** Asserts every listed document equals the expected one exactly (others are not checked). */
  then(t: Asserts, expected: Readonly<Record<string, unknown>>): void;
  /** Asserts every listed document matches the pattern (tap's `match`: only the fields given). */
  thenMatch(t: Asserts, expected: Readonly<Record<string, unknown>>): void;
}

export function recorded(events: readonly SpecEvent[]): RecordedEvent[] {
  const revisions = new Map<string, bigint>();
  return events.map((e, i) => {
    const streamId = e.streamId ?? 'spec';
    const revision = revisions.get(streamId) ?? 0n;
    revisions.set(streamId, revision + 1n);
    return {
      eventId: `spec-${i + 1}`,
      type: e.type,
      schemaVersion: 1,
      data: e.data,
      metadata: { commandId: `spec-command-${i + 1}`, correlationId: 'spec', causationId: 'spec', actor: { personId: 'spec', role: 'system' }, recordedAt: '2026-01-01T00:00:00.000Z' },
      streamId,
      revision,
      position: e.position ?? BigInt(i + 1),
      prevHash: '',
      hash: '',
    } as RecordedEvent;
  });
}

export function projectionSpec(...projections: readonly Projection[]) {
  return {
    given(events: readonly SpecEvent[]): Projected {
      const store = new Map<string, Stored>();
      const reader: DocReader = {
        get<T>(collection: string, id: string) {
          return store.get(`${collection}/${id}`)?.doc as T | undefined;
        },
      };
      for (const event of recorded(events)) {
        for (const projection of projections) {
          if (!projection.handles.includes(event.type)) continue;
          for (const change of projection.apply(event, reader) as DocChange[]) {
            const key = `${change.collection}/${change.id}`;
            if (change.op === 'delete') store.delete(key);
            else store.set(key, { ...(change.parent !== undefined ? { parent: change.parent } : {}), ...(change.sortKey !== undefined ? { sortKey: change.sortKey } : {}), doc: structuredClone(change.doc) });
          }
        }
      }
      const docs = new Map([...store].map(([k, v]) => [k, v.doc]));
      return {
        docs,
        get: <T>(collection: string, id: string) => reader.get<T>(collection, id),
        list: <T>(collection: string, parent: string) =>
          [...store.entries()]
            .filter(([k, v]) => k.startsWith(`${collection}/`) && v.parent === parent)
            .sort(([ka, a], [kb, b]) => ((a.sortKey ?? ka) < (b.sortKey ?? kb) ? -1 : 1))
            .map(([, v]) => v.doc as T),
        then(t, expected) {
          for (const [key, doc] of Object.entries(expected)) t.same(docs.get(key), doc, key);
        },
        thenMatch(t, expected) {
          for (const [key, doc] of Object.entries(expected)) t.match(docs.get(key), doc, key);
        },
      };
    },
  };
}
