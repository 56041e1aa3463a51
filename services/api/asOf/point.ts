/** A point of the log: a global position, or an instant (services/board/asOf.ts parses it). */
export type AsOf = { readonly kind: 'position'; readonly position: bigint } | { readonly kind: 'instant'; readonly at: Date };
