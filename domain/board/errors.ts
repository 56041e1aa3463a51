/** The notice board's refusals: stable snake_case codes, each with one kind (the HTTP layer maps kinds). */
import type { DomainError, DomainErrorKind } from '../shared/errors.js';

export const boardErrorCodes = {
  // 400: a page's ?asOf= that is neither a position nor an instant (services/board/asOfQuery.ts)
  invalid_as_of: 'invalid',
  // 403
  not_entitled: 'forbidden',
  // 409
  visibility_unchanged: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type BoardErrorCode = keyof typeof boardErrorCodes;

export function refuse(code: BoardErrorCode, message: string, details?: Record<string, unknown>): DomainError {
  return { error: boardErrorCodes[code], code, message, ...(details ? { details } : {}) };
}
