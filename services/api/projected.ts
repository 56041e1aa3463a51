/**
 * Views over a scope whose projection failed answer so, instead of showing a partial state as if it were
 * whole or waiting for a read model that will not move: 503 `projection_failed` with the projection, the
 * event's position and the reason (services/projections/runner.ts records them).
 */
import { failureId, PROJECTION_FAILURES, type ProjectionFailure, type ReadView } from '../projections/readStore.js';
import { HttpProblem } from './problem.js';

export function requireProjected(read: Pick<ReadView, 'get'>, projection: string, scope: string): void {
  const failure = read.get<ProjectionFailure>(PROJECTION_FAILURES, failureId(projection, scope));
  if (failure) {
    throw new HttpProblem(503, 'projection_failed', `The ${projection} view of this compound stopped at event ${failure.position} (${failure.eventType}): ${failure.reason}`, {
      projection: failure.projection,
      position: failure.position,
      eventType: failure.eventType,
      reason: failure.reason,
    });
  }
}
