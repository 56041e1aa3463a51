/**
 * The event envelope's metadata: who did it, on whose command, caused by what, and when. The types live in
 * the shared kernel (domain/shared/log.ts) and are re-exported here.
 */
import type { Actor } from '../../domain/shared/log.js';

export type { Actor, EventMetadata } from '../../domain/shared/log.js';

export const systemActor: Actor = { personId: 'system', role: 'system' };
