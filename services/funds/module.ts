/** The funds as one module for services/contexts.ts (until it lands, wired by hand, marked `// funds`). */
import { fundsErrorCodes } from '../../domain/funds/index.js';
import { fundsProjection } from '../../projections/funds/index.js';
import type { AppDeps } from '../api/deps.js';
import { fundsDeadlineSource } from './deadlines.js';
import { fundsRoutes } from './routes.js';

export const fundsModule = {
  name: 'funds',
  errorCodes: fundsErrorCodes,
  projections: [fundsProjection],
  reactors: (_deps: AppDeps) => [],
  deadlineSources: (_deps: AppDeps) => [fundsDeadlineSource()],
  routes: fundsRoutes,
};
