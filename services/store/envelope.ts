/**
 * The event envelope's metadata: who did it, on whose command, caused by what, and when. The types live in
 * the shared kernel (domain/shared/log.ts) and are re-exported here.
 */
import type { Actor, EventMetadata } from '../../domain/shared/log.js';

export type { Actor, EventMetadata } from '../../domain/shared/log.js';

export const systemActor: Actor = { personId: 'system', role: 'system' };

/**
 * The canonical JSON (hashChain.ts canonicalJson) of metadata the command pipeline built (handler.ts
 * envelopeEvents), written from its known members at once (#18): the store's encoding looks it up here instead
 * of walking and sorting the object for every command. Only metadata whose shape is exactly the envelope's (string
 * members, an actor of exactly personId and role) is written this way; anything else is left to the walk.
 */
export const canonicalMetadata = new WeakMap<EventMetadata, string>();

/** canonicalJson(metadata) for the envelope's exact shape, or undefined for anything else. */
export function envelopeCanonical(metadata: EventMetadata): string | undefined {
  const { actor } = metadata;
  if (typeof actor !== 'object' || actor === null || Object.getPrototypeOf(actor) !== Object.prototype) return undefined;
  const actorKeys = Object.keys(actor);
  if (actorKeys.length !== 2 || typeof actor.personId !== 'string' || typeof actor.role !== 'string') return undefined;
  const keys = Object.keys(metadata);
  const { commandId, correlationId, causationId, recordedAt, requestHash } = metadata;
  if (keys.length !== (requestHash === undefined ? 5 : 6) || typeof commandId !== 'string' || typeof correlationId !== 'string' || typeof causationId !== 'string' || typeof recordedAt !== 'string') return undefined;
  if (requestHash !== undefined && typeof requestHash !== 'string') return undefined;
  // Members in UTF-16 order: actor (personId, role), causationId, commandId, correlationId, recordedAt, requestHash.
  const s = JSON.stringify;
  return `{"actor":{"personId":${s(actor.personId)},"role":${s(actor.role)}},"causationId":${s(causationId)},"commandId":${s(commandId)},"correlationId":${s(correlationId)},"recordedAt":${s(recordedAt)}${requestHash === undefined ? '' : `,"requestHash":${s(requestHash)}`}}`;
}
