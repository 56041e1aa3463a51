/**
 * The committee context's refusals: stable snake_case codes, each with one kind (invalid → 400, forbidden → 403,
 * not_found → 404, conflict → 409), as in domain/assembly/errors.ts.
 */
import type { DomainError, DomainErrorKind } from '../shared/errors.js';

export const committeeErrorCodes = {
  // 400
  invalid_group: 'invalid',
  invalid_seats: 'invalid',
  invalid_term: 'invalid',
  invalid_nomination: 'invalid',
  invalid_vetting: 'invalid',
  invalid_election_motion: 'invalid',
  invalid_officers: 'invalid',
  officers_not_elected: 'invalid',
  invalid_filing: 'invalid',
  invalid_meeting: 'invalid',
  proxy_not_allowed: 'invalid',
  invalid_handover: 'invalid',
  invalid_removal: 'invalid',
  removal_not_supported: 'invalid',
  agenda_notice_too_short: 'invalid',
  invalid_demand: 'invalid',
  demand_not_supported: 'invalid',
  invalid_seal_use: 'invalid',
  seal_use_not_authorised: 'invalid',
  invalid_acting_body: 'invalid',
  /** A removal ground the record can verify (absences) is not on the member's record. */
  ground_not_established: 'invalid',
  acting_body_not_provided: 'invalid',
  /** A resignation or incapacity not named properly (the letter, the evidence, the day). */
  invalid_leaving: 'invalid',
  /** The pack has this ground decided by the owners, not ending membership by itself (沪规定 Art. 31 para. 2; 指导规则 Art. 44). */
  leaving_not_by_itself: 'invalid',
  // 403
  not_entitled: 'forbidden',
  // 404
  group_not_found: 'not_found',
  election_not_found: 'not_found',
  candidate_not_found: 'not_found',
  committee_not_found: 'not_found',
  member_not_found: 'not_found',
  meeting_not_found: 'not_found',
  term_not_found: 'not_found',
  removal_not_found: 'not_found',
  demand_not_found: 'not_found',
  no_acting_body: 'not_found',
  // 409
  group_already_formed: 'conflict',
  group_list_already_posted: 'conflict',
  election_already_open: 'conflict',
  nominations_closed: 'conflict',
  already_nominated: 'conflict',
  candidate_ineligible: 'conflict',
  already_vetted: 'conflict',
  vetting_pending: 'conflict',
  no_candidates: 'conflict',
  candidates_not_posted: 'conflict',
  posting_period_not_run: 'conflict',
  election_already_decided: 'conflict',
  committee_already_seated: 'conflict',
  officers_already_elected: 'conflict',
  already_filed: 'conflict',
  meeting_already_recorded: 'conflict',
  decisions_already_published: 'conflict',
  reelection_already_reported: 'conflict',
  reelection_group_already_formed: 'conflict',
  already_handed_over: 'conflict',
  removal_already_open: 'conflict',
  answer_period_running: 'conflict',
  removal_already_put: 'conflict',
  removal_already_decided: 'conflict',
  already_answered: 'conflict',
  meeting_already_convened: 'conflict',
  seal_use_already_recorded: 'conflict',
  acting_body_already_formed: 'conflict',
  /** The OC serves: it convenes the owners, not an acting body (物业管理条例 Art. 15). */
  committee_in_office: 'conflict',
  /** 沪规定 Art. 28 para. 4: the matter may not be decided while a re-election runs. */
  transition_freeze: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type CommitteeErrorCode = keyof typeof committeeErrorCodes;

/** A refusal with the kind its code always has. */
export function refuse(code: CommitteeErrorCode, message: string, details?: Record<string, unknown>): DomainError {
  return { error: committeeErrorCodes[code], code, message, ...(details ? { details } : {}) };
}
