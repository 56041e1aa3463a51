/** The supervision's refusals (kinds map to HTTP statuses in one place). */
import { refuserFor, type DomainErrorKind } from '../shared/errors.js';

export const supervisionErrorCodes = {
  invalid_board: 'invalid',
  invalid_opinion: 'invalid',
  invalid_declaration: 'invalid',
  invalid_meeting: 'invalid',
  not_entitled: 'forbidden',
  no_decision: 'not_found',
  board_not_found: 'not_found',
  decision_revoked: 'conflict',
  board_already_established: 'conflict',
  oc_member_on_board: 'conflict',
  oc_relative_on_board: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type SupervisionErrorCode = keyof typeof supervisionErrorCodes;

/** A refusal with the kind its code always has. */
export const refuse = refuserFor(supervisionErrorCodes);
