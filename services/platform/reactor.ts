/**
 * PLACEHOLDER: h7's branch defines the real `Reactor` here (with its runner); this minimal shape only lets
 * `ContextModule` (contextModule.ts) name the type. Reconciled at merge.
 *
 * A reactor (process manager) reacts to recorded events of a context by issuing commands.
 */
export interface Reactor {
  /** Unique among the app's reactors. */
  readonly name: string;
}
