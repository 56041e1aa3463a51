/**
 * What the supervision uses of other contexts, as its own port (contexts meet only through
 * domain/<context>/index.ts; .dependency-cruiser.cjs). The runtime passes the assembly's decisions service.
 */
import type { DecisionRecord } from '../../domain/assembly/index.js';

/** The owners' decisions as the assembly's read model records them now (undefined: none, or not yet projected). */
export interface DecisionReader {
  decision(decisionId: string): (DecisionRecord & { readonly revoked: null | { readonly revokedAt: string } }) | undefined;
}
