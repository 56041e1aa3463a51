/**
 * The hiring context's refusals: stable snake_case codes, each with one kind (invalid → 400, forbidden → 403,
 * not_found → 404, conflict → 409; the HTTP layer maps kinds in one place).
 */
import { refuserFor, type DomainErrorKind } from '../shared/errors.js';

export const hiringErrorCodes = {
  // 400
  invalid_firm: 'invalid',
  invalid_tender: 'invalid',
  invalid_bid: 'invalid',
  invalid_reveal: 'invalid',
  invalid_score: 'invalid',
  invalid_contract: 'invalid',
  invalid_assessment: 'invalid',
  invalid_notice: 'invalid',
  invalid_decision: 'invalid',
  invalid_complaint: 'invalid',
  invalid_adjustment: 'invalid',
  invalid_survey: 'invalid',
  // 403
  not_entitled: 'forbidden',
  not_firm_agent: 'forbidden',
  not_a_respondent: 'forbidden',
  // 404
  firm_not_found: 'not_found',
  tender_not_found: 'not_found',
  bid_not_found: 'not_found',
  contract_not_found: 'not_found',
  assessment_not_found: 'not_found',
  handover_item_not_found: 'not_found',
  complaint_not_found: 'not_found',
  adjustment_not_found: 'not_found',
  survey_not_found: 'not_found',
  // 409
  firm_already_registered: 'conflict',
  bid_after_deadline: 'conflict',
  bid_already_submitted: 'conflict',
  reveal_before_deadline: 'conflict',
  reveal_window_closed: 'conflict',
  reveal_mismatch: 'conflict',
  bid_already_revealed: 'conflict',
  tender_still_sealed: 'conflict',
  declaration_required: 'conflict',
  already_declared: 'conflict',
  conflict_of_interest: 'conflict',
  bid_not_compliant: 'conflict',
  already_scored: 'conflict',
  shortlist_not_ready: 'conflict',
  shortlist_tie: 'conflict',
  already_put_to_owners: 'conflict',
  contract_already_drawn: 'conflict',
  contract_not_signed: 'conflict',
  contract_already_signed: 'conflict',
  contract_ended: 'conflict',
  period_not_in_term: 'conflict',
  assessment_already_recorded: 'conflict',
  assessment_already_confirmed: 'conflict',
  decision_not_final: 'conflict',
  notice_already_given: 'conflict',
  handover_not_started: 'conflict',
  item_already_confirmed: 'conflict',
  already_reported: 'conflict',
  complaint_already_answered: 'conflict',
  disclosure_already_filed: 'conflict',
  adjustment_already_exists: 'conflict',
  adjustment_already_posted: 'conflict',
  adjustment_not_posted: 'conflict',
  posting_period_running: 'conflict',
  survey_already_exists: 'conflict',
  survey_not_open: 'conflict',
  survey_closed: 'conflict',
  already_responded: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type HiringErrorCode = keyof typeof hiringErrorCodes;

/** A refusal with the kind its code always has. */
export const refuse = refuserFor(hiringErrorCodes);
