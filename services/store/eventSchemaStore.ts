/**
 * The store as the app sees it (domain/shared/eventSchemas.ts): every event it reads (a stream, the log, a
 * subscription) comes upcast to its type's current shape, and every event it appends is stamped with its
 * type's current version (deciders emit nothing but the current shape). The stored bytes never change, so a
 * hash recomputed from an upcast event would not match: whatever verifies or copies the log (cli verify,
 * cli copy, backups) opens the store itself, unwrapped.
 *
 * The wrapper delegates everything else to the store it wraps (its prototype), so an adapter's own members
 * (`file`, `onCommitted`, `treeHead`, ...) and checks such as `isSqliteStore` still see them.
 */
import type { EventSchemas } from '../../domain/shared/eventSchemas.js';
import type { EventStore, NewEvent, RecordedEvent, SubscribeOptions } from './port.js';

/** What the wrapper touches: any of the port's reads and its append (a read-only event reader has no append). */
type Wrappable = Partial<Pick<EventStore, 'append' | 'readStream' | 'readAll' | 'subscribe'>>;

export function withEventSchemas<S extends Wrappable>(store: S, schemas: EventSchemas): S {
  if (schemas.upcasters.length === 0) return store;
  const upcastAll = (events: readonly RecordedEvent[]): RecordedEvent[] => {
    let out: RecordedEvent[] | undefined;
    for (let i = 0; i < events.length; i++) {
      const e = events[i]!;
      const up = schemas.upcast(e);
      if (up !== e) (out ??= events.slice())[i] = up;
    }
    return out ?? (events as RecordedEvent[]);
  };
  const stamp = (e: NewEvent): NewEvent => {
    const current = schemas.current(e.type);
    return e.schemaVersion === current ? e : { ...e, schemaVersion: current };
  };
  const wrapped = Object.create(store) as S & Record<string, unknown>;
  const { append, readStream, readAll, subscribe } = store;
  if (append) wrapped.append = (streamId: string, events: readonly NewEvent[], expected: Parameters<EventStore['append']>[2]) => append.call(store, streamId, events.map(stamp), expected);
  if (readStream) wrapped.readStream = async (...args: Parameters<EventStore['readStream']>) => upcastAll(await readStream.apply(store, args));
  if (readAll) wrapped.readAll = async (...args: Parameters<EventStore['readAll']>) => upcastAll(await readAll.apply(store, args));
  if (subscribe) {
    // Extra arguments (the SQLite reader's `check`) pass through.
    wrapped.subscribe = (options: SubscribeOptions, ...rest: unknown[]) =>
      (subscribe as (o: SubscribeOptions, ...r: unknown[]) => ReturnType<EventStore['subscribe']>).call(store, { ...options, onEvents: (events, through) => options.onEvents(upcastAll(events), through) }, ...rest);
  }
  return wrapped;
}
