/**
 * The funds' refusals: stable snake_case codes, each with one kind (invalid → 400, forbidden → 403,
 * not_found → 404, conflict → 409; the HTTP layer maps kinds in one place).
 */
import { refuserFor, type DomainErrorKind } from '../shared/errors.js';

export const fundsErrorCodes = {
  // 400
  invalid_amount: 'invalid',
  invalid_rate: 'invalid',
  evidence_required: 'invalid',
  invalid_emergency: 'invalid',
  developer_pays_unsold: 'invalid',
  first_deposit_differs: 'invalid',
  no_units_in_scope: 'invalid',
  invalid_period: 'invalid',
  // 403
  not_entitled: 'forbidden',
  // 404
  fund_not_open: 'not_found',
  unit_not_found: 'not_found',
  release_not_found: 'not_found',
  transfer_not_found: 'not_found',
  no_decision: 'not_found',
  // 409
  fund_already_open: 'conflict',
  first_deposit_already_made: 'conflict',
  first_deposit_required: 'conflict',
  release_already_exists: 'conflict',
  not_a_fund_decision: 'conflict',
  decision_revoked: 'conflict',
  decision_without_terms: 'conflict',
  amount_exceeds_budget: 'conflict',
  charge_scope_differs: 'conflict',
  contractor_differs: 'conflict',
  advance_exceeds_limit: 'conflict',
  advance_already_held: 'conflict',
  insufficient_funds: 'conflict',
  release_not_authorised: 'conflict',
  works_not_accepted: 'conflict',
  works_already_accepted: 'conflict',
  settlement_audit_required: 'conflict',
  audit_waiver_not_allowed: 'conflict',
  audit_already_recorded: 'conflict',
  settlement_differs_from_audit: 'conflict',
  overrun_needs_new_decision: 'conflict',
  release_closed: 'conflict',
  emergency_not_reviewed: 'conflict',
  emergency_already_reviewed: 'conflict',
  emergency_not_settled: 'conflict',
  review_already_recorded: 'conflict',
  transfer_not_reversible: 'conflict',
  transfer_already_reversed: 'conflict',
  period_not_ended: 'conflict',
  disclosure_already_published: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type FundsErrorCode = keyof typeof fundsErrorCodes;

/** A refusal with the kind its code always has. */
export const refuse = refuserFor(fundsErrorCodes);
