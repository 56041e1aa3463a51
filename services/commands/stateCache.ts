/**
 * Hot aggregate state, cached with the revision it reflects. Safe because every append expects that exact
 * revision: a stale entry only costs a revision conflict and a re-read.
 */
export interface StateCache<State> {
  get(streamId: string): { state: State; revision: bigint } | undefined;
  set(streamId: string, state: State, revision: bigint): void;
  delete(streamId: string): void;
}

/** A least-recently-used cache of at most `max` streams. */
export function lruStateCache<State>(max = 10_000): StateCache<State> {
  const entries = new Map<string, { state: State; revision: bigint }>();
  return {
    get(streamId) {
      const e = entries.get(streamId);
      if (e) {
        entries.delete(streamId);
        entries.set(streamId, e);
      }
      return e;
    },
    set(streamId, state, revision) {
      const current = entries.get(streamId);
      if (current && current.revision > revision) return;
      entries.delete(streamId);
      entries.set(streamId, { state, revision });
      if (entries.size > max) entries.delete(entries.keys().next().value as string);
    },
    delete(streamId) {
      entries.delete(streamId);
    },
  };
}
