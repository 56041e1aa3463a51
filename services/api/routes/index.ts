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
  await app.register(compoundRoutes);
  await app.register(motionRoutes);
  await app.register(deadlineRoutes);
  await app.register(decisionRoutes);
  await app.register(correctionRoutes);
  await app.register(residentsRoutes);
  await app.register(disputeRoutes);
  await app.register(jointRoutes);
  await app.register(logRoutes);
  // funds, supervision
  await app.register(fundsRoutes);
  await app.register(supervisionRoutes);
  await app.register(hiringRoutes); // hiring
  // committee
  await app.register(committeeRoutes);
  await app.register(boardRoutes); // board
};
