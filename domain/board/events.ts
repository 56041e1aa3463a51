/** Events of the notice board (公示栏). One stream per compound: `board-<compoundId>`. */
import type { DomainEvent } from '../shared/decider.js';

/** 公示栏公开设置: whether the compound's notice board is shown to anyone, without a token. */
export interface BoardVisibilitySetData {
  readonly compoundId: string;
  readonly public: boolean;
  readonly setAt: string;
}

export type BoardEvent = DomainEvent<'BoardVisibilitySet', BoardVisibilitySetData>;
export const boardEventTypes = ['BoardVisibilitySet'] as const;

export const boardStreamId = (compoundId: string): string => `board-${compoundId}`;
