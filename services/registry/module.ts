/** The compound registry (小区登记) as a context module (services/platform/contextModule.ts). */
import { registryErrorCodes } from '../../domain/registry/index.js';
import { registryProjections } from '../../projections/registry/index.js';
import { defineContext, lazyRoutes, type ServiceDeps } from '../platform/contextModule.js';
import { timeTravellingRegistry } from './asOf.js';
import { registryService } from './service.js';

export const registryModule = defineContext({
  name: 'registry',
  errorCodes: registryErrorCodes,
  projections: registryProjections,
  routes: [
    lazyRoutes(async () => (await import('../api/routes/compounds.js')).compoundRoutes),
    lazyRoutes(async () => (await import('./correctionRoutes.js')).correctionRoutes),
  ],
  services: ({ store }: ServiceDeps) => ({ registry: registryService(store) }),
  // ?asOf= on the registry's views: the compound folded up to the point.
  timeTravel: ({ registry, store }) => ({ registry: timeTravellingRegistry(registry, store) }),
});
