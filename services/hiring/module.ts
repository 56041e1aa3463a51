/**
 * Hiring the property firm (选聘物业) as a context module (services/platform/contextModule.ts). It reaches the
 * registry and the assembly through its own ports (services/hiring/ports.ts); their modules are listed before it.
 */
import { hiringErrorCodes } from '../../domain/hiring/index.js';
import { hiringProjection } from '../../projections/hiring/index.js';
import { defineContext, lazyRoutes, type ServiceDeps } from '../platform/contextModule.js';
import { hiringDeadlineSource } from './deadlines.js';
import type { AssemblyMotions, RegistryReader } from './ports.js';
import { contractDrafter, feeAdjustmentResolver, feeStandardApplier } from './reactors.js';
import { hiringService } from './service.js';

export const hiringModule = defineContext({
  name: 'hiring',
  errorCodes: hiringErrorCodes,
  projections: [hiringProjection],
  routes: [lazyRoutes(async () => (await import('./routes.js')).hiringRoutes)],
  services: ({ store, assembly, registry }: ServiceDeps & { readonly assembly: AssemblyMotions; readonly registry: RegistryReader }) => ({
    hiring: hiringService(store, { assembly, registry }),
  }),
  reactors: ({ hiring }) => [contractDrafter(hiring), feeAdjustmentResolver(hiring), feeStandardApplier(hiring)],
  deadlineSources: ({ hiring }) => [hiringDeadlineSource(hiring)],
});
