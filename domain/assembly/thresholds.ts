/**
 * The legal thresholds of a joint decision, as exact fractions. Civil Code Art. 1259: "以上" includes the
 * stated number (>=); "过半数" is more than half (>, "超过" excludes the number).
 */
import { civilCodeRuleKind, regulation2018RuleKind, type Matter, type RuleKind } from './matters.js';

/**
 * Which statute's numbers count a motion (表决规则的法律依据):
 * - `civil_code_art278`: Civil Code Art. 278 para. 2 (in force 2021-01-01);
 * - `property_regulation_art12`: 物业管理条例 Art. 12 (text of the 2007 revision, unchanged in 2016 and 2018),
 *   for motions dated before 2021-01-01.
 */
export type ThresholdBasis = 'civil_code_art278' | 'property_regulation_art12';

/** A threshold `value ⋈ num/den × base`, with `>=` when inclusive (以上) and `>` otherwise (过半数). */
export interface Threshold {
  readonly num: bigint;
  readonly den: bigint;
  readonly inclusive: boolean;
  /** The base the fraction is of: everyone eligible, or those who took part. */
  readonly of: 'eligible' | 'participating';
}

export interface ThresholdSet {
  readonly basis: ThresholdBasis;
  readonly rule: RuleKind;
  /** Participation needed (参与表决), on each axis, of the eligible. */
  readonly quorum: Threshold;
  /** Approval needed (同意), on each axis. */
  readonly passage: Threshold;
}

export function ruleKindFor(basis: ThresholdBasis, matter: Matter): RuleKind {
  return basis === 'civil_code_art278' ? civilCodeRuleKind(matter) : regulation2018RuleKind(matter);
}

export function thresholdsFor(basis: ThresholdBasis, rule: RuleKind): ThresholdSet {
  switch (basis) {
    case 'civil_code_art278':
      return {
        basis,
        rule,
        // Art. 278 para. 2: 专有部分面积占比三分之二以上 且 人数占比三分之二以上 的业主参与表决.
        quorum: { num: 2n, den: 3n, inclusive: true, of: 'eligible' },
        passage:
          rule === 'special'
            ? // 参与表决专有部分面积四分之三以上 且 参与表决人数四分之三以上 的业主同意 (items 6–8).
              { num: 3n, den: 4n, inclusive: true, of: 'participating' }
            : // 参与表决专有部分面积过半数 且 参与表决人数过半数 的业主同意 (other items).
              { num: 1n, den: 2n, inclusive: false, of: 'participating' },
      };
    case 'property_regulation_art12':
      return {
        basis,
        rule,
        // 物业管理条例 Art. 12 para. 1: 专有部分占建筑物总面积过半数的业主且占总人数过半数的业主参加.
        quorum: { num: 1n, den: 2n, inclusive: false, of: 'eligible' },
        passage:
          rule === 'special'
            ? // Art. 12 para. 3: 专有部分占建筑物总面积2/3以上的业主且占总人数2/3以上的业主同意 (of ALL).
              { num: 2n, den: 3n, inclusive: true, of: 'eligible' }
            : // Art. 12 para. 3: 专有部分占建筑物总面积过半数的业主且占总人数过半数的业主同意 (of ALL).
              { num: 1n, den: 2n, inclusive: false, of: 'eligible' },
      };
  }
}

/** Whether `value` meets the threshold against `base`, by integer cross-multiplication only. */
export function meets(value: bigint, base: bigint, t: Pick<Threshold, 'num' | 'den' | 'inclusive'>): boolean {
  const left = value * t.den;
  const right = base * t.num;
  return t.inclusive ? left >= right : left > right;
}
