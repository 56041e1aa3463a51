/**
 * The assembly's refusals: stable snake_case codes, each with one kind (invalid → 400, forbidden → 403,
 * not_found → 404, conflict → 409; the HTTP layer maps kinds in one place).
 */
import { refuserFor, type DomainErrorKind } from '../shared/errors.js';

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
  invalid_form: 'invalid',
  invalid_proposal: 'invalid',
  scope_differs_from_charge_scope: 'invalid',
  too_many_approvals: 'invalid',
  invalid_petition: 'invalid',
  invalid_delivery: 'invalid',
  invalid_objection: 'invalid',
  invalid_revocation: 'invalid',
  invalid_evidence_ref: 'invalid',
  unknown_buildings: 'invalid',
  instant_out_of_range: 'invalid',
  // 403
  not_entitled: 'forbidden',
  // 404
  motion_not_found: 'not_found',
  unit_not_in_roll: 'not_found',
  petition_not_found: 'not_found',
  objection_not_found: 'not_found',
  ballot_not_found: 'not_found',
  decision_not_found: 'not_found',
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
  // raised by the service: a ballot that reached the log after the close (recorded, not counted)
  ballot_after_close: 'conflict',
  petition_already_exists: 'conflict',
  already_signed: 'conflict',
  no_objection_window: 'conflict',
  objection_already_filed: 'conflict',
  objection_already_answered: 'conflict',
  ballot_already_invalid: 'conflict',
  preliminary_result_required: 'conflict',
  objection_window_open: 'conflict',
  objections_unanswered: 'conflict',
  decision_revoked: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type AssemblyErrorCode = keyof typeof assemblyErrorCodes;

/** A refusal with the kind its code always has. */
export const refuse = refuserFor(assemblyErrorCodes);
