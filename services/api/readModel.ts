/**
 * Reading a compound's read-model views, the same way on every route: the caller holds one of the roles on
 * the compound (401 without a valid token, 403 without the role); the read model has every event this
 * process acknowledged and, with `?after=<position>`, that position (a position beyond the log's head, which
 * no command returned, is `400 position_beyond_log` at once; still behind after 5 s, `504 read_model_behind`);
 * and the projections the view is made of have not failed for the compound (`503 projection_failed`,
 * projected.ts), rather than showing a partial state as if it were whole.
 */
import type { FastifyRequest } from 'fastify';
import { requirePrincipal, requireRole } from './authenticate.js';
import { HttpProblem } from './problem.js';
import { requireProjected } from './projected.js';
import type { Principal, Role } from '../auth/grants.js';
import type { PlatformDeps } from '../platform/platformDeps.js';

/** How long a read waits for the read model before answering 504. */
export const READ_MODEL_WAIT_MS = 5_000;

export interface ReadModelGate {
  /**
   * Waits for the read model (this process's commands and `after`), then checks that none of `projections`
   * failed for the compound. Returns the position waited for.
   */
  caughtUp(compoundId: string, projections: readonly string[], after?: string): Promise<bigint>;
  /** The caller, holding one of `roles` on the compound (or admin), once `caughtUp` holds. */
  readable(request: FastifyRequest, compoundId: string, view: { readonly roles: readonly Role[]; readonly projections: readonly string[]; readonly after?: string | undefined }): Promise<Principal>;
}

export function readModelGate(deps: Pick<PlatformDeps, 'signingKey' | 'commands' | 'runner' | 'read' | 'store'>): ReadModelGate {
  const { signingKey, commands, runner, read, store } = deps;
  const caughtUp: ReadModelGate['caughtUp'] = async (compoundId, projections, after) => {
    const acknowledged = commands.lastAppended();
    const target = after === undefined ? acknowledged : BigInt(after);
    if (target > runner.position()) {
      // Only a wait that is due reads the head: a position no command returned would otherwise hold the request.
      const head = after === undefined ? target : await store.headPosition();
      if (target > head) throw new HttpProblem(400, 'position_beyond_log', `No command has returned position ${target}: the log ends at ${head}`, { head: head.toString() });
    }
    const wanted = target > acknowledged ? target : acknowledged;
    if (!(await runner.waitFor(wanted, READ_MODEL_WAIT_MS))) throw new HttpProblem(504, 'read_model_behind', `The read model has not reached position ${wanted} yet; retry`);
    for (const projection of projections) requireProjected(read, projection, compoundId);
    return wanted;
  };
  return {
    caughtUp,
    async readable(request, compoundId, { roles, projections, after }) {
      const principal = await requirePrincipal(request, signingKey);
      requireRole(principal, compoundId, roles);
      await caughtUp(compoundId, projections, after);
      return principal;
    },
  };
}
