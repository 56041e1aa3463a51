/** The read model's documents in memory, changed exactly as the projection runner changes them. */
import type { DocChange, DocReader, Projection } from '../projections/projection.js';

/** An event as the projections take it (their own type: nothing here names the server's code). */
export type ProjectedEvent = Parameters<Projection['apply']>[0];

export class MemoryDocs implements DocReader {
  private readonly docs = new Map<string, unknown>();

  get<T = unknown>(collection: string, id: string): T | undefined {
    return this.docs.get(`${collection}/${id}`) as T | undefined;
  }

  apply(event: ProjectedEvent, projection: Projection): void {
    if (!projection.handles.includes(event.type)) return;
    for (const change of projection.apply(event, this) as DocChange[]) {
      const key = `${change.collection}/${change.id}`;
      if (change.op === 'delete') this.docs.delete(key);
      else this.docs.set(key, change.doc);
    }
  }
}
