/**
 * Commands of the compound registry (小区登记). Shaped like events: `{type, data}`.
 */
import type { OwnerInput } from './types.js';
import type { UnitInput } from './unitInput.js';

/** 小区登记: enter a compound. Its id comes from the context (`newId`), so retries get the same id. */
export interface RegisterCompound {
  readonly type: 'RegisterCompound';
  readonly data: { readonly name: string; readonly address: string; readonly jurisdiction: string };
}

/** 专有部分导入: add units, all or nothing. */
export interface ImportUnits {
  readonly type: 'ImportUnits';
  readonly data: { readonly units: readonly UnitInput[] };
}

/** 专有部分转让 / 交付: record new owners of a unit (also how a developer-held unit is delivered). */
export interface TransferUnit {
  readonly type: 'TransferUnit';
  readonly data: { readonly unitId: string; readonly owners: readonly OwnerInput[]; readonly reference?: string };
}

/** 登记更正: correct a unit's area (and its source), return it to the developer, or correct an owner's name, on evidence. */
export interface CorrectUnit {
  readonly type: 'CorrectUnit';
  readonly data:
    | { readonly kind: 'area'; readonly unitId: string; readonly area: string; readonly areaSource: string; readonly evidenceRef: string }
    | { readonly kind: 'returned_to_developer'; readonly unitId: string; readonly evidenceRef: string }
    | { readonly kind: 'owner_name'; readonly unitId: string; readonly personId: string; readonly name: string; readonly evidenceRef: string };
}

export type RegistryCommand = RegisterCompound | ImportUnits | TransferUnit | CorrectUnit;
