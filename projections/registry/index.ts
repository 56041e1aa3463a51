/**
 * Read models of the compound registry (小区登记): none yet. The registry's reads fold the compound's stream
 * (services/registry/service.ts), which is always current; a projection added here is listed in
 * services/registry/module.ts.
 */
import type { Projection } from '../projection.js';

export const registryProjections: readonly Projection[] = [];
