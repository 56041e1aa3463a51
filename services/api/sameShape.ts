/**
 * A type-level tie between a response schema and the view type it documents: `true satisfies
 * SameShape<z.output<typeof schema>, View>` compiles only when each is assignable to the other and, at every
 * depth (objects, arrays, records, the members of unions), they have the same keys; so a field added to the
 * view, even an optional one (which the zod serializer would strip), fails `tsc`. Arrays in views are
 * readonly: their schemas say `.readonly()`.
 */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Every key of every member of a union. */
type KeysOf<T> = T extends unknown ? keyof T : never;
/** The type at a key, over the members of a union that have it. */
type At<T, K> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
type AllTrue<T> = [T] extends [true] ? true : false;

type Deep<A, B> = [A] extends [readonly (infer EA)[]]
  ? [B] extends [readonly (infer EB)[]]
    ? SameShape<EA, EB>
    : false
  : [A] extends [string | number | boolean | bigint]
    ? true
    : [A] extends [object]
      ? Mutual<KeysOf<A>, KeysOf<B>> extends true
        ? AllTrue<{ [K in KeysOf<A>]: SameShape<At<A, K>, At<B, K>> }[KeysOf<A>]>
        : false
      : true;

export type SameShape<A, B> = Mutual<A, B> extends true ? Deep<Exclude<A, null | undefined>, Exclude<B, null | undefined>> : false;
