/**
 * The registry's refusals: stable snake_case codes, each with one kind (invalid → 400, forbidden → 403,
 * not_found → 404, conflict → 409; the HTTP layer maps kinds in one place). The decider (decide.ts) builds
 * them with the helpers of domain/shared/errors.ts; tests/domain/registry/errors.test.ts checks that every
 * code it returns is listed here with its kind.
 */
import type { DomainErrorKind } from '../shared/errors.js';
import type { OwnerProblem } from './unitInput.js';

export const registryErrorCodes = {
  // 400
  name_required: 'invalid',
  name_too_long: 'invalid',
  name_invalid: 'invalid',
  address_required: 'invalid',
  address_too_long: 'invalid',
  address_invalid: 'invalid',
  unknown_jurisdiction: 'invalid',
  no_units: 'invalid',
  too_many_units: 'invalid',
  invalid_units: 'invalid',
  reference_invalid: 'invalid',
  // a transfer's owner list (unitInput.ts)
  owner_required: 'invalid',
  owners_invalid: 'invalid',
  too_many_owners: 'invalid',
  person_id_invalid: 'invalid',
  owner_name_invalid: 'invalid',
  duplicate_owner: 'invalid',
  // a correction (CorrectUnit): its evidence, kind and area (the area's problem, unitInput.ts)
  evidence_required: 'invalid',
  invalid_correction: 'invalid',
  area_invalid: 'invalid',
  area_not_positive: 'invalid',
  area_too_large: 'invalid',
  area_source_invalid: 'invalid',
  // a read's building scope (?buildings=, services/api/routes/compounds.ts)
  buildings_invalid: 'invalid',
  // 404
  compound_not_found: 'not_found',
  unit_not_found: 'not_found',
  owner_not_found: 'not_found',
  // 409
  compound_exists: 'conflict',
  owners_unchanged: 'conflict',
  area_unchanged: 'conflict',
  already_developer_held: 'conflict',
} as const satisfies Record<string, DomainErrorKind> & Record<OwnerProblem['code'], 'invalid'>;

export type RegistryErrorCode = keyof typeof registryErrorCodes;
