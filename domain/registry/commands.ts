/**
 * Commands of the compound registry (小区登记). Shaped like events: `{type, data}`.
 */
import type { Owner } from './types.js';
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
  readonly data: { readonly unitId: string; readonly owners: readonly Owner[]; readonly reference?: string };
}

export type RegistryCommand = RegisterCompound | ImportUnits | TransferUnit;
