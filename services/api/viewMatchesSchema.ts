/**
 * schemasA: a compile-time check that a read's response schema and the view it answers are the same type,
 * deeply, `readonly` aside. The zod serializer drops every field a schema leaves out and answers 500 for a
 * view that does not fit it; with this check, a field added to a view (or to its schema) alone fails `tsc`.
 *
 *   const _ledger: ViewMatches<typeof ledgerSchema, ReturnType<typeof ledgerView>> = true;
 */
import type { z } from 'zod';

/**
 * `T` without `readonly` at any depth (arrays and object properties); unions kept, intersections flattened.
 * Properties that can only be undefined go: TypeScript adds `x?: undefined` to the object literals of a
 * conditional (`c ? { a } : { b }`), and no such property ever reaches JSON.
 */
export type Plain<T> = T extends readonly (infer E)[] ? Plain<E>[] : T extends object ? { -readonly [K in keyof T as [Exclude<T[K], undefined>] extends [never] ? never : K]: Plain<T[K]> } : T;

/** Exactly the same type (TypeScript's own identity check, not mutual assignability: an extra optional field counts). */
export type Same<A, B> = (<G>() => G extends A ? 1 : 2) extends <G>() => G extends B ? 1 : 2 ? true : false;

/** `true` when the schema's output is the view; otherwise both sides, so that the compiler's message shows them. */
export type ViewMatches<S extends z.ZodType, View> = Same<Plain<z.output<S>>, Plain<View>> extends true ? true : { schema: Plain<z.output<S>>; view: Plain<View> };
