/** Joint meetings of the three parties (三方联席会议) as a context module (services/platform/contextModule.ts). */
import { jointErrorCodes } from '../../domain/joint/index.js';
import { jointProjection } from '../../projections/joint/index.js';
import { defineContext, lazyRoutes, type ServiceDeps } from '../platform/contextModule.js';
import { jointDeadlineSource } from './deadlines.js';
import { jointService } from './service.js';

export const jointModule = defineContext({
  name: 'joint',
  errorCodes: jointErrorCodes,
  projections: [jointProjection],
  routes: [lazyRoutes(async () => (await import('./routes.js')).jointRoutes)],
  services: ({ store }: ServiceDeps) => ({ joint: jointService(store) }),
  deadlineSources: () => [jointDeadlineSource],
});
