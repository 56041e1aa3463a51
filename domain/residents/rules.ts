/**
 * The numbers of residents' meetings, exact integer comparisons (居委会组织法 Arts. 9–10; Civil Code Art. 1259:
 * 过半数 is strictly more than half, 以上 includes the number).
 */
import type { RollTotals } from './roll.js';

/**
 * 居民会议的组成 (Art. 9 para. 1): all adults, one representative per household, or 2–3 representatives per
 * residents' group.
 */
export type Constituency =
  | { readonly kind: 'all_adults' }
  | { readonly kind: 'household_representatives' }
  | { readonly kind: 'group_representatives'; readonly perGroup: 2 | 3 };

/** How many members the meeting has, from the roll as it stood when the meeting was convened. */
export function constituencySize(c: Constituency, totals: RollTotals): number {
  switch (c.kind) {
    case 'all_adults':
      return totals.adults;
    case 'household_representatives':
      return totals.households;
    case 'group_representatives':
      return totals.groups * c.perGroup;
  }
}

/** Art. 9 para. 2: 居民会议必须有 … 过半数 … 出席，才能举行 (quorum: more than half present). */
export const residentsMeetingQuorum = (present: number, size: number): boolean => present * 2 > size;
/** Art. 9 para. 2: 会议的决定，由出席人的过半数通过 (more than half of those present in favour). */
export const residentsMeetingAdopts = (inFavour: number, present: number): boolean => inFavour * 2 > present;

/** Art. 10 para. 2: 有五分之一以上的十八周岁以上的居民、五分之一以上的户或者三分之一以上的居民小组提议，应当召集居民会议. */
export function petitionReached(signed: RollTotals, totals: RollTotals): { readonly reached: boolean; readonly by: readonly ('adults' | 'households' | 'groups')[] } {
  const by: ('adults' | 'households' | 'groups')[] = [];
  if (totals.adults > 0 && signed.adults * 5 >= totals.adults) by.push('adults');
  if (totals.households > 0 && signed.households * 5 >= totals.households) by.push('households');
  if (totals.groups > 0 && signed.groups * 3 >= totals.groups) by.push('groups');
  return { reached: by.length > 0, by };
}

/**
 * 居民代表会议: local practice, not national law (domain-rules §4): representatives per a number of households
 * (1 per 5–15 is common), quorum and majority set per community. Defaults: 2/3 of the representatives present
 * (以上: inclusive), more than 1/2 of those present in favour.
 */
export interface RepresentativeRules {
  readonly householdsPerRepresentative: number;
  readonly quorum: { readonly num: number; readonly den: number; readonly inclusive: boolean };
  readonly majority: { readonly num: number; readonly den: number; readonly inclusive: boolean };
}

export const DEFAULT_REPRESENTATIVE_RULES: RepresentativeRules = {
  householdsPerRepresentative: 10,
  quorum: { num: 2, den: 3, inclusive: true },
  majority: { num: 1, den: 2, inclusive: false },
};

export const meetsFraction = (value: number, base: number, f: { num: number; den: number; inclusive: boolean }): boolean =>
  f.inclusive ? value * f.den >= base * f.num : value * f.den > base * f.num;

/** Days the RC has to convene once a petition is reached: no statute fixes them (Art. 10: 应当召集); 30 by default [BG]. */
export const DEFAULT_CONVENE_DAYS = 30;
