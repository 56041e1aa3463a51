/**
 * Validation of units offered for import (专有部分导入) and of owner lists (业主). Pure: it reports
 * problems; the decider turns them into one DomainError.
 *
 * Readings:
 * - A developer-held unit (建设单位 unsold, or sold but not yet delivered; 区分所有权解释 Art. 9) lists no
 *   owners: until delivery the buyer is not yet an owner for voting purposes (Art. 1 counts a first-hand
 *   buyer once in lawful possession), and the unit votes with the developer's single head. Delivery is
 *   recorded with TransferUnit, which names the owners and clears `developerHeld`.
 * - Every other unit names at least one owner; co-owners (共有) are listed together, each person once.
 * - The area is kept exactly as written (e.g. "88.50" stays "88.50"); only its value is checked:
 *   positive, at most 4 decimals, no sign, exponent or blanks (区分所有权解释 Art. 8 picks the figure,
 *   never a rounding).
 */
import { formatArea, MAX_UNIT_AREA, parseArea, parseUnitArea } from '../shared/area.js';
import { MAX_OWNERS_PER_UNIT } from '../shared/limits.js';
import { identifierProblem, MAX_OWNER_NAME_LENGTH, textProblem } from './textRules.js';
import type { AreaSource, Owner, OwnerInput, Unit } from './types.js';

/** A unit as offered for import (HTTP body or a CSV row). */
export interface UnitInput {
  readonly unitId: string;
  readonly building: string;
  /** Decimal string, e.g. "88.5", "120.0325", "75". */
  readonly area: string;
  readonly areaSource: AreaSource;
  readonly owners: readonly OwnerInput[];
  /** Default false. */
  readonly developerHeld?: boolean;
}

export const areaSources: readonly AreaSource[] = ['registry', 'survey', 'contract'];

/** Co-owners of one unit: domain/shared/limits.ts. */
export { MAX_OWNERS_PER_UNIT };

/** Stable codes for one unit's problems (details of `invalid_units`, or the code of a transfer error). */
export type UnitProblemCode =
  | 'unit_id_invalid'
  | 'building_invalid'
  | 'area_invalid'
  | 'area_not_positive'
  | 'area_too_large'
  | 'area_source_invalid'
  | 'developer_held_invalid'
  | 'duplicate_unit'
  | 'owner_required'
  | 'owners_invalid'
  | 'too_many_owners'
  | 'developer_unit_has_owners'
  | 'person_id_invalid'
  | 'owner_name_invalid'
  | 'duplicate_owner';

export interface UnitProblem {
  /** Position in the command's `units`. */
  readonly index: number;
  /** The unit id as given (stringified), or null when there is none. */
  readonly unitId: string | null;
  readonly code: UnitProblemCode;
  readonly message: string;
}

export interface OwnerProblem {
  readonly code: Extract<
    UnitProblemCode,
    'owner_required' | 'owners_invalid' | 'too_many_owners' | 'person_id_invalid' | 'owner_name_invalid' | 'duplicate_owner'
  >;
  readonly message: string;
}

/** Problems with an area string, or null. Negative or zero figures, and absurd ones, get their own codes. */
export function areaProblem(area: unknown): Pick<UnitProblem, 'code' | 'message'> | null {
  if (typeof area !== 'string') return { code: 'area_invalid', message: 'area must be a decimal string' };
  if (area.startsWith('-') && parseArea(area.slice(1)) !== null) return { code: 'area_not_positive', message: `area ${area} is not positive` };
  switch (parseUnitArea(area)) {
    case 'invalid':
      return { code: 'area_invalid', message: `area ${JSON.stringify(area.slice(0, 40))} is not a plain decimal with at most 4 decimals` };
    case 'not_positive':
      return { code: 'area_not_positive', message: `area ${area} is not positive` };
    case 'too_large':
      return { code: 'area_too_large', message: `area ${area} m\u00b2 is more than one unit can have (at most ${formatArea(MAX_UNIT_AREA)} m\u00b2)` };
    default:
      return null;
  }
}

/** Problems with an owner list that must be non-empty (an owned unit, or a transfer). */
export function ownerListProblems(owners: unknown): OwnerProblem[] {
  if (!Array.isArray(owners)) return [{ code: 'owners_invalid', message: 'owners must be a list' }];
  if (owners.length === 0) return [{ code: 'owner_required', message: 'at least one owner is required' }];
  if (owners.length > MAX_OWNERS_PER_UNIT) {
    return [{ code: 'too_many_owners', message: `at most ${MAX_OWNERS_PER_UNIT} owners per unit` }];
  }
  const problems: OwnerProblem[] = [];
  const seen = new Set<string>();
  owners.forEach((owner: unknown, i) => {
    if (typeof owner !== 'object' || owner === null) {
      problems.push({ code: 'owners_invalid', message: `owner ${i + 1} must be an object {personId, name}` });
      return;
    }
    const { personId, name } = owner as Partial<OwnerInput>;
    const idProblem = identifierProblem(personId);
    if (idProblem) {
      problems.push({ code: 'person_id_invalid', message: `owner ${i + 1}: personId ${idProblem}` });
    } else if (seen.has(personId!)) {
      problems.push({ code: 'duplicate_owner', message: `owner ${i + 1} repeats the person id of an earlier owner` });
    } else {
      seen.add(personId!);
    }
    const nameProblem = textProblem(name, MAX_OWNER_NAME_LENGTH);
    if (nameProblem) {
      const why =
        nameProblem === 'required'
          ? 'name is blank'
          : nameProblem === 'too_long'
            ? `name is longer than ${MAX_OWNER_NAME_LENGTH} characters`
            : 'name contains control characters';
      problems.push({ code: 'owner_name_invalid', message: `owner ${i + 1}: ${why}` });
    }
  });
  return problems;
}

/**
 * Every problem of a batch, in index order, counting them all but keeping at most `limit`.
 * `isRegistered` says whether a unit id is already in the compound.
 */
export function validateUnitInputs(
  units: readonly UnitInput[],
  isRegistered: (unitId: string) => boolean,
  limit = 100,
): { readonly problems: readonly UnitProblem[]; readonly total: number } {
  const problems: UnitProblem[] = [];
  let total = 0;
  const firstIndexOf = new Map<string, number>();
  const report = (index: number, unitId: unknown, code: UnitProblemCode, message: string) => {
    total++;
    if (problems.length < limit) {
      problems.push({ index, unitId: typeof unitId === 'string' ? unitId : unitId == null ? null : String(unitId), code, message });
    }
  };

  units.forEach((input: unknown, index) => {
    if (typeof input !== 'object' || input === null) {
      report(index, null, 'unit_id_invalid', 'a unit must be an object');
      return;
    }
    const u = input as Partial<Record<keyof UnitInput, unknown>>;

    const idProblem = identifierProblem(u.unitId);
    if (idProblem) {
      report(index, u.unitId, 'unit_id_invalid', `unitId ${idProblem}`);
    } else {
      const unitId = u.unitId as string;
      const first = firstIndexOf.get(unitId);
      if (first !== undefined) {
        report(index, unitId, 'duplicate_unit', `unit ${unitId} already appears at index ${first} of this import`);
      } else {
        firstIndexOf.set(unitId, index);
        if (isRegistered(unitId)) report(index, unitId, 'duplicate_unit', `unit ${unitId} is already registered`);
      }
    }

    const buildingProblem = identifierProblem(u.building);
    if (buildingProblem) report(index, u.unitId, 'building_invalid', `building ${buildingProblem}`);

    const area = areaProblem(u.area);
    if (area) report(index, u.unitId, area.code, area.message);

    if (!areaSources.includes(u.areaSource as AreaSource)) {
      report(index, u.unitId, 'area_source_invalid', `areaSource must be one of ${areaSources.join(', ')}`);
    }

    if (u.developerHeld !== undefined && typeof u.developerHeld !== 'boolean') {
      report(index, u.unitId, 'developer_held_invalid', 'developerHeld must be true or false');
      return;
    }
    if (u.developerHeld === true) {
      // 区分所有权解释 Art. 9: developer-held units vote together as the developer; they name no owners.
      if (!Array.isArray(u.owners)) report(index, u.unitId, 'owners_invalid', 'owners must be a list (empty)');
      else if (u.owners.length > 0) {
        report(index, u.unitId, 'developer_unit_has_owners', 'a developer-held unit lists no owners; record delivery with a transfer');
      }
      return;
    }
    for (const p of ownerListProblems(u.owners)) report(index, u.unitId, p.code, p.message);
  });
  return { problems, total };
}

/** The owners as recorded: person ids as given, names trimmed. Assumes a valid list. */
export function normaliseOwners(owners: readonly OwnerInput[]): Owner[] {
  return owners.map((o) => ({ personId: o.personId, name: o.name.trim() }));
}

/** The unit as recorded in `UnitsImported`. Assumes the input passed validation. */
export function toUnit(input: UnitInput): Unit {
  return {
    unitId: input.unitId,
    building: input.building,
    area: input.area,
    areaSource: input.areaSource,
    owners: input.developerHeld === true ? [] : normaliseOwners(input.owners),
    developerHeld: input.developerHeld === true,
  };
}
