/**
 * The registry's decisions. Pure: ids come from `context.newId()`; nothing here reads the clock.
 *
 * Stable error codes (kind → code):
 * - conflict  `compound_exists`        RegisterCompound on a registered compound
 * - not_found `compound_not_found`     ImportUnits / TransferUnit before RegisterCompound
 * - invalid   `unknown_jurisdiction`   jurisdiction not in the rule packs
 * - invalid   `name_required` | `name_too_long` | `name_invalid`, `address_required` | `address_too_long` | `address_invalid`
 * - invalid   `no_units` | `too_many_units`   empty or oversized ImportUnits
 * - invalid   `invalid_units`          ImportUnits with any bad unit; details.errors lists them (see unitInput.ts)
 * - not_found `unit_not_found`         TransferUnit of a unit the compound does not have
 * - invalid   owner codes of unitInput.ts (`owner_required`, `person_id_invalid`, `owner_name_invalid`,
 *             `duplicate_owner`, `too_many_owners`, `owners_invalid`) for TransferUnit
 * - invalid   `reference_invalid`      TransferUnit reference blank, too long or with control characters
 * - conflict  `owners_unchanged`       TransferUnit to exactly the current owner set (any order)
 * - invalid   `evidence_required`      CorrectUnit without its evidence reference (survey report, ruling...)
 * - invalid   `area_invalid` | `area_source_invalid`, conflict `area_unchanged`   CorrectUnit area
 * - conflict  `already_developer_held` CorrectUnit returned_to_developer of a developer-held unit
 * - not_found `owner_not_found`        CorrectUnit owner_name of a person who does not own the unit
 */
import { assertNever, type DecideContext } from '../shared/decider.js';
import { conflict, invalid, notFound, type DomainError } from '../shared/errors.js';
import { MAX_UNITS_PER_COMMAND } from '../shared/limits.js';
import type { CorrectUnit, ImportUnits, RegisterCompound, RegistryCommand, TransferUnit } from './commands.js';
import type { RegistryEvent, UnitsImported, UnitTransferred } from './events.js';
import type { RegisteredState, RegistryState } from './state.js';
import {
  MAX_ADDRESS_LENGTH,
  MAX_COMPOUND_NAME_LENGTH,
  MAX_REFERENCE_LENGTH,
  textProblem,
} from './textRules.js';
import { jurisdictions, type Jurisdiction } from './types.js';
import { getUnit, hasUnit } from './unitIndex.js';
import { areaProblem, areaSources, normaliseOwners, ownerListProblems, toUnit, validateUnitInputs } from './unitInput.js';
import { MAX_OWNER_NAME_LENGTH } from './textRules.js';
import type { AreaSource } from './types.js';

/** Units per UnitsImported event: keeps events well under store message limits (a few hundred KB). */
export const UNITS_PER_EVENT = 2_000;
/** Units per ImportUnits command: domain/shared/limits.ts. */
export { MAX_UNITS_PER_COMMAND };
/** Unit problems listed in an `invalid_units` error; `details.total` counts them all. */
export const MAX_REPORTED_PROBLEMS = 100;

export function decide(
  command: RegistryCommand,
  state: RegistryState,
  context: DecideContext,
): readonly RegistryEvent[] | DomainError {
  switch (command.type) {
    case 'RegisterCompound':
      return registerCompound(command, state, context);
    case 'ImportUnits':
      return state.status === 'registered' ? importUnits(command, state) : compoundNotFound();
    case 'TransferUnit':
      return state.status === 'registered' ? transferUnit(command, state) : compoundNotFound();
    case 'CorrectUnit':
      return state.status === 'registered' ? correctUnit(command, state) : compoundNotFound();
    default:
      return assertNever(command);
  }
}

const compoundNotFound = () => notFound('compound_not_found', 'no compound is registered in this stream');

function registerCompound(command: RegisterCompound, state: RegistryState, context: DecideContext) {
  if (state.status === 'registered') {
    return conflict('compound_exists', 'the compound is already registered', { compoundId: state.compound.compoundId });
  }
  const { name, address, jurisdiction } = command.data;
  const nameError = textError('name', name, MAX_COMPOUND_NAME_LENGTH);
  if (nameError) return nameError;
  const addressError = textError('address', address, MAX_ADDRESS_LENGTH);
  if (addressError) return addressError;
  if (!jurisdictions.includes(jurisdiction as Jurisdiction)) {
    return invalid('unknown_jurisdiction', `jurisdiction must be one of ${jurisdictions.join(', ')}`, {
      jurisdictions: [...jurisdictions],
    });
  }
  return [
    {
      type: 'CompoundRegistered',
      data: {
        compoundId: context.newId(),
        name: name.trim(),
        address: address.trim(),
        jurisdiction: jurisdiction as Jurisdiction,
      },
    },
  ] satisfies RegistryEvent[];
}

function textError(field: 'name' | 'address', value: unknown, max: number): DomainError | null {
  switch (textProblem(value, max)) {
    case null:
      return null;
    case 'required':
      return invalid(`${field}_required`, `${field} must not be blank`);
    case 'too_long':
      return invalid(`${field}_too_long`, `${field} must be at most ${max} characters`);
    case 'invalid':
      return invalid(`${field}_invalid`, `${field} must not contain control characters`);
  }
}

/** All or nothing: one bad unit refuses the whole batch, with every problem listed (up to a cap). */
function importUnits(command: ImportUnits, state: RegisteredState): readonly UnitsImported[] | DomainError {
  const { units } = command.data;
  if (!Array.isArray(units) || units.length === 0) return invalid('no_units', 'the import lists no units');
  if (units.length > MAX_UNITS_PER_COMMAND) {
    return invalid('too_many_units', `at most ${MAX_UNITS_PER_COMMAND} units per import; split the file`, {
      max: MAX_UNITS_PER_COMMAND,
      given: units.length,
    });
  }
  const { problems, total } = validateUnitInputs(units, (id) => hasUnit(state.units, id), MAX_REPORTED_PROBLEMS);
  if (total > 0) {
    return invalid('invalid_units', `${total} problem(s) in the import; nothing was imported`, {
      errors: problems,
      total,
      truncated: total > problems.length,
    });
  }
  const parts = Math.ceil(units.length / UNITS_PER_EVENT);
  const events: UnitsImported[] = [];
  for (let p = 0; p < parts; p++) {
    events.push({
      type: 'UnitsImported',
      data: {
        units: units.slice(p * UNITS_PER_EVENT, (p + 1) * UNITS_PER_EVENT).map(toUnit),
        part: p + 1,
        parts,
      },
    });
  }
  return events;
}

function transferUnit(command: TransferUnit, state: RegisteredState): readonly UnitTransferred[] | DomainError {
  const { unitId, owners, reference } = command.data;
  const [ownerProblem] = ownerListProblems(owners);
  if (ownerProblem) return invalid(ownerProblem.code, ownerProblem.message);
  if (reference !== undefined && textProblem(reference, MAX_REFERENCE_LENGTH) !== null) {
    return invalid('reference_invalid', `reference must be non-blank text of at most ${MAX_REFERENCE_LENGTH} characters`);
  }
  const unit = typeof unitId === 'string' ? getUnit(state.units, unitId) : undefined;
  if (!unit) return notFound('unit_not_found', `unit ${String(unitId)} is not registered in this compound`, { unitId });

  // Same owner set in any order: nothing happened. Refused rather than ignored, so that a second
  // submission of a transfer (with a new command id) is visible to whoever sent it.
  if (!unit.developerHeld && samePersons(unit.owners.map((o) => o.personId), owners.map((o) => o.personId))) {
    return conflict('owners_unchanged', `unit ${unitId} already belongs to exactly these owners`, { unitId });
  }
  const data: UnitTransferred['data'] = {
    unitId: unit.unitId,
    building: unit.building,
    owners: normaliseOwners(owners),
    previousOwnerPersonIds: unit.owners.map((o) => o.personId),
    fromDeveloper: unit.developerHeld,
    ...(reference !== undefined ? { reference: reference.trim() } : {}),
  };
  return [{ type: 'UnitTransferred', data }];
}

function samePersons(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const set = new Set(a);
  return b.every((id) => set.has(id));
}

/**
 * Corrections are new events with their evidence, never edits (a roll already frozen keeps its figures):
 * an area and its source (e.g. a survey report, 区分所有权解释 Art. 8), a unit returned to the developer, an
 * owner's name.
 */
function correctUnit(command: CorrectUnit, state: RegisteredState): readonly RegistryEvent[] | DomainError {
  const d = command.data;
  if (textProblem(d.evidenceRef, MAX_REFERENCE_LENGTH) !== null) {
    return invalid('evidence_required', `a correction names its evidence (1 to ${MAX_REFERENCE_LENGTH} characters)`);
  }
  const unit = typeof d.unitId === 'string' ? getUnit(state.units, d.unitId) : undefined;
  if (!unit) return notFound('unit_not_found', `unit ${String(d.unitId)} is not registered in this compound`, { unitId: d.unitId });
  const evidenceRef = d.evidenceRef.trim();
  switch (d.kind) {
    case 'area': {
      const problem = areaProblem(d.area);
      if (problem) return invalid(problem.code, problem.message);
      if (!areaSources.includes(d.areaSource as AreaSource)) return invalid('area_source_invalid', `areaSource is one of ${areaSources.join(', ')}`);
      if (d.area === unit.area && d.areaSource === unit.areaSource) return conflict('area_unchanged', 'the unit already has this area and source');
      return [
        {
          type: 'UnitAreaCorrected',
          data: { unitId: unit.unitId, building: unit.building, area: d.area, areaSource: d.areaSource as AreaSource, previousArea: unit.area, previousAreaSource: unit.areaSource, evidenceRef },
        },
      ];
    }
    case 'returned_to_developer':
      if (unit.developerHeld) return conflict('already_developer_held', 'the unit is already developer-held');
      return [{ type: 'UnitReturnedToDeveloper', data: { unitId: unit.unitId, building: unit.building, previousOwnerPersonIds: unit.owners.map((o) => o.personId), evidenceRef } }];
    case 'owner_name': {
      if (!unit.owners.some((o) => o.personId === d.personId)) return notFound('owner_not_found', 'that person does not own the unit');
      if (textProblem(d.name, MAX_OWNER_NAME_LENGTH) !== null) return invalid('owner_name_invalid', `a name is 1 to ${MAX_OWNER_NAME_LENGTH} characters without control characters`);
      return [{ type: 'OwnerNameCorrected', data: { unitId: unit.unitId, personId: d.personId, name: d.name.trim(), evidenceRef } }];
    }
    default:
      return invalid('invalid_correction', 'kind is area, returned_to_developer or owner_name');
  }
}
