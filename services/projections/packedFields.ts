/**
 * Fields packed into one string with each field's length (-1: null), as batches cross between the projection
 * threads (#18: one string and an `Int32Array` instead of a structured clone of every value). Used by the log
 * reader's pages (logPage.ts) and the read writer's batches (readStore.ts).
 */

/** Reads the fields back in order: `next()` answers the next field (null where its length is -1), `more()`
 * whether any is left. */
export function fieldCursor(text: string, lengths: Int32Array): { readonly next: () => string | null; readonly more: () => boolean } {
  let at = 0;
  let i = 0;
  return {
    next: () => {
      const n = lengths[i++]!;
      if (n < 0) return null;
      at += n;
      return text.slice(at - n, at);
    },
    more: () => i < lengths.length,
  };
}
