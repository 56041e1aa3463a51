/**
 * The notice board's service: its setting (one stream per compound, folded on each read: a handful of
 * events) and who may read a compound's board: anyone when the setting says public, otherwise any grant on
 * the compound. Without a token on a private board the answer is 404, as for a compound that does not exist.
 */
import type { FastifyRequest } from 'fastify';
import { boardDecider, boardStreamId, type BoardCommand, type BoardState } from '../../domain/board/index.js';
import type { DomainError } from '../../domain/shared/errors.js';
import { principalOf, requireRole } from '../api/authenticate.js';
import { HttpProblem } from '../api/problem.js';
import { roles, type Principal } from '../auth/grants.js';
import type { KeyRing } from '../auth/keys.js'; // trust17
import { handleCommand, loadState, type CommandEnvelope, type Handled } from '../commands/handler.js';
import type { EventStore } from '../store/port.js';

export interface BoardService {
  state(compoundId: string): Promise<BoardState>;
  run(compoundId: string, command: BoardCommand, cmd: CommandEnvelope): Promise<Handled<BoardState> | DomainError>;
  /**
   * The reader of a compound's board: null for anyone on a public board (a token, if sent, must still be
   * valid: 401 otherwise), else the principal holding a grant on the compound (404 without a token, 403
   * with a token that holds none). Tokens come in the Authorization header only, never in the URL.
   */
  reader(request: FastifyRequest, compoundId: string): Promise<{ principal: Principal | null; public: boolean }>;
}

export function boardService(store: EventStore, signingKey: KeyRing): BoardService {
  const state = async (compoundId: string) => (await loadState(store, boardDecider, boardStreamId(compoundId))).state;
  return {
    state,
    run: (compoundId, command, cmd) => handleCommand(store, boardDecider, boardStreamId(compoundId), command, cmd, {}),
    async reader(request, compoundId) {
      const principal = await principalOf(request, signingKey);
      const setting = await state(compoundId);
      if (setting.public) return { principal, public: true };
      if (!principal) throw new HttpProblem(404, 'compound_not_found', `No public notice board for ${compoundId}; sign in with a grant on the compound`);
      requireRole(principal, compoundId, roles);
      return { principal, public: false };
    },
  };
}
