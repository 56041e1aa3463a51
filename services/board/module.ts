/**
 * The notice board (公告栏) as a context module (services/platform/contextModule.ts): its public setting and
 * who may read it (`deps.board`), and its pages, composed from the other contexts' read models; and the signed,
 * pseudonymised export of a compound's log (`deps.export`, services/export).
 */
import { boardErrorCodes } from '../../domain/board/index.js';
import { defineContext, lazyRoutes, type ServiceDeps } from '../platform/contextModule.js';
import { boardService } from './service.js';
import { exportCompound } from '../export/exportCompound.js';

export const boardModule = defineContext({
  name: 'board',
  errorCodes: boardErrorCodes,
  projections: [],
  routes: [
    lazyRoutes(async () => (await import('./routes.js')).boardRoutes),
    // The signed, pseudonymised export anyone can verify (#16 item 4): services/export, verifier/.
    lazyRoutes(async () => (await import('../export/routes.js')).exportRoutes),
  ],
  services: ({ store, signingKey, logKey, exportKey }: ServiceDeps) => ({
    board: boardService(store, signingKey),
    /** A compound's signed, pseudonymised export at `now`; null when there is no such compound. */
    export: { compound: (compoundId: string, now: Date) => exportCompound(store, compoundId, { logKey, exportKey }, now) },
  }),
});
