/** Every route plugin, registered in one place. */
import type { FastifyPluginAsync } from 'fastify';
import { adminRoutes } from './admin.js';
import { compoundRoutes } from './compounds.js';
import { deadlineRoutes } from './deadlines.js';
import { healthRoutes } from './health.js';
import { logRoutes } from './log.js';
import { motionRoutes } from './motions.js';
import { decisionRoutes } from '../../assembly/decisionRoutes.js';
import { correctionRoutes } from '../../registry/correctionRoutes.js';
// committee
import { committeeRoutes } from '../../committee/routes.js';

export const routes: FastifyPluginAsync = async (app) => {
  await app.register(healthRoutes);
  await app.register(adminRoutes);
  await app.register(compoundRoutes);
  await app.register(motionRoutes);
  await app.register(deadlineRoutes);
  await app.register(decisionRoutes);
  await app.register(correctionRoutes);
  await app.register(logRoutes);
  // committee
  await app.register(committeeRoutes);
};
