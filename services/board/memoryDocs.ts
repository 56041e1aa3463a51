/**
 * Read-model documents kept in memory, applied exactly as the projection runner applies them (a projection
 * reads its own earlier changes): for views computed from a slice of the log (time travel, asOf.ts).
 */
import type { DocChange, DocReader, Projection } from '../../projections/projection.js';
import type { RecordedEvent } from '../store/port.js';

interface Stored {
  readonly parent?: string;
  readonly sortKey?: string;
  readonly doc: unknown;
}

export class MemoryDocs implements DocReader {
  private readonly docs = new Map<string, Stored>();

  get<T = unknown>(collection: string, id: string): T | undefined {
    return this.docs.get(`${collection}/${id}`)?.doc as T | undefined;
  }

  /** A parent's documents in sort-key order, as the read store lists them. */
  list<T>(collection: string, parent: string): T[] {
    return [...this.docs.entries()]
      .filter(([k, v]) => k.startsWith(`${collection}/`) && v.parent === parent)
      .sort(([ka, a], [kb, b]) => ((a.sortKey ?? ka) < (b.sortKey ?? kb) ? -1 : 1))
      .map(([, v]) => v.doc as T);
  }

  /** Feeds one event (in log order) through the projections that handle it. */
  apply(event: RecordedEvent, projections: readonly Projection[]): void {
    for (const projection of projections) {
      if (!projection.handles.includes(event.type)) continue;
      for (const change of projection.apply(event, this) as DocChange[]) {
        const key = `${change.collection}/${change.id}`;
        if (change.op === 'delete') this.docs.delete(key);
        else this.docs.set(key, { ...(change.parent !== undefined ? { parent: change.parent } : {}), ...(change.sortKey !== undefined ? { sortKey: change.sortKey } : {}), doc: change.doc });
      }
    }
  }
}
