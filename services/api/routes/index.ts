/** Every route plugin, registered in one place: the platform's, then every context's (services/contexts.ts). */
import type { FastifyPluginAsync } from 'fastify';
import { contexts } from '../../contexts.js';
import { adminRoutes } from './admin.js';
import { deadlineRoutes } from './deadlines.js';
import { healthRoutes } from './health.js';
import { logRoutes } from './log.js';

export const routes: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes);
  await app.register(adminRoutes);
  await app.register(deadlineRoutes);
  await app.register(logRoutes);
  for (const context of contexts) {
    for (const plugin of context.routes) await app.register(plugin);
  }
};
