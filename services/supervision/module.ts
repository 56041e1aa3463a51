/**
 * The supervisory board (监事会) as a context module (services/platform/contextModule.ts). It reads the owners'
 * decisions through its own port (services/supervision/ports.ts); the assembly's module is listed before it.
 */
import { supervisionErrorCodes } from '../../domain/supervision/index.js';
import { timeTravellingRead, viewAsOf } from '../api/asOf/timeTravel.js';
import { defineContext, lazyRoutes, type ServiceDeps } from '../platform/contextModule.js';
import { supervisionDeadlineSource } from './deadlines.js';
import { supervisionService } from './service.js';

export const supervisionModule = defineContext({
  name: 'supervision',
  errorCodes: supervisionErrorCodes,
  projections: [],
  routes: [lazyRoutes(async () => (await import('./routes.js')).supervisionRoutes)],
  services: ({ store, read }: ServiceDeps) => ({ supervision: supervisionService({ store, read }) }),
  deadlineSources: () => [supervisionDeadlineSource()],
  // The routes' service reads the request's past view when it asked for one (`?asOf=`); commands never run in one.
  timeTravel: ({ store, read }) => ({
    supervision: supervisionService({ store, read: timeTravellingRead(read), cut: (compoundId) => (viewAsOf()?.compoundId === compoundId ? viewAsOf()!.position : undefined) }),
  }),
});
