/**
 * What the assembly reads from the compound registry (小区登记): a compound's state as its log stands (who
 * holds which unit before the roll is frozen, the buildings). The assembly's own port onto the registry
 * context; the runtime passes the registry's service (services/assembly/module.ts).
 */
import type { RegistryState } from '../../domain/registry/index.js';

export interface RegistryReader {
  state(compoundId: string): Promise<RegistryState>;
}
