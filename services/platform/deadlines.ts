/**
 * PLACEHOLDER: h7's branch defines the real `DeadlineSource` here (with the deadline scheduler); this minimal
 * shape only lets `ContextModule` (contextModule.ts) name the type. Reconciled at merge.
 *
 * A deadline source tells the scheduler which of a context's deadlines (e.g. a motion's `closesAt`) are due.
 */
export interface DeadlineSource {
  /** Unique among the app's deadline sources. */
  readonly name: string;
}
