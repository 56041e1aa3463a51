/** The notice board's decider: who may open the board to the public, and recording it once per change. */
import { holdsAny } from '../assembly/index.js';
import { assertNever, type DecideContext, type Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/errors.js';
import type { BoardCommand } from './commands.js';
import { refuse } from './errors.js';
import type { BoardEvent } from './events.js';
import { BOARD_SETTERS } from './rules.js';
import { evolve, initialState, type BoardState } from './state.js';

export function decide(command: BoardCommand, state: BoardState, ctx: DecideContext): readonly BoardEvent[] | DomainError {
  switch (command.type) {
    case 'SetBoardVisibility': {
      if (!holdsAny(command.by, BOARD_SETTERS)) return refuse('not_entitled', 'the board is opened or closed by the OC, the RC, the street office or an admin');
      if (state.public === command.data.public) {
        return refuse('visibility_unchanged', `the board is already ${state.public ? 'public' : 'private'}`, { public: state.public });
      }
      return [{ type: 'BoardVisibilitySet', data: { compoundId: command.data.compoundId, public: command.data.public, setAt: ctx.now.toISOString() } }];
    }
    default:
      return assertNever(command.type);
  }
}

export const boardDecider: Decider<BoardState, BoardCommand, BoardEvent> = { initialState, evolve, decide };
