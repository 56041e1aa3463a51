/**
 * The event envelope's metadata: who did it, on whose command, caused by what, and when.
 * Every field here is covered by the per-stream hash chain.
 */
export interface Actor {
  /** Person id (the JWT `sub`), or `system` for the server itself. */
  readonly personId: string;
  /** The grant the actor acted under, e.g. `admin`, `oc_member`. */
  readonly role: string;
}

export interface EventMetadata {
  /** The command's id (the HTTP `Idempotency-Key`, or a generated one). */
  readonly commandId: string;
  /** Shared by every event of one business flow. */
  readonly correlationId: string;
  /** The command or event that caused this one. */
  readonly causationId: string;
  readonly actor: Actor;
  /** ISO-8601 instant from the server's clock when the command was decided. */
  readonly recordedAt: string;
  /**
   * Hash of the HTTP request that carried the command (method, path, body, caller), so that a retry with
   * the same Idempotency-Key can be told from a different request reusing it. Not part of the hash chain.
   */
  readonly requestHash?: string;
}

export const systemActor: Actor = { personId: 'system', role: 'system' };
