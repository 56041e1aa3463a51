/**
 * The assembly's refusals: stable snake_case codes, each with one kind (invalid → 400, forbidden → 403,
 * not_found → 404, conflict → 409; the HTTP layer maps kinds in one place).
 */
import type { DomainError, DomainErrorKind } from '../shared/errors.js';

export const assemblyErrorCodes = {
  // 400
  invalid_motion: 'invalid',
  no_rule_pack: 'invalid',
  window_out_of_bounds: 'invalid',
  opens_too_soon: 'invalid',
  deemed_votes_not_allowed: 'invalid',
  invalid_roll: 'invalid',
  invalid_totals: 'invalid',
  invalid_choice: 'invalid',
  invalid_channel: 'invalid',
  invalid_mandate: 'invalid',
  mandate_not_applicable: 'invalid',
  principal_not_owner: 'invalid',
  evidence_required: 'invalid',
  invalid_evidence_ref: 'invalid',
  unknown_buildings: 'invalid',
  instant_out_of_range: 'invalid',
  // 403
  not_entitled: 'forbidden',
  // 404
  motion_not_found: 'not_found',
  unit_not_in_roll: 'not_found',
  // 409
  motion_already_exists: 'conflict',
  motion_cancelled: 'conflict',
  notice_already_published: 'conflict',
  notice_too_late: 'conflict',
  notice_not_published: 'conflict',
  notice_period_not_run: 'conflict',
  too_early_to_open: 'conflict',
  opening_too_late: 'conflict',
  motion_already_open: 'conflict',
  motion_not_open: 'conflict',
  too_early_to_close: 'conflict',
  motion_not_closed: 'conflict',
  result_already_published: 'conflict',
  mandate_already_registered: 'conflict',
  proxy_limit_reached: 'conflict',
  ballot_already_cast: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type AssemblyErrorCode = keyof typeof assemblyErrorCodes;

/** A refusal with the kind its code always has. */
export function refuse(code: AssemblyErrorCode, message: string, details?: Record<string, unknown>): DomainError {
  return { error: assemblyErrorCodes[code], code, message, ...(details ? { details } : {}) };
}
