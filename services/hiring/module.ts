/** The hiring context as a module, for the lead's module list (services/contexts.ts). */
import { hiringErrorCodes } from '../../domain/hiring/index.js';
import { hiringProjection } from '../../projections/hiring/index.js';
import type { DeadlineSource } from '../platform/deadlines.js';
import type { Reactor } from '../platform/reactor.js';
import { hiringDeadlineSource } from './deadlines.js';
import { contractDrafter, feeAdjustmentResolver, feeStandardApplier } from './reactors.js';
import { hiringRoutes } from './routes.js';
import type { HiringService } from './service.js';

export const hiringModule = {
  name: 'hiring',
  errorCodes: hiringErrorCodes,
  projections: [hiringProjection],
  reactors: (deps: { hiring: HiringService }): Reactor[] => [contractDrafter(deps.hiring), feeAdjustmentResolver(deps.hiring), feeStandardApplier(deps.hiring)],
  deadlineSources: (deps: { hiring: HiringService }): DeadlineSource[] => [hiringDeadlineSource(deps.hiring)],
  routes: hiringRoutes,
};
