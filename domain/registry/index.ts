/**
 * The compound registry (小区登记): compounds, units (专有部分), owners (业主), transfers, and the electorate
 * figures of Civil Code Art. 278 as 区分所有权解释 Art. 8–9 compute them.
 */
export type { AreaSource, Jurisdiction, Owner, OwnerInput, Unit, VoterIdentity } from './types.js';
export { jurisdictions } from './types.js';
export type { CompoundRegistered, OwnerNameCorrected, RegistryEvent, RegistryEventType, UnitsImported, UnitTransferred } from './events.js';
export { compoundStreamId, registryEventTypes } from './events.js';
export type { ImportUnits, RegisterCompound, RegistryCommand, TransferUnit } from './commands.js';
export type { CompoundProfile, RegisteredState, RegistryState } from './state.js';
export { evolve, findUnit, initialState } from './state.js';
export { decide, MAX_REPORTED_PROBLEMS, MAX_UNITS_PER_COMMAND, UNITS_PER_EVENT } from './decide.js';
export { registryDecider } from './decider.js';
export type { OwnerProblem, UnitInput, UnitProblem, UnitProblemCode } from './unitInput.js';
export { areaSources, MAX_OWNERS_PER_UNIT, validateUnitInputs } from './unitInput.js';
export { getUnit, hasUnit, allUnits, type UnitIndex } from './unitIndex.js';
export { DEVELOPER_VOTER_ID, ownerSetVoterId, unitsInScope, voterIdentities } from './voterIdentities.js';
export { buildingsOf, electorate, type Electorate } from './electorate.js';
export { compareNatural } from './order.js';
export { registryErrorCodes, type RegistryErrorCode } from './errors.js';
export type { CsvBatch, CsvErrorCode, CsvRecord } from './csv.js';
export { batchUnits, CSV_COLUMNS, MAX_CSV_FIELD_LENGTH, parseUnitsCsv, parseUnitsCsvLines } from './csv.js';
