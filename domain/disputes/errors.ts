/** The disputes context's refusals (纠纷调解): stable codes, each with one kind. */
import { refuserFor, type DomainErrorKind } from '../shared/errors.js';

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

/** A refusal with the kind its code always has. */
export const refuse = refuserFor(disputesErrorCodes);
