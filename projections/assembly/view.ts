/**
 * Rendering for HTTP: the tally shape of GET /v1/motions/{id}/tally and the public ballot shape. Pure
 * functions of the documents; areas as exact decimal strings (at least 2 decimals, never rounded).
 */
import type { AxesWire } from '../../domain/assembly/events.js';
import type { RuleKind } from '../../domain/assembly/matters.js';
import type { MotionStatus } from '../../domain/assembly/state.js';
import { tallyChooseOne, tallyElect } from '../../domain/assembly/formTally.js';
import type { MotionForm } from '../../domain/assembly/forms.js';
import { tally, type Axes } from '../../domain/assembly/tally.js';
import { thresholdsFor, type ThresholdBasis } from '../../domain/assembly/thresholds.js';
import { axesToWire } from '../../domain/assembly/wire.js';
import type { Matter } from '../../domain/assembly/matters.js';
import type { BallotDoc, BallotStatus, ResultPhase, TallyDoc } from './docs.js';
import { axesOf, ZERO_WIRE } from './figures.js';

/** choose_one: one option's support and whether it is adopted. */
export interface OptionView {
  readonly optionId: string;
  readonly label: string;
  readonly support: AxesWire;
  readonly meetsRule: boolean;
  /** Null until voting has closed. */
  readonly adopted: boolean | null;
  readonly needed: AxesWire;
}

/** elect: one candidate's marks, rank among those who met the rule, and whether elected. */
export interface CandidateView {
  readonly candidateId: string;
  readonly name: string;
  readonly for: AxesWire;
  readonly against: AxesWire;
  readonly abstain: AxesWire;
  readonly meetsRule: boolean;
  readonly rank: number | null;
  /** Null until voting has closed. */
  readonly elected: boolean | null;
  readonly needed: AxesWire;
}

export interface TallyView {
  readonly motionId: string;
  readonly status: MotionStatus;
  readonly form: MotionForm['form'];
  readonly phase: ResultPhase;
  readonly matter: Matter;
  readonly rule: RuleKind;
  /** Which statute's thresholds: the Civil Code, or 物业管理条例 Art. 12 for motions dated before 2021. */
  readonly basis: ThresholdBasis;
  readonly eligible: AxesWire;
  readonly participating: AxesWire;
  readonly for: AxesWire;
  readonly against: AxesWire;
  readonly abstain: AxesWire;
  /** The deciding outcome: the deemed one when 从众 is on, else the raw one (see `raw`, `deemedVotes`). */
  readonly quorumMet: boolean;
  /** Null until voting has closed (and for a cancelled motion). */
  readonly passed: boolean | null;
  readonly outcomeBasis: 'raw' | 'deemed';
  /** The outcome from the ballots alone, always shown. */
  readonly raw: { readonly quorumMet: boolean; readonly passed: boolean | null };
  /** What real ballots still need: least additional participation for the quorum; least additional "for" for passage. */
  readonly needed: { readonly quorum: AxesWire; readonly passage: AxesWire };
  /** 从众: present when the motion counts notified non-voters with the majority. */
  readonly deemedVotes: null | {
    readonly basis: string;
    /** yes_no: `for` or `against`; choose_one: the leading option's id; null when no side leads on both axes. */
    readonly majority: string | null;
    readonly added: AxesWire;
    readonly participating: AxesWire;
    readonly for: AxesWire;
    readonly against: AxesWire;
    readonly quorumMet: boolean;
    readonly passed: boolean | null;
  };
  /** 废票: entered invalid or ruled invalid; they take part and support nothing. */
  readonly invalid: AxesWire;
  /** choose_one: every option; null on other forms. */
  readonly options: readonly OptionView[] | null;
  /** choose_one: the adopted option once voting has closed (null: nothing adopted, see `nothingAdopted`). */
  readonly adopted: string | null;
  readonly nothingAdopted: string | null;
  /** elect: every candidate; null on other forms. */
  readonly candidates: readonly CandidateView[] | null;
  readonly seats: number | null;
  readonly elected: readonly string[] | null;
  /** elect: seats left for a by-election, and why. */
  readonly unfilledSeats: number | null;
  readonly unfilledBecause: string | null;
  readonly ballots: { readonly counted: number; readonly late: number; readonly superseded: number; readonly ruledInvalid: number };
}

const ZERO_AXES: Axes = { area: 0n, heads: 0 };
const decided = (status: MotionStatus): boolean => status === 'closed' || status === 'result_published' || status === 'final';

export function phaseOf(status: MotionStatus): ResultPhase {
  switch (status) {
    case 'closed':
      return 'closed';
    case 'result_published':
      return 'preliminary';
    case 'final':
      return 'final';
    default:
      return 'open';
  }
}

export function renderTally(doc: TallyDoc): TallyView {
  const eligible = doc.eligible ? axesOf(doc.eligible) : null;
  const thresholds = thresholdsFor(doc.thresholds, doc.rule);
  const live = eligible !== null;
  const final = live && decided(doc.status);
  const totals = {
    eligible: eligible ?? ZERO_AXES,
    for: axesOf(doc.for),
    against: axesOf(doc.against),
    abstain: axesOf(doc.abstain),
    invalid: axesOf(doc.invalid),
    ...(doc.deemedVotes !== null ? { deemable: axesOf(doc.deemable) } : {}),
  };
  const form = doc.form;
  const base = {
    motionId: doc.motionId,
    status: doc.status,
    form: form.form,
    phase: phaseOf(doc.status),
    matter: doc.matter,
    rule: doc.rule,
    basis: doc.thresholds,
    eligible: axesToWire(totals.eligible),
    invalid: doc.invalid,
    ballots: doc.ballots,
  };
  if (form.form === 'choose_one') {
    const options = form.options.map((o) => ({ optionId: o.optionId, support: axesOf(doc.options?.[o.optionId] ?? ZERO_WIRE) }));
    const r = tallyChooseOne({ eligible: totals.eligible, options, abstain: totals.abstain, invalid: totals.invalid, ...(totals.deemable ? { deemable: totals.deemable } : {}) }, thresholds);
    const adopted = r.outcome.adopted;
    const dt = r.deemed?.tally;
    return {
      ...base,
      participating: axesToWire(r.participating),
      for: ZERO_WIRE,
      against: ZERO_WIRE,
      abstain: doc.abstain,
      quorumMet: live && r.outcome.quorumMet,
      passed: final ? adopted !== null : null,
      outcomeBasis: r.outcome.basis,
      raw: { quorumMet: live && r.quorum.met, passed: final ? r.adopted !== null : null },
      needed: { quorum: axesToWire(live ? r.neededForQuorum : ZERO_AXES), passage: axesToWire(ZERO_AXES) },
      deemedVotes:
        r.deemed && dt && doc.deemedVotes
          ? {
              basis: doc.deemedVotes.basis,
              majority: r.deemed.majority,
              added: axesToWire(r.deemed.added),
              participating: axesToWire(dt.participating),
              for: axesToWire(dt.options.find((o) => o.optionId === r.deemed!.majority)?.support ?? ZERO_AXES),
              against: axesToWire(ZERO_AXES),
              quorumMet: live && dt.quorum.met,
              passed: final ? dt.adopted !== null : null,
            }
          : null,
      options: r.options.map((o, i) => ({
        optionId: o.optionId,
        label: form.options[i]!.label,
        support: axesToWire(o.support),
        meetsRule: live && o.passage.met,
        adopted: final ? o.optionId === adopted : null,
        needed: axesToWire(live ? o.needed : ZERO_AXES),
      })),
      adopted: final ? adopted : null,
      nothingAdopted: final ? (r.deemed ? r.deemed.tally.nothingAdopted : r.nothingAdopted) : null,
      candidates: null,
      seats: null,
      elected: null,
      unfilledSeats: null,
      unfilledBecause: null,
    };
  }
  if (form.form === 'elect') {
    const candidates = form.candidates.map((c) => {
      const marks = doc.candidates?.[c.candidateId];
      return { candidateId: c.candidateId, for: axesOf(marks?.for ?? ZERO_WIRE), against: axesOf(marks?.against ?? ZERO_WIRE) };
    });
    const r = tallyElect({ eligible: totals.eligible, participating: axesOf(doc.cast), invalid: totals.invalid, candidates }, form.seats, thresholds, doc.seatRanking);
    return {
      ...base,
      participating: axesToWire(r.participating),
      for: ZERO_WIRE,
      against: ZERO_WIRE,
      abstain: ZERO_WIRE,
      quorumMet: live && r.quorum.met,
      passed: final ? r.elected.length > 0 : null,
      outcomeBasis: 'raw',
      raw: { quorumMet: live && r.quorum.met, passed: final ? r.elected.length > 0 : null },
      needed: { quorum: axesToWire(live ? r.neededForQuorum : ZERO_AXES), passage: axesToWire(ZERO_AXES) },
      deemedVotes: null,
      options: null,
      adopted: null,
      nothingAdopted: null,
      candidates: r.candidates.map((c, i) => ({
        candidateId: c.candidateId,
        name: form.candidates[i]!.name,
        for: axesToWire(c.for),
        against: axesToWire(c.against),
        abstain: axesToWire(c.abstain),
        meetsRule: live && r.quorum.met && c.passage.met,
        rank: live ? c.rank : null,
        elected: final ? c.elected : null,
        needed: axesToWire(live ? c.needed : ZERO_AXES),
      })),
      seats: form.seats,
      elected: final ? r.elected : null,
      unfilledSeats: final ? r.unfilledSeats : null,
      unfilledBecause: final ? r.unfilledBecause : null,
    };
  }
  const result = tally(totals, thresholds, { deemedVotes: doc.deemedVotes !== null });
  // Before the roll is frozen there is nothing to count against: no quorum, no outcome.
  const d = result.deemed;
  return {
    ...base,
    participating: axesToWire(result.participating),
    for: axesToWire(result.for),
    against: axesToWire(result.against),
    abstain: axesToWire(result.abstain),
    quorumMet: live && result.outcome.quorumMet,
    passed: final ? result.outcome.passes : null,
    outcomeBasis: result.outcome.basis,
    raw: { quorumMet: live && result.quorum.met, passed: final ? result.passes : null },
    needed: {
      quorum: axesToWire(live ? result.needed.quorum : ZERO_AXES),
      passage: axesToWire(live ? result.needed.passage : ZERO_AXES),
    },
    deemedVotes:
      d && doc.deemedVotes
        ? {
            basis: doc.deemedVotes.basis,
            majority: d.majority,
            added: axesToWire(d.added),
            participating: axesToWire(d.participating),
            for: axesToWire(d.for),
            against: axesToWire(d.against),
            quorumMet: live && d.quorum.met,
            passed: final ? d.passes : null,
          }
        : null,
    options: null,
    adopted: null,
    nothingAdopted: null,
    candidates: null,
    seats: null,
    elected: null,
    unfilledSeats: null,
    unfilledBecause: null,
  };
}

/** A ballot on the public list: unit ids, area, choice, channel, receipt (and whether it counts). */
export interface BallotView {
  readonly receipt: string;
  readonly unitIds: readonly string[];
  readonly area: string;
  /** yes_no; null on other forms and on invalid ballots. */
  readonly choice: 'for' | 'against' | 'abstain' | null;
  readonly option?: string;
  readonly candidates?: Readonly<Record<string, 'for' | 'against' | 'abstain'>>;
  readonly invalid: boolean;
  readonly channel: 'electronic' | 'paper';
  readonly castAt: string;
  readonly status: BallotStatus;
}

export function renderBallot(doc: BallotDoc): BallotView {
  return {
    receipt: doc.receipt,
    unitIds: doc.unitIds,
    area: doc.area,
    choice: doc.choice,
    ...(doc.option !== undefined ? { option: doc.option } : {}),
    ...(doc.candidates !== undefined ? { candidates: doc.candidates } : {}),
    invalid: doc.invalid,
    channel: doc.channel,
    castAt: doc.castAt,
    status: doc.status,
  };
}
