/** The disputes context's refusals (纠纷调解): stable codes, each with one kind. */
import type { DomainError, DomainErrorKind } from '../shared/errors.js';

export const disputesErrorCodes = {
  invalid_dispute: 'invalid',
  invalid_mediation: 'invalid',
  not_entitled: 'forbidden',
  dispute_not_found: 'not_found',
  dispute_exists: 'conflict',
  mediation_not_started: 'conflict',
  mediation_already_started: 'conflict',
  mediation_ended: 'conflict',
  extension_not_allowed: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type DisputesErrorCode = keyof typeof disputesErrorCodes;

export function refuse(code: DisputesErrorCode, message: string, details?: Record<string, unknown>): DomainError {
  return { error: disputesErrorCodes[code], code, message, ...(details ? { details } : {}) };
}
