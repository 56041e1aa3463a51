/**
 * The owners' assembly (业主大会) as a context module (services/platform/contextModule.ts): motions and
 * their votes (`deps.assembly`), and what follows the vote, decisions and petitions (`deps.decisions`). It
 * reads the registry through its own port, `RegistryReader`; the registry's module is listed before it.
 */
import { assemblyErrorCodes, assemblyUpcasters } from '../../domain/assembly/index.js';
import { assemblyProjection } from '../../projections/assembly/index.js';
import { committeeMotionGate } from './committeeGate.js';
import { defineContext, lazyRoutes, type ServiceDeps } from '../platform/contextModule.js';
import { assemblyDeadlineSource } from './deadlines.js';
import { decisionReads, decisionsService } from './decisions.js';
import { timeTravellingRead } from '../api/asOf/timeTravel.js';
import { decisionNotifier } from './reactors.js';
import type { RegistryReader } from './registryReader.js';
import { assemblyService } from './service.js';

export const assemblyModule = defineContext({
  name: 'assembly',
  errorCodes: assemblyErrorCodes,
  upcasters: assemblyUpcasters,
  projections: [assemblyProjection],
  routes: [
    lazyRoutes(async () => (await import('../api/routes/motions.js')).motionRoutes),
    lazyRoutes(async () => (await import('./decisionRoutes.js')).decisionRoutes),
  ],
  services: ({ store, read, runner, registry }: ServiceDeps & { readonly registry: RegistryReader }) => {
    const assembly = assemblyService(store, { registry, read, runner, gate: committeeMotionGate(store) });
    return { assembly, decisions: decisionsService({ store, read, runner, assembly, registry }) };
  },
  // ?asOf=: the decisions and petitions the routes read are the compound's as of then (services/api/asOf).
  timeTravel: ({ decisions, read }) => ({ decisions: { ...decisions, ...decisionReads(timeTravellingRead(read)) } }),
  reactors: ({ assembly }) => [decisionNotifier(assembly)],
  deadlineSources: ({ assembly, registry }) => [assemblyDeadlineSource({ assembly, registry })],
});
