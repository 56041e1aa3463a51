/** Refusals of personal-data protection: stable snake_case codes, each with one kind (the HTTP layer maps kinds). */
import type { DomainError, DomainErrorKind } from '../shared/errors.js';

export const personalDataErrorCodes = {
  // 400
  reason_required: 'invalid',
  // 403
  not_entitled: 'forbidden',
  // 404
  person_not_found: 'not_found',
  // 409
  still_an_owner: 'conflict',
  retention_period_running: 'conflict',
  already_erased: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type PersonalDataErrorCode = keyof typeof personalDataErrorCodes;

export function refuse(code: PersonalDataErrorCode, message: string, details?: Record<string, unknown>): DomainError {
  return { error: personalDataErrorCodes[code], code, message, ...(details ? { details } : {}) };
}
