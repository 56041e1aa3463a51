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
    // pipl: erasure and the record of staff reads of the registry's personal data (services/personalData).
    lazyRoutes(async () => (await import('./personalDataRoutes.js')).personalDataRoutes),
  ],
  // pipl: owners' names and contacts are sealed per person before they reach the log.
  services: ({ store, personalData }: ServiceDeps) => ({ registry: registryService(store, personalData.sealRegistry) }),
  // ?asOf= on the registry's views: the compound folded up to the point.
  timeTravel: ({ registry, store }) => ({ registry: timeTravellingRegistry(registry, store) }),
});
