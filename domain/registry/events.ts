/**
 * Events of the compound registry (小区登记). One stream per compound: `compound-<compoundId>`.
 * Data is plain JSON; areas are decimal strings exactly as imported (区分所有权解释 Art. 8), never rounded.
 */
import type { DomainEvent } from '../shared/decider.js';
import type { PersonalText } from '../shared/personalData.js';
import type { AreaSource, Jurisdiction, Owner, Unit } from './types.js';

/** The stream that holds one compound's registry. */
export function compoundStreamId(compoundId: string): string {
  return `compound-${compoundId}`;
}

/** 小区登记: a compound (物业管理区域) entered the registry under the rule pack of its city. */
export type CompoundRegistered = DomainEvent<
  'CompoundRegistered',
  {
    readonly compoundId: string;
    readonly name: string;
    readonly address: string;
    readonly jurisdiction: Jurisdiction;
  }
>;

/**
 * 专有部分导入: units (专有部分) entered the registry. One ImportUnits command is all-or-nothing; a large one
 * is written as several events (`part` of `parts`, 1-based), appended together in one append.
 */
export type UnitsImported = DomainEvent<
  'UnitsImported',
  {
    readonly units: readonly Unit[];
    readonly part: number;
    readonly parts: number;
  }
>;

/**
 * 专有部分转让 / 交付: a unit changed owners (sale, inheritance, court ruling…), or the developer (建设单位)
 * delivered a unit it held to its buyers. Rights in the common parts and the vote go with the unit
 * (Civil Code Art. 273). Enough for an auditor to follow the chain of owners without reading every earlier
 * event: the previous owners' person ids and whether the unit came from the developer. Names of the previous
 * owners are already in earlier events and are not repeated.
 */
export type UnitTransferred = DomainEvent<
  'UnitTransferred',
  {
    readonly unitId: string;
    readonly building: string;
    /** The new owners, as given (names trimmed). */
    readonly owners: readonly Owner[];
    /** Person ids of the owners before the transfer; empty when the unit was developer-held. */
    readonly previousOwnerPersonIds: readonly string[];
    /** True when the unit was developer-held (unsold or undelivered) before this event. */
    readonly fromDeveloper: boolean;
    /** What the transfer rests on, e.g. a property-certificate (不动产权证) or ruling number; optional. */
    readonly reference?: string;
  }
>;

/**
 * 面积更正: a unit's exclusive area (or its source) corrected on evidence, e.g. a survey report replacing the
 * contract figure (区分所有权解释 Art. 8: register, else survey, else contract). A roll already frozen keeps the
 * figure it froze; only rolls frozen after this event use the new one.
 */
export type UnitAreaCorrected = DomainEvent<
  'UnitAreaCorrected',
  {
    readonly unitId: string;
    readonly building: string;
    readonly area: string;
    readonly areaSource: AreaSource;
    readonly previousArea: string;
    readonly previousAreaSource: AreaSource;
    readonly evidenceRef: string;
  }
>;

/** 退回建设单位: a sale undone (contract rescinded): the unit is developer-held again (区分所有权解释 Art. 9). */
export type UnitReturnedToDeveloper = DomainEvent<
  'UnitReturnedToDeveloper',
  { readonly unitId: string; readonly building: string; readonly previousOwnerPersonIds: readonly string[]; readonly evidenceRef: string }
>;

/** 姓名更正: an owner's name corrected on evidence (the person stays the same). Personal data: never public. */
export type OwnerNameCorrected = DomainEvent<
  'OwnerNameCorrected',
  { readonly unitId: string; readonly personId: string; readonly name: PersonalText; readonly evidenceRef: string }
>;

export type RegistryEvent = CompoundRegistered | UnitsImported | UnitTransferred | UnitAreaCorrected | UnitReturnedToDeveloper | OwnerNameCorrected;
export type RegistryEventType = RegistryEvent['type'];
export const registryEventTypes: readonly RegistryEventType[] = [
  'CompoundRegistered',
  'UnitsImported',
  'UnitTransferred',
  'UnitAreaCorrected',
  'UnitReturnedToDeveloper',
  'OwnerNameCorrected',
];
