/**
 * The residents' context's refusals (居民会议、居民代表会议): stable codes, each with one kind (invalid → 400,
 * forbidden → 403, not_found → 404, conflict → 409; the HTTP layer maps kinds in one place).
 */
import { refuserFor, type DomainErrorKind } from '../shared/errors.js';

export const residentsErrorCodes = {
  invalid_roll: 'invalid',
  invalid_meeting: 'invalid',
  invalid_count: 'invalid',
  invalid_vote: 'invalid',
  invalid_representatives: 'invalid',
  not_entitled: 'forbidden',
  roll_not_found: 'not_found',
  meeting_not_found: 'not_found',
  item_not_found: 'not_found',
  household_not_found: 'not_found',
  representative_not_found: 'not_found',
  meeting_exists: 'conflict',
  attendance_not_recorded: 'conflict',
  item_already_decided: 'conflict',
  already_voted: 'conflict',
  meeting_closed: 'conflict',
  already_requested: 'conflict',
  request_exists: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type ResidentsErrorCode = keyof typeof residentsErrorCodes;

/** A refusal with the kind its code always has. */
export const refuse = refuserFor(residentsErrorCodes);
