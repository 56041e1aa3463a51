/** The notice board's setting as its stream has it: private until someone entitled makes it public. */
import { assertNever } from '../shared/decider.js';
import type { BoardEvent } from './events.js';

/** 公示栏: `public` = anyone may read the board without a token; otherwise any grant on the compound. */
export interface BoardState {
  readonly public: boolean;
  readonly setAt: string | null;
}

export const initialState = (): BoardState => ({ public: false, setAt: null });

export function evolve(state: BoardState, event: BoardEvent): BoardState {
  switch (event.type) {
    case 'BoardVisibilitySet':
      return { public: event.data.public, setAt: event.data.setAt };
    default:
      return assertNever(event.type);
  }
}
