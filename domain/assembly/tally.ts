/**
 * The two-axis tally (计票) of a joint decision: exclusive area (专有部分面积) and headcount (人数), exact integers,
 * compared only by integer cross-multiplication (Civil Code Art. 278 para. 2; Art. 1259 for 以上 / 过半数).
 */
import type { Area } from '../shared/area.js';
import { neededAgainstFixedBase, neededAgainstGrowingBase } from './needed.js';
import { meets, type Threshold, type ThresholdSet } from './thresholds.js';

/** A quantity on both axes: area in ten-thousandths of m², heads in voter identities. */
export interface Axes {
  readonly area: Area;
  readonly heads: number;
}

export const ZERO: Axes = { area: 0n, heads: 0 };

export const addAxes = (a: Axes, b: Axes): Axes => ({ area: a.area + b.area, heads: a.heads + b.heads });
export const subAxes = (a: Axes, b: Axes): Axes => ({ area: a.area - b.area, heads: a.heads - b.heads });

/** 表决票: a ballot's choice. */
export type Choice = 'for' | 'against' | 'abstain';
export const choices: readonly Choice[] = ['for', 'against', 'abstain'];

/** The running sums a tally needs: the frozen roll's totals and the counted ballots per choice. */
export interface BallotTotals {
  readonly eligible: Axes;
  readonly for: Axes;
  readonly against: Axes;
  readonly abstain: Axes;
  /** 废票: invalid paper ballots take part and approve nothing. Absent = none. */
  readonly invalid?: Axes;
  /**
   * 从众: the non-voters who may be deemed to vote with the majority: those whose notice delivery is recorded.
   * Absent = every non-voter (the pure rule; a motion always passes the delivered ones).
   */
  readonly deemable?: Axes;
}

/** Whether one test holds on each axis and on both. */
export interface AxisTest {
  readonly area: boolean;
  readonly heads: boolean;
  /** Both axes: the law requires area AND headcount. */
  readonly met: boolean;
}

/** 从众 (deemed votes): notified non-voters counted with the majority of those who voted. */
export interface DeemedTally {
  /** The side non-voters join: the raw choice ahead of the other on BOTH axes; null (nothing deemed) otherwise. */
  readonly majority: 'for' | 'against' | null;
  /** The non-voters added to that side. */
  readonly added: Axes;
  readonly participating: Axes;
  readonly for: Axes;
  readonly against: Axes;
  readonly quorum: AxisTest;
  readonly passage: AxisTest;
  readonly passes: boolean;
}

export interface Tally {
  readonly thresholds: ThresholdSet;
  readonly eligible: Axes;
  /** participating = for + against + abstain + invalid (an abstention, and an invalid ballot, take part). */
  readonly participating: Axes;
  readonly for: Axes;
  readonly against: Axes;
  readonly abstain: Axes;
  readonly quorum: AxisTest;
  readonly passage: AxisTest;
  /** Raw outcome: quorum AND passage, each on both axes. */
  readonly passes: boolean;
  /** Least additional participation for the quorum, and least additional "for" for passage (see needed.ts). */
  readonly needed: { readonly quorum: Axes; readonly passage: Axes };
  /** Present when deemed votes are on; the raw figures above stay as they are. */
  readonly deemed: DeemedTally | null;
  /** The outcome that decides: the deemed one when deemed votes are on, else the raw one. */
  readonly outcome: { readonly basis: 'raw' | 'deemed'; readonly quorumMet: boolean; readonly passes: boolean };
}

export interface TallyOptions {
  /** 从众: count notified non-voters with the majority. Off unless the motion enabled it. */
  readonly deemedVotes?: boolean;
}

/** Null when the totals are coherent; otherwise what is wrong. */
export function totalsProblem(totals: BallotTotals): string | null {
  const invalid = totals.invalid ?? ZERO;
  const all = [totals.eligible, totals.for, totals.against, totals.abstain, invalid, totals.deemable ?? ZERO];
  if (all.some((a) => a.area < 0n || a.heads < 0 || !Number.isInteger(a.heads))) return 'negative or fractional figure';
  const p = addAxes(addAxes(addAxes(totals.for, totals.against), totals.abstain), invalid);
  if (p.area > totals.eligible.area || p.heads > totals.eligible.heads) return 'participation exceeds the eligible';
  if (totals.deemable) {
    const n = subAxes(totals.eligible, p);
    if (totals.deemable.area > n.area || totals.deemable.heads > n.heads) return 'more deemable non-voters than non-voters';
  }
  return null;
}

export function axisTest(area: boolean, heads: boolean): AxisTest {
  return { area, heads, met: area && heads };
}

export function quorumTest(participating: Axes, eligible: Axes, t: Threshold): AxisTest {
  return axisTest(
    meets(participating.area, eligible.area, t),
    meets(BigInt(participating.heads), BigInt(eligible.heads), t),
  );
}

export function passageTest(approve: Axes, participating: Axes, eligible: Axes, t: Threshold): AxisTest {
  const base = t.of === 'eligible' ? eligible : participating;
  // Something must approve: with nobody taking part, "3/4 of nobody" is no decision.
  return axisTest(
    approve.area > 0n && meets(approve.area, base.area, t),
    approve.heads > 0 && meets(BigInt(approve.heads), BigInt(base.heads), t),
  );
}

export function neededFor(approve: Axes, participating: Axes, eligible: Axes, t: Threshold): Axes {
  if (t.of === 'eligible') {
    return {
      area: neededAgainstFixedBase(approve.area, eligible.area, t),
      heads: Number(neededAgainstFixedBase(BigInt(approve.heads), BigInt(eligible.heads), t)),
    };
  }
  return {
    area: neededAgainstGrowingBase(approve.area, participating.area, t),
    heads: Number(neededAgainstGrowingBase(BigInt(approve.heads), BigInt(participating.heads), t)),
  };
}

function majorityOf(forVotes: Axes, against: Axes): 'for' | 'against' | null {
  if (forVotes.area > against.area && forVotes.heads > against.heads) return 'for';
  if (against.area > forVotes.area && against.heads > forVotes.heads) return 'against';
  return null;
}

/** The tally of the totals under the thresholds. Throws RangeError on incoherent totals (a programming error). */
export function tally(totals: BallotTotals, thresholds: ThresholdSet, options: TallyOptions = {}): Tally {
  const problem = totalsProblem(totals);
  if (problem) throw new RangeError(`incoherent totals: ${problem}`);
  const { eligible } = totals;
  const participating = addAxes(addAxes(addAxes(totals.for, totals.against), totals.abstain), totals.invalid ?? ZERO);
  const quorum = quorumTest(participating, eligible, thresholds.quorum);
  const passage = passageTest(totals.for, participating, eligible, thresholds.passage);
  const passes = quorum.met && passage.met;
  const needed = {
    quorum: {
      area: neededAgainstFixedBase(participating.area, eligible.area, thresholds.quorum),
      heads: Number(neededAgainstFixedBase(BigInt(participating.heads), BigInt(eligible.heads), thresholds.quorum)),
    },
    passage: neededFor(totals.for, participating, eligible, thresholds.passage),
  };

  let deemed: DeemedTally | null = null;
  if (options.deemedVotes) {
    const majority = majorityOf(totals.for, totals.against);
    const added = majority === null ? ZERO : (totals.deemable ?? subAxes(eligible, participating));
    const dFor = majority === 'for' ? addAxes(totals.for, added) : totals.for;
    const dAgainst = majority === 'against' ? addAxes(totals.against, added) : totals.against;
    const dParticipating = addAxes(participating, added);
    const dQuorum = quorumTest(dParticipating, eligible, thresholds.quorum);
    const dPassage = passageTest(dFor, dParticipating, eligible, thresholds.passage);
    deemed = {
      majority,
      added,
      participating: dParticipating,
      for: dFor,
      against: dAgainst,
      quorum: dQuorum,
      passage: dPassage,
      passes: dQuorum.met && dPassage.met,
    };
  }

  return {
    thresholds,
    eligible,
    participating,
    for: totals.for,
    against: totals.against,
    abstain: totals.abstain,
    quorum,
    passage,
    passes,
    needed,
    deemed,
    outcome: deemed
      ? { basis: 'deemed', quorumMet: deemed.quorum.met, passes: deemed.passes }
      : { basis: 'raw', quorumMet: quorum.met, passes },
  };
}
