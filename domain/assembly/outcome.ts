/**
 * The outcome of a motion from its counted sums, per ballot form: what the preliminary and the final result
 * post, and what a decision records as adopted. The sums come from the tally projection (anyone can recompute
 * them from the log); the outcome is recomputed here under the motion's rules, never taken on trust.
 */
import type { DomainError } from '../shared/errors.js';
import { refuse } from './errors.js';
import type { DecisionRecord, OutcomeWire, TotalsWire } from './events.js';
import { tallyChooseOne, tallyElect } from './formTally.js';
import { thresholdsOf } from './rules.js';
import type { Motion } from './state.js';
import { addAxes, tally, totalsProblem, ZERO, type Axes } from './tally.js';
import { axesFromWire } from './wire.js';

export interface Outcome {
  readonly outcome: OutcomeWire;
  /** What a decision would record as adopted; null when nothing was adopted. */
  readonly adopted: DecisionRecord['adopted'] | null;
}

const optionalAxes = (w: TotalsWire['invalid']): Axes | null => (w === undefined ? ZERO : axesFromWire(w));

/** The outcome of `totals` for `motion` (its form, rules and frozen roll), or `invalid_totals`. */
export function outcomeOf(motion: Motion, totals: TotalsWire): Outcome | DomainError {
  const bad = (why: string) => refuse('invalid_totals', why);
  if (motion.roll === null) return bad('voting has not been held');
  const eligible = axesFromWire(totals.eligible);
  const forVotes = axesFromWire(totals.for);
  const against = axesFromWire(totals.against);
  const abstain = axesFromWire(totals.abstain);
  const invalid = optionalAxes(totals.invalid);
  const deemable = optionalAxes(totals.deemable);
  if (!eligible || !forVotes || !against || !abstain || !invalid || !deemable) return bad('totals are exact decimal areas and integer headcounts');
  if (eligible.area !== motion.roll.eligible.area || eligible.heads !== motion.roll.eligible.heads) return bad('the eligible totals differ from the frozen roll');
  const thresholds = thresholdsOf(motion.rules);
  const form = motion.form;
  switch (form.form) {
    case 'yes_no': {
      const sums = { eligible, for: forVotes, against, abstain, invalid, deemable };
      const problem = totalsProblem(sums);
      if (problem) return bad(problem);
      const result = tally(sums, thresholds, { deemedVotes: motion.rules.deemedVotes !== null });
      const passed = result.outcome.passes;
      return {
        outcome: { basis: result.outcome.basis, quorumMet: result.outcome.quorumMet, passed },
        adopted: passed ? { kind: 'motion' } : null,
      };
    }
    case 'choose_one': {
      const options: { optionId: string; support: Axes }[] = [];
      for (const o of form.options) {
        const support = totals.options?.[o.optionId] === undefined ? ZERO : axesFromWire(totals.options[o.optionId]!);
        if (!support) return bad(`option ${o.optionId}: not an exact figure`);
        options.push({ optionId: o.optionId, support });
      }
      if (Object.keys(totals.options ?? {}).some((id) => !form.options.some((o) => o.optionId === id))) return bad('totals name an option the motion does not have');
      const participating = [...options.map((o) => o.support), abstain, invalid].reduce(addAxes, ZERO);
      if (participating.area > eligible.area || participating.heads > eligible.heads) return bad('participation exceeds the eligible');
      const deemedOn = motion.rules.deemedVotes !== null;
      const result = tallyChooseOne({ eligible, options, abstain, invalid, ...(deemedOn ? { deemable } : {}) }, thresholds);
      const { basis, quorumMet, adopted } = result.outcome;
      const label = form.options.find((o) => o.optionId === adopted)?.label;
      return {
        outcome: { basis, quorumMet, passed: adopted !== null, adopted },
        adopted: adopted !== null ? { kind: 'option', optionId: adopted, label: label! } : null,
      };
    }
    case 'elect': {
      const cast = totals.cast === undefined ? null : axesFromWire(totals.cast);
      if (!cast) return bad('an election\u2019s totals carry `cast`: every counted ballot');
      if (cast.area > eligible.area || cast.heads > eligible.heads) return bad('participation exceeds the eligible');
      const candidates = [];
      for (const c of form.candidates) {
        const wire = totals.candidates?.[c.candidateId];
        const f = wire === undefined ? ZERO : axesFromWire(wire.for);
        const a = wire === undefined ? ZERO : axesFromWire(wire.against);
        if (!f || !a) return bad(`candidate ${c.candidateId}: not an exact figure`);
        if (f.area + a.area > cast.area || f.heads + a.heads > cast.heads) return bad(`candidate ${c.candidateId}: more marks than ballots`);
        candidates.push({ candidateId: c.candidateId, for: f, against: a });
      }
      const result = tallyElect({ eligible, participating: cast, invalid, candidates }, form.seats, thresholds, motion.rules.seatRanking);
      const elected = result.elected.map((id) => form.candidates.find((c) => c.candidateId === id)!);
      return {
        outcome: { basis: 'raw', quorumMet: result.quorum.met, passed: elected.length > 0, elected: result.elected, unfilledSeats: result.unfilledSeats },
        adopted: elected.length > 0 ? { kind: 'elected', candidates: elected, unfilledSeats: result.unfilledSeats } : null,
      };
    }
  }
}
