/**
 * OC majorities, in integers: a meeting needs more than half of its members present, and a decision (or an
 * officer) more than half of ALL members, not of those present (指导规则 Arts. 32, 38; 京条例 Arts. 42, 45;
 * 沪规定 Art. 26; 杭条例 Art. 29). 过半数 is strictly more than half (Civil Code Art. 1259).
 */

/** More than half of `of`: 2·count > of. */
export const moreThanHalf = (count: number, of: number): boolean => 2 * count > of;

/** The least count that is more than half of `of`. */
export const neededForMajority = (of: number): number => Math.floor(of / 2) + 1;
