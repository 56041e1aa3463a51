/**
 * Event schema versions and upcasters. Every event in the log carries the `schemaVersion` of its type's shape
 * when it was written (1 where the log has none). When a type's shape changes, its context declares one
 * upcaster per step (version n → n + 1) and keeps writing at the newest version; readers (deciders,
 * projections, reactors, deadlines) only ever see the newest shape, because the store as the app opens it
 * (services/store/eventSchemaStore.ts) upcasts every event it reads. Upcasting happens in memory: the stored
 * bytes, and so the hash chains, never change (verifying reads the log as stored).
 */

/** One step of an event type's shape: `data` at version `from` becomes `data` at `from + 1`. Pure. */
export interface Upcaster {
  readonly type: string;
  readonly from: number;
  readonly up: (data: unknown) => unknown;
}

/** What upcasting needs of an event (a recorded event, or anything shaped like one). */
export interface VersionedEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

export interface EventSchemas {
  /** Every step, as declared. */
  readonly upcasters: readonly Upcaster[];
  /** The version new events of the type are written at: one past its last step, else 1. */
  current(type: string): number;
  /**
   * The event in its type's current shape: each step from its version on applied, `schemaVersion` set to the
   * current one; the same object when no step applies (a current event, or a type without steps). A version
   * absent or not a positive integer counts as 1 (and reads as 1); one newer than the current is left as it is.
   */
  upcast<E extends VersionedEvent>(event: E): E;
}

/** The version an event was written at: 1 where the log has none (events written before versions were kept). */
export function storedVersion(event: { readonly schemaVersion?: unknown }): number {
  const v = event.schemaVersion;
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 1 ? v : 1;
}

/**
 * The registry of every context's steps. Each type's steps must run from version 1 without a gap or a
 * duplicate, so that an event of any version it ever wrote reaches the current shape.
 */
export function eventSchemas(upcasters: readonly Upcaster[]): EventSchemas {
  const steps = new Map<string, Upcaster[]>();
  for (const u of upcasters) {
    if (!Number.isSafeInteger(u.from) || u.from < 1) throw new Error(`upcaster of ${u.type}: from must be a positive integer, not ${u.from}`);
    const list = steps.get(u.type) ?? [];
    if (list[u.from - 1] !== undefined) throw new Error(`two upcasters of ${u.type} from version ${u.from}`);
    list[u.from - 1] = u;
    steps.set(u.type, list);
  }
  for (const [type, list] of steps) {
    for (let i = 0; i < list.length; i++) if (list[i] === undefined) throw new Error(`upcasters of ${type} skip version ${i + 1}`);
  }
  const current = (type: string): number => (steps.get(type)?.length ?? 0) + 1;
  return {
    upcasters,
    current,
    upcast<E extends VersionedEvent>(event: E): E {
      const from = storedVersion(event);
      const list = steps.get(event.type);
      if (list === undefined || from > list.length) return from === event.schemaVersion ? event : { ...event, schemaVersion: from };
      let data = event.data;
      for (let v = from; v <= list.length; v++) data = list[v - 1]!.up(data);
      return { ...event, schemaVersion: list.length + 1, data };
    },
  };
}
