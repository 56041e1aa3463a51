/** The notice board as one module for services/contexts.ts (until it lands, wired by hand, marked `// board`). */
import { boardErrorCodes } from '../../domain/board/index.js';
import type { AppDeps } from '../api/deps.js';
import { boardRoutes } from './routes.js';

export const boardModule = {
  name: 'board',
  errorCodes: boardErrorCodes,
  projections: [],
  reactors: (_deps: AppDeps) => [],
  deadlineSources: (_deps: AppDeps) => [],
  routes: boardRoutes,
};
