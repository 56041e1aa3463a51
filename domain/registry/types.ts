/**
 * Shapes shared by the compound registry and the contexts that read it (the assembly's frozen roll).
 */
import type { PersonalText } from '../shared/personalData.js';

/** Where an exclusive area figure comes from (区分所有权解释 Art. 8: register, else survey, else contract). */
export type AreaSource = 'registry' | 'survey' | 'contract';

/** Which rule pack a compound follows (rules of the city where it stands). */
export type Jurisdiction = 'national' | 'beijing' | 'shanghai' | 'hangzhou';
export const jurisdictions: readonly Jurisdiction[] = ['national', 'beijing', 'shanghai', 'hangzhou'];

/**
 * 业主: a person who owns (a share of) a unit, as recorded. The name is personal data: sealed under the
 * person's key in events written since `pd/v1` (a plain string in older ones); never in public views.
 */
export interface Owner {
  readonly personId: string;
  readonly name: PersonalText;
}

/** An owner as a command names them: the name in clear, before the service seals it. */
export interface OwnerInput {
  readonly personId: string;
  readonly name: string;
}

/** 专有部分: the voting unit. */
export interface Unit {
  /** e.g. `3-2-1101` (building-entrance-room). */
  readonly unitId: string;
  readonly building: string;
  /** Exclusive area as an exact decimal string, at most 4 decimals, as imported. */
  readonly area: string;
  readonly areaSource: AreaSource;
  /** Empty only when developer-held. */
  readonly owners: readonly Owner[];
  /** 建设单位 units unsold, or sold but not yet delivered: together one head (区分所有权解释 Art. 9). */
  readonly developerHeld: boolean;
}

/**
 * A voter identity: the headcount unit of 区分所有权解释 Art. 9. All developer-held units together are one;
 * all units of the same owner set (one person, or the same co-owner group in any order) are one.
 * One identity casts one ballot covering all its units in scope, their areas summed.
 */
export interface VoterIdentity {
  /** Stable within a compound: `developer`, or derived from the sorted person ids of the owner set. */
  readonly voterId: string;
  readonly developerHeld: boolean;
  /** Sorted person ids of the owner set; empty for the developer identity. */
  readonly ownerPersonIds: readonly string[];
  readonly units: ReadonlyArray<{ readonly unitId: string; readonly building: string; readonly area: string }>;
  /** Sum of the units' areas, exact decimal string. */
  readonly area: string;
}
