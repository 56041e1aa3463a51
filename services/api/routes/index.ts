/** Every route plugin, registered in one place: the platform's, then every context's (services/contexts.ts). */
import type { FastifyPluginAsync } from 'fastify';
import { contexts } from '../../contexts.js';
import { adminRoutes } from './admin.js';
import { deadlineRoutes } from './deadlines.js';
import { healthRoutes } from './health.js';
import { logRoutes } from './log.js';
// wired by hand until they have a module on services/contexts.ts:
import { residentsRoutes } from '../../residents/routes.js';
import { disputeRoutes } from '../../disputes/routes.js';
import { jointRoutes } from '../../joint/routes.js';
// funds, supervision
import { fundsRoutes } from '../../funds/routes.js';
import { supervisionRoutes } from '../../supervision/routes.js';
import { hiringRoutes } from '../../hiring/routes.js'; // hiring
// committee
import { committeeRoutes } from '../../committee/routes.js';
import { boardRoutes } from '../../board/routes.js'; // board

export const routes: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes);
  await app.register(adminRoutes);
  await app.register(deadlineRoutes);
  await app.register(logRoutes);
  for (const context of contexts) {
    for (const plugin of context.routes) await app.register(plugin);
  }
  // wired by hand
  await app.register(residentsRoutes);
  await app.register(disputeRoutes);
  await app.register(jointRoutes);
  // funds, supervision
  await app.register(fundsRoutes);
  await app.register(supervisionRoutes);
  await app.register(hiringRoutes); // hiring
  // committee
  await app.register(committeeRoutes);
  await app.register(boardRoutes); // board
};
