/** Residents' meetings (居民会议、居民代表会议) as a context module (services/platform/contextModule.ts). */
import { residentsErrorCodes } from '../../domain/residents/index.js';
import { residentsProjection } from '../../projections/residents/index.js';
import { defineContext, lazyRoutes, type ServiceDeps } from '../platform/contextModule.js';
import { residentsDeadlineSource } from './deadlines.js';
import { residentsService } from './service.js';

export const residentsModule = defineContext({
  name: 'residents',
  errorCodes: residentsErrorCodes,
  projections: [residentsProjection],
  routes: [lazyRoutes(async () => (await import('./routes.js')).residentsRoutes)],
  services: ({ store }: ServiceDeps) => ({ residents: residentsService(store) }),
  deadlineSources: () => [residentsDeadlineSource],
});
