/**
 * The committee context as a module, for the lead to slot into the module list (services/contexts.ts): its
 * name, error codes, projections, reactors, deadline sources and routes.
 */
import { committeeErrorCodes } from '../../domain/committee/index.js';
import { committeeProjection } from '../../projections/committee/index.js';
import type { AssemblyService } from '../assembly/service.js';
import type { Reactor } from '../platform/reactor.js';
import type { DeadlineSource } from '../platform/deadlines.js';
import type { RegistryService } from '../registry/service.js';
import { committeeDeadlineSource } from './deadlines.js';
import { membershipEnds, seatElected } from './reactors.js';
import { committeeRoutes } from './routes.js';
import type { CommitteeService } from './service.js';

export interface CommitteeModuleDeps {
  readonly committee: CommitteeService;
  readonly assembly: AssemblyService;
  readonly registry: RegistryService;
}

export const committeeModule = {
  name: 'committee',
  errorCodes: committeeErrorCodes,
  projections: [committeeProjection],
  reactors: (deps: CommitteeModuleDeps): Reactor[] => [seatElected(deps), membershipEnds(deps)],
  deadlineSources: (_deps: CommitteeModuleDeps): DeadlineSource[] => [committeeDeadlineSource()],
  routes: committeeRoutes,
} as const;
