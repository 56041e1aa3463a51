/**
 * The signed, pseudonymised export of a compound's log as a context module (services/platform/contextModule.ts):
 * routes only (`GET /v1/compounds/{id}/export`); its key is a platform part (`deps.exportKey`).
 */
import { defineContext, lazyRoutes, type ServiceDeps } from '../platform/contextModule.js';
import { exportCompound } from './exportCompound.js';

export const exportModule = defineContext({
  name: 'export',
  errorCodes: {},
  projections: [],
  routes: [lazyRoutes(async () => (await import('./routes.js')).exportRoutes)],
  services: ({ store, logKey, exportKey }: ServiceDeps) => ({
    /** A compound's signed, pseudonymised export at `now`; null when there is no such compound. */
    export: { compound: (compoundId: string, now: Date) => exportCompound(store, compoundId, { logKey, exportKey }, now) },
  }),
});
