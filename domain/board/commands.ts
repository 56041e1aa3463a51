/** Commands of the notice board (公示栏). */
import type { ActorFacts } from '../assembly/index.js';

/** Make a compound's notice board public (anyone may read it without a token) or not (any grant on the compound). */
export interface SetBoardVisibility {
  readonly type: 'SetBoardVisibility';
  readonly data: { readonly compoundId: string; readonly public: boolean };
  readonly by: ActorFacts;
}

export type BoardCommand = SetBoardVisibility;
