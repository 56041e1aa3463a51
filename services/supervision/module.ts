/** The supervision as one module for services/contexts.ts (until it lands, wired by hand, marked `// supervision`). */
import { supervisionErrorCodes } from '../../domain/supervision/index.js';
import type { AppDeps } from '../api/deps.js';
import { supervisionDeadlineSource } from './deadlines.js';
import { supervisionRoutes } from './routes.js';

export const supervisionModule = {
  name: 'supervision',
  errorCodes: supervisionErrorCodes,
  projections: [],
  reactors: (_deps: AppDeps) => [],
  deadlineSources: (_deps: AppDeps) => [supervisionDeadlineSource()],
  routes: supervisionRoutes,
};
