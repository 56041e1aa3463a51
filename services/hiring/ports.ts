/**
 * What the hiring context uses of other contexts, as its own ports (contexts meet only through
 * domain/<context>/index.ts; .dependency-cruiser.cjs). The runtime passes the registry's and the assembly's
 * services, which fit them.
 */
import type { MotionCommand, MotionState } from '../../domain/assembly/index.js';
import type { RegistryState } from '../../domain/registry/index.js';
import type { DomainError } from '../../domain/shared/errors.js';
import type { CommandEnvelope, Handled } from '../commands/handler.js';

/** The compound registry (小区登记): a compound's state as its log stands. */
export interface RegistryReader {
  state(compoundId: string): Promise<RegistryState>;
}

/** The owners' assembly (业主大会): a motion's state, and proposing the shortlist's motion. */
export interface AssemblyMotions {
  motion(motionId: string): Promise<MotionState>;
  handleMotion(motionId: string, command: MotionCommand, cmd: CommandEnvelope): Promise<Handled<MotionState> | DomainError>;
}
