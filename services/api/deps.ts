/** What the HTTP layer is given by the composition root (services/runtime.ts). */
import type { contexts } from '../contexts.js';
import type { ContextServices } from '../platform/contextModule.js';
import type { PlatformDeps } from '../platform/platformDeps.js';

/** The parts every route may use, whatever its context (services/platform/platformDeps.ts). */
export type { PlatformDeps } from '../platform/platformDeps.js';

/** Each context's services as its module builds them (services/contexts.ts), e.g. `deps.assembly`, `deps.decisions`. */
export type ContextServicesDeps = ContextServices<typeof contexts>;

/** A context's service may not be named like a platform part: `deps.<name>` would mean two things. */
type NoClash<T extends never> = T;
export type _ContextNamesAreFree = NoClash<keyof PlatformDeps & keyof ContextServicesDeps>;

export type AppDeps = PlatformDeps & ContextServicesDeps;

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
