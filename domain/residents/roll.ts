/**
 * 居民名册: the residents' roll of a compound, separate from the owners' registry: households (户), their adults
 * (年满十八周岁的居民) and their residents' group (居民小组). No names: the law counts people, it does not need them.
 */
import type { DomainError } from '../shared/errors.js';
import { refuse } from './errors.js';

export interface Household {
  readonly householdId: string;
  /** Residents aged 18 and over (居委会组织法 Art. 8: voters are 18+). */
  readonly adults: number;
  /** 居民小组. */
  readonly group: string;
}

export const ROLL_LIMITS = { maxHouseholds: 50_000, maxAdults: 50 } as const;
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The households checked: unique ids, whole non-negative adult counts, a group each. */
export function checkHouseholds(input: unknown): readonly Household[] | DomainError {
  if (!Array.isArray(input) || input.length === 0 || input.length > ROLL_LIMITS.maxHouseholds) {
    return refuse('invalid_roll', `a roll lists 1 to ${ROLL_LIMITS.maxHouseholds} households`);
  }
  const seen = new Set<string>();
  for (const h of input as Household[]) {
    if (typeof h?.householdId !== 'string' || !ID.test(h.householdId)) return refuse('invalid_roll', 'a household id is 1 to 64 letters, digits, . _ -');
    if (seen.has(h.householdId)) return refuse('invalid_roll', 'household ids are unique', { householdId: h.householdId });
    seen.add(h.householdId);
    if (!Number.isInteger(h.adults) || h.adults < 0 || h.adults > ROLL_LIMITS.maxAdults) return refuse('invalid_roll', `adults is a whole number from 0 to ${ROLL_LIMITS.maxAdults}`, { householdId: h.householdId });
    if (typeof h.group !== 'string' || !ID.test(h.group)) return refuse('invalid_roll', 'each household belongs to a residents\u2019 group (an id)', { householdId: h.householdId });
  }
  return (input as Household[]).map((h) => ({ householdId: h.householdId, adults: h.adults, group: h.group }));
}

/** The roll's totals: what the constituencies and petitions are measured against. */
export interface RollTotals {
  readonly households: number;
  readonly adults: number;
  readonly groups: number;
}

export function rollTotals(households: readonly Household[]): RollTotals {
  return {
    households: households.length,
    adults: households.reduce((n, h) => n + h.adults, 0),
    groups: new Set(households.map((h) => h.group)).size,
  };
}
