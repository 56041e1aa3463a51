/**
 * The owners' committee (业主委员会) as a context module (services/platform/contextModule.ts). It reaches the
 * registry and the assembly through its own ports (services/committee/ports.ts); their modules are listed
 * before it.
 */
import { committeeErrorCodes } from '../../domain/committee/index.js';
import { committeeProjection } from '../../projections/committee/index.js';
import { defineContext, lazyRoutes, type ServiceDeps } from '../platform/contextModule.js';
import { committeeDeadlineSource } from './deadlines.js';
import type { AssemblyMotions, RegistryReader } from './ports.js';
import { membershipEnds, removalDecided, seatElected } from './reactors.js';
import { committeeService } from './service.js';

export const committeeModule = defineContext({
  name: 'committee',
  errorCodes: committeeErrorCodes,
  projections: [committeeProjection],
  routes: [lazyRoutes(async () => (await import('./routes.js')).committeeRoutes)],
  services: ({ store, registry, assembly }: ServiceDeps & { readonly registry: RegistryReader; readonly assembly: AssemblyMotions }) => ({
    committee: committeeService({ store, registry, assembly }),
  }),
  reactors: (deps) => [seatElected(deps), membershipEnds(deps), removalDecided(deps)],
  deadlineSources: () => [committeeDeadlineSource()],
});
