/** The owners' assembly (业主大会) as a context module (services/platform/contextModule.ts). */
import { assemblyErrorCodes } from '../../domain/assembly/index.js';
import { assemblyProjection } from '../../projections/assembly/index.js';
import { defineContext, lazyRoutes } from '../platform/contextModule.js';
import { assemblyService } from './service.js';

export const assemblyModule = defineContext({
  name: 'assembly',
  errorCodes: assemblyErrorCodes,
  projections: [assemblyProjection],
  reactors: [],
  deadlineSources: [],
  routes: [lazyRoutes(async () => (await import('../api/routes/motions.js')).motionRoutes)],
  service: ({ store }) => assemblyService(store),
});
