/**
 * A type-level tie between a response schema and the view type it documents: `true satisfies
 * SameShape<z.output<typeof schema>, View>` compiles only when each is assignable to the other and they have
 * the same top-level keys, so a field added to the view (which the zod serializer would strip) fails `tsc`.
 * Arrays in views are readonly: their schemas say `.readonly()`.
 */
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export type SameShape<A, B> = Mutual<A, B> extends true ? Mutual<keyof A, keyof B> : false;
