/**
 * The notice board (公告栏) as a context module (services/platform/contextModule.ts): its public setting and
 * who may read it (`deps.board`), and its pages, composed from the other contexts' read models.
 */
import { boardErrorCodes } from '../../domain/board/index.js';
import { defineContext, lazyRoutes, type ServiceDeps } from '../platform/contextModule.js';
import { boardService } from './service.js';

export const boardModule = defineContext({
  name: 'board',
  errorCodes: boardErrorCodes,
  projections: [],
  routes: [lazyRoutes(async () => (await import('./routes.js')).boardRoutes)],
  services: ({ store, signingKey }: ServiceDeps) => ({ board: boardService(store, signingKey) }),
});
