/**
 * The maintenance funds (专项维修资金) as a context module (services/platform/contextModule.ts). It reads the
 * registry and the owners' decisions through its own ports (services/funds/ports.ts); the registry's and the
 * assembly's modules are listed before it.
 */
import { fundsErrorCodes } from '../../domain/funds/index.js';
import { timeTravellingRead } from '../api/asOf/timeTravel.js';
import { defineContext, lazyRoutes, type ServiceDeps } from '../platform/contextModule.js';
import { fundsProjection } from '../../projections/funds/index.js';
import { fundsDeadlineSource } from './deadlines.js';
import type { DecisionReader, RegistryReader } from './ports.js';
import { fundsReadingFrom, fundsService } from './service.js';

export const fundsModule = defineContext({
  name: 'funds',
  errorCodes: fundsErrorCodes,
  projections: [fundsProjection],
  routes: [lazyRoutes(async () => (await import('./routes.js')).fundsRoutes)],
  services: ({ store, read, registry }: ServiceDeps & { readonly registry: RegistryReader }) => ({
    funds: fundsService({ store, read, registry }),
  }),
  deadlineSources: () => [fundsDeadlineSource()],
  // The routes' service reads the request's past view when it asked for one (`?asOf=`); commands never run in one.
  timeTravel: ({ funds, read }) => ({ funds: fundsReadingFrom(funds, timeTravellingRead(read)) }),
});
