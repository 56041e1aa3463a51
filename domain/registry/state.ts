/**
 * State of one compound's registry (小区登记), folded from its stream.
 */
import { assertNever } from '../shared/decider.js';
import type { RegistryEvent } from './events.js';
import type { Jurisdiction, Unit } from './types.js';
import { emptyUnitIndex, getUnit, withUnits, type UnitIndex } from './unitIndex.js';

/** 小区 / 物业管理区域: the compound as registered. */
export interface CompoundProfile {
  readonly compoundId: string;
  readonly name: string;
  readonly address: string;
  readonly jurisdiction: Jurisdiction;
}

export type RegistryState =
  | { readonly status: 'unregistered' }
  | {
      readonly status: 'registered';
      readonly compound: CompoundProfile;
      /** Units (专有部分) by unit id; persistent, see unitIndex.ts. */
      readonly units: UnitIndex;
    };

export type RegisteredState = Extract<RegistryState, { status: 'registered' }>;

export function initialState(): RegistryState {
  return { status: 'unregistered' };
}

/**
 * Pure: returns a new state and leaves `state` untouched. Cost is O(units in the event), not O(units in
 * the compound). Events that cannot apply (e.g. units before registration) leave the state as it is; the
 * decider never writes such a stream.
 */
export function evolve(state: RegistryState, event: RegistryEvent): RegistryState {
  switch (event.type) {
    case 'CompoundRegistered': {
      const { compoundId, name, address, jurisdiction } = event.data;
      return { status: 'registered', compound: { compoundId, name, address, jurisdiction }, units: emptyUnitIndex };
    }
    case 'UnitsImported':
      if (state.status !== 'registered') return state;
      return { ...state, units: withUnits(state.units, event.data.units) };
    case 'UnitTransferred': {
      if (state.status !== 'registered') return state;
      const unit = getUnit(state.units, event.data.unitId);
      if (!unit) return state;
      // Civil Code Art. 273: the unit's share of the common parts, and its vote, go with it.
      const transferred: Unit = { ...unit, owners: event.data.owners, developerHeld: false };
      return { ...state, units: withUnits(state.units, [transferred]) };
    }
    case 'UnitAreaCorrected': {
      if (state.status !== 'registered') return state;
      const unit = getUnit(state.units, event.data.unitId);
      if (!unit) return state;
      return { ...state, units: withUnits(state.units, [{ ...unit, area: event.data.area, areaSource: event.data.areaSource }]) };
    }
    case 'UnitReturnedToDeveloper': {
      if (state.status !== 'registered') return state;
      const unit = getUnit(state.units, event.data.unitId);
      if (!unit) return state;
      return { ...state, units: withUnits(state.units, [{ ...unit, owners: [], developerHeld: true }]) };
    }
    case 'OwnerNameCorrected': {
      if (state.status !== 'registered') return state;
      const unit = getUnit(state.units, event.data.unitId);
      if (!unit) return state;
      const owners = unit.owners.map((o) => (o.personId === event.data.personId ? { ...o, name: event.data.name } : o));
      return { ...state, units: withUnits(state.units, [{ ...unit, owners }]) };
    }
    default:
      // An event this code does not know would make every figure below it wrong: fail loudly.
      return assertNever(event);
  }
}

/** A unit of a registered compound, or undefined. */
export function findUnit(state: RegistryState, unitId: string): Unit | undefined {
  return state.status === 'registered' ? getUnit(state.units, unitId) : undefined;
}
