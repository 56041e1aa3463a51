/**
 * What the funds use of other contexts, as their own ports (contexts meet only through
 * domain/<context>/index.ts; .dependency-cruiser.cjs). The runtime passes the registry's service and the
 * assembly's decisions service, which fit them.
 */
import type { DecisionRecord } from '../../domain/assembly/index.js';
import type { RegistryState } from '../../domain/registry/index.js';

/** The compound registry (小区登记): a compound's state as its log stands. */
export interface RegistryReader {
  state(compoundId: string): Promise<RegistryState>;
}

/** The owners' decisions as the assembly's read model records them now (undefined: none, or not yet projected). */
export interface DecisionReader {
  decision(decisionId: string): (DecisionRecord & { readonly revoked: null | { readonly revokedAt: string } }) | undefined;
}
