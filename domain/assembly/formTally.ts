/**
 * Tallies of the two ballot forms beyond yes / no, on the same two axes and the same thresholds as tally.ts:
 * - 选项表决 (`choose_one`): owners choose one option among several (e.g. one property firm among the bidders);
 * - 选举 (`elect`): owners mark each candidate for / against / abstain and approve at most `seats` of them.
 *
 * The quorum stays per motion: every ballot cast takes part (an abstention, and an invalid paper ballot 废票,
 * count toward participation: they were cast), participation ≥ 2/3 of the eligible on both axes
 * (Civil Code Art. 278 para. 2). An option, or a candidate, is judged by the matter's passage rule on both axes
 * against the participating totals; all comparisons are integer cross-multiplications (thresholds.ts).
 */
import { neededAgainstFixedBase } from './needed.js';
import { addAxes, neededFor, passageTest, quorumTest, ZERO, type AxisTest, type Axes } from './tally.js';
import type { ThresholdSet } from './thresholds.js';

/** Participation, its quorum test and what it still needs: common to every form. */
export interface Participation {
  readonly eligible: Axes;
  /** Every ballot cast: choices, abstentions and invalid ballots. */
  readonly participating: Axes;
  readonly quorum: AxisTest;
  /** Least additional participation for the quorum (0 once met). */
  readonly neededForQuorum: Axes;
}

export function participationOf(eligible: Axes, participating: Axes, thresholds: ThresholdSet): Participation {
  return {
    eligible,
    participating,
    quorum: quorumTest(participating, eligible, thresholds.quorum),
    neededForQuorum: {
      area: neededAgainstFixedBase(participating.area, eligible.area, thresholds.quorum),
      heads: Number(neededAgainstFixedBase(BigInt(participating.heads), BigInt(eligible.heads), thresholds.quorum)),
    },
  };
}

const sum = (all: Iterable<Axes>): Axes => {
  let total = ZERO;
  for (const a of all) total = addAxes(total, a);
  return total;
};

// ---------------------------------------------------------------------------------------------------------
// choose_one

/** The counted sums of a choose_one motion. `options` in the motion's order. */
export interface ChooseOneTotals {
  readonly eligible: Axes;
  readonly options: readonly { readonly optionId: string; readonly support: Axes }[];
  readonly abstain: Axes;
  /** 废票: cast, but for no option. */
  readonly invalid: Axes;
  /** 从众: delivered non-voters who may be deemed to join the leading option; omitted = deemed votes off. */
  readonly deemable?: Axes;
}

export interface OptionResult {
  readonly optionId: string;
  readonly support: Axes;
  readonly passage: AxisTest;
  /** Met the passage rule on both axes, with the quorum met, and alone in doing so. */
  readonly adopted: boolean;
  /** Least additional support (from new participants) for passage. */
  readonly needed: Axes;
}

/** Why nothing was adopted, when nothing was. */
export type NothingAdopted = 'no_quorum' | 'no_option_met_the_rule' | 'several_options_met_the_rule';

export interface ChooseOneTally extends Participation {
  readonly form: 'choose_one';
  readonly options: readonly OptionResult[];
  readonly abstain: Axes;
  readonly invalid: Axes;
  readonly adopted: string | null;
  readonly nothingAdopted: NothingAdopted | null;
  /**
   * 从众, when on: the deemed count beside the raw one. Non-voters join the option ahead of every other on BOTH
   * axes (none when no option leads on both); the deemed count decides.
   */
  readonly deemed: null | {
    readonly majority: string | null;
    readonly added: Axes;
    readonly tally: Omit<ChooseOneTally, 'deemed' | 'outcome'>;
  };
  /** The count that decides: the deemed one when 从众 is on. */
  readonly outcome: { readonly basis: 'raw' | 'deemed'; readonly quorumMet: boolean; readonly adopted: string | null };
}

/**
 * Each option's support is judged by the passage rule against the participating totals; an option is adopted
 * iff its support meets the rule on both axes and the quorum is met. Under the Civil Code's rules (> 1/2, or
 * ≥ 3/4, of those participating) two options can never both meet it; should a pack's rule ever allow it (an
 * inclusive 1/2), nothing is adopted and the tally says so rather than pick one.
 */
export function tallyChooseOne(totals: ChooseOneTotals, thresholds: ThresholdSet): ChooseOneTally {
  const raw = rawChooseOne(totals, thresholds);
  if (totals.deemable === undefined) return { ...raw, deemed: null, outcome: { basis: 'raw', quorumMet: raw.quorum.met, adopted: raw.adopted } };
  const leader = totals.options.find((o) => totals.options.every((p) => p === o || (o.support.area > p.support.area && o.support.heads > p.support.heads)));
  const majority = leader?.optionId ?? null;
  const added = majority === null ? ZERO : totals.deemable;
  const deemedTally = rawChooseOne(
    { ...totals, options: totals.options.map((o) => (o.optionId === majority ? { ...o, support: addAxes(o.support, added) } : o)) },
    thresholds,
  );
  return { ...raw, deemed: { majority, added, tally: deemedTally }, outcome: { basis: 'deemed', quorumMet: deemedTally.quorum.met, adopted: deemedTally.adopted } };
}

function rawChooseOne(totals: ChooseOneTotals, thresholds: ThresholdSet): Omit<ChooseOneTally, 'deemed' | 'outcome'> {
  const participating = sum([...totals.options.map((o) => o.support), totals.abstain, totals.invalid]);
  const base = participationOf(totals.eligible, participating, thresholds);
  const judged = totals.options.map((o) => ({
    optionId: o.optionId,
    support: o.support,
    passage: passageTest(o.support, participating, totals.eligible, thresholds.passage),
    needed: neededFor(o.support, participating, totals.eligible, thresholds.passage),
  }));
  const meeting = judged.filter((o) => o.passage.met);
  const adopted = base.quorum.met && meeting.length === 1 ? meeting[0]!.optionId : null;
  const nothingAdopted: NothingAdopted | null =
    adopted !== null ? null : !base.quorum.met ? 'no_quorum' : meeting.length === 0 ? 'no_option_met_the_rule' : 'several_options_met_the_rule';
  return {
    form: 'choose_one',
    ...base,
    options: judged.map((o) => ({ ...o, adopted: o.optionId === adopted })),
    abstain: totals.abstain,
    invalid: totals.invalid,
    adopted,
    nothingAdopted,
  };
}

// ---------------------------------------------------------------------------------------------------------
// elect

/** How qualified candidates are ranked for the seats (a rule-pack choice). */
export type SeatRanking = 'headcount_then_area' | 'area_then_headcount';

export interface CandidateTotals {
  readonly candidateId: string;
  readonly for: Axes;
  readonly against: Axes;
}

/** The counted sums of an elect motion. `participating` counts every ballot once (invalid ones included). */
export interface ElectTotals {
  readonly eligible: Axes;
  readonly participating: Axes;
  readonly invalid: Axes;
  readonly candidates: readonly CandidateTotals[];
}

export interface CandidateResult {
  readonly candidateId: string;
  readonly for: Axes;
  readonly against: Axes;
  /** Everyone who took part and did not vote for or against this candidate (unmarked = abstain). */
  readonly abstain: Axes;
  readonly passage: AxisTest;
  readonly needed: Axes;
  /** 1-based rank among the candidates who met the rule; null for the others. */
  readonly rank: number | null;
  readonly elected: boolean;
}

export interface ElectTally extends Participation {
  readonly form: 'elect';
  readonly seats: number;
  readonly ranking: SeatRanking;
  readonly invalid: Axes;
  readonly candidates: readonly CandidateResult[];
  readonly elected: readonly string[];
  /** Seats left for a by-election (补选). */
  readonly unfilledSeats: number;
  /** Why seats are unfilled: too few met the rule, or a tie for the last seat(s). */
  readonly unfilledBecause: 'no_quorum' | 'too_few_met_the_rule' | 'tie_for_last_seat' | null;
  /** The candidates tied for the last seat(s), none of whom is seated. */
  readonly tiedForLastSeat: readonly string[];
}

/** Negative when `a` ranks before `b`; 0 on an exact tie on both axes. */
function compareRank(a: CandidateTotals, b: CandidateTotals, ranking: SeatRanking): number {
  const heads = b.for.heads - a.for.heads;
  const area = b.for.area === a.for.area ? 0 : b.for.area > a.for.area ? 1 : -1;
  return ranking === 'headcount_then_area' ? heads || area : area || heads;
}

/**
 * A candidate is elected iff the quorum is met, its "for" meets the ordinary passage rule on both axes against
 * the participating totals, and it ranks within the seats. Candidates who met the rule are ranked by the pack's
 * rule (default: headcount, then area); when candidates tie exactly across the last seat, none of them takes it
 * and the seat is reported unfilled, for a by-election.
 */
export function tallyElect(
  totals: ElectTotals,
  seats: number,
  thresholds: ThresholdSet,
  ranking: SeatRanking = 'headcount_then_area',
): ElectTally {
  const { eligible, participating } = totals;
  const base = participationOf(eligible, participating, thresholds);
  const judged = totals.candidates.map((c) => ({
    ...c,
    abstain: { area: participating.area - c.for.area - c.against.area, heads: participating.heads - c.for.heads - c.against.heads },
    passage: passageTest(c.for, participating, eligible, thresholds.passage),
    needed: neededFor(c.for, participating, eligible, thresholds.passage),
  }));
  const qualified = base.quorum.met ? judged.filter((c) => c.passage.met) : [];
  // A stable sort keeps the motion's order among exact ties (the order only matters for display).
  const ranked = [...qualified].sort((a, b) => compareRank(a, b, ranking));
  const rankOf = new Map<string, number>();
  ranked.forEach((c, i) => {
    const previous = ranked[i - 1];
    rankOf.set(c.candidateId, previous && compareRank(previous, c, ranking) === 0 ? rankOf.get(previous.candidateId)! : i + 1);
  });

  let seated = ranked.slice(0, seats);
  let tied: string[] = [];
  const firstOut = ranked[seats];
  const lastIn = seated[seated.length - 1];
  if (firstOut && lastIn && compareRank(lastIn, firstOut, ranking) === 0) {
    // Everyone level with the last seat is left out; the seats they contend for stay unfilled.
    tied = ranked.filter((c) => compareRank(c, lastIn, ranking) === 0).map((c) => c.candidateId);
    seated = seated.filter((c) => !tied.includes(c.candidateId));
  }
  const elected = new Set(seated.map((c) => c.candidateId));
  const unfilledSeats = seats - elected.size;
  return {
    form: 'elect',
    ...base,
    seats,
    ranking,
    invalid: totals.invalid,
    candidates: judged.map((c) => ({
      candidateId: c.candidateId,
      for: c.for,
      against: c.against,
      abstain: c.abstain,
      passage: c.passage,
      needed: c.needed,
      rank: rankOf.get(c.candidateId) ?? null,
      elected: elected.has(c.candidateId),
    })),
    elected: seated.map((c) => c.candidateId),
    unfilledSeats,
    unfilledBecause: unfilledSeats === 0 ? null : !base.quorum.met ? 'no_quorum' : tied.length > 0 ? 'tie_for_last_seat' : 'too_few_met_the_rule',
    tiedForLastSeat: tied,
  };
}
