/** The joint context's refusals (联席会议, 居民点单·社区派单·党员接单): stable codes, each with one kind. */
import { refuserFor, type DomainErrorKind } from '../shared/errors.js';

export const jointErrorCodes = {
  invalid_meeting: 'invalid',
  notice_too_short: 'invalid',
  invalid_resolution: 'invalid',
  invalid_task: 'invalid',
  invalid_request: 'invalid',
  invalid_rating: 'invalid',
  not_entitled: 'forbidden',
  meeting_not_found: 'not_found',
  resolution_not_found: 'not_found',
  task_not_found: 'not_found',
  request_not_found: 'not_found',
  meeting_exists: 'conflict',
  attendance_not_recorded: 'conflict',
  task_closed: 'conflict',
  task_not_closed: 'conflict',
  already_rated: 'conflict',
  results_already_published: 'conflict',
  request_exists: 'conflict',
  not_dispatched: 'conflict',
  already_dispatched: 'conflict',
  not_accepted: 'conflict',
  request_completed: 'conflict',
  not_completed: 'conflict',
} as const satisfies Record<string, DomainErrorKind>;

export type JointErrorCode = keyof typeof jointErrorCodes;

/** A refusal with the kind its code always has. */
export const refuse = refuserFor(jointErrorCodes);
