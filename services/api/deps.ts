/** What the HTTP layer is given by the composition root (services/runtime.ts). */
import type { Clock } from '../clock.js';
import type { contexts } from '../contexts.js';
import type { ContextServices } from '../platform/contextModule.js';
import type { ProjectionRunner } from '../projections/runner.js';
import type { ReadView } from '../projections/readStore.js';
import type { EventStore } from '../store/port.js';
import type { CommandLog } from './commandLog.js';

/** The parts every route may use, whatever its context. */
export interface PlatformDeps {
  readonly store: EventStore;
  readonly read: ReadView;
  readonly runner: ProjectionRunner;
  readonly clock: Clock;
  readonly signingKey: Uint8Array;
  readonly commands: CommandLog;
}

/** Each context's service under its module's name (services/contexts.ts), e.g. `deps.assembly`. */
export type ContextServicesDeps = ContextServices<typeof contexts>;

/** A context may not be named like a platform part: `deps.<name>` would mean two things. */
type NoClash<T extends never> = T;
export type _ContextNamesAreFree = NoClash<keyof PlatformDeps & keyof ContextServicesDeps>;

export type AppDeps = PlatformDeps & ContextServicesDeps;

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
