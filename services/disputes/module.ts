/** Disputes and their mediation (人民调解) as a context module (services/platform/contextModule.ts). */
import { disputesErrorCodes } from '../../domain/disputes/index.js';
import { disputesProjection } from '../../projections/disputes/index.js';
import { defineContext, lazyRoutes, type ServiceDeps } from '../platform/contextModule.js';
import { disputesDeadlineSource } from './deadlines.js';
import { disputesService } from './service.js';

export const disputesModule = defineContext({
  name: 'disputes',
  errorCodes: disputesErrorCodes,
  projections: [disputesProjection],
  routes: [lazyRoutes(async () => (await import('./routes.js')).disputeRoutes)],
  services: ({ store }: ServiceDeps) => ({ disputes: disputesService(store) }),
  deadlineSources: () => [disputesDeadlineSource],
});
