/** What the HTTP layer is given by the composition root (services/runtime.ts). */
import type { contexts } from '../contexts.js';
import type { ContextServices } from '../platform/contextModule.js';
import type { PlatformDeps } from '../platform/platformDeps.js';
import type { ResidentsService } from '../residents/service.js';
import type { DisputesService } from '../disputes/service.js';
import type { JointService } from '../joint/service.js';
// funds, supervision
import type { FundsService } from '../funds/service.js';
import type { SupervisionService } from '../supervision/service.js';
import type { HiringService } from '../hiring/service.js'; // hiring
// committee
import type { CommitteeService } from '../committee/service.js';
import type { BoardService } from '../board/service.js'; // board

/** The parts every route may use, whatever its context (services/platform/platformDeps.ts). */
export type { PlatformDeps } from '../platform/platformDeps.js';

/** Each context's services as its module builds them (services/contexts.ts), e.g. `deps.assembly`, `deps.decisions`. */
export type ContextServicesDeps = ContextServices<typeof contexts>;

/** Contexts wired by hand (services/runtime.ts) until they have a module on services/contexts.ts. */
export interface HandWiredDeps {
  readonly residents: ResidentsService;
  readonly disputes: DisputesService;
  readonly joint: JointService;
  // funds, supervision
  readonly funds: FundsService;
  readonly supervision: SupervisionService;
  /** hiring: the property firm (services/hiring). */
  readonly hiring: HiringService;
  // committee
  readonly committee: CommitteeService;
  /** board: the notice board's setting and who may read it (services/board). */
  readonly board: BoardService;
}

/** A context's service may not be named like a platform part: `deps.<name>` would mean two things. */
type NoClash<T extends never> = T;
export type _ContextNamesAreFree = NoClash<keyof PlatformDeps & (keyof ContextServicesDeps | keyof HandWiredDeps)>;

export type AppDeps = PlatformDeps & ContextServicesDeps & HandWiredDeps;

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
  }
}
