/**
 * Rendering for HTTP: the tally shape of GET /v1/motions/{id}/tally and the public ballot shape. Pure
 * functions of the documents; areas as exact decimal strings (at least 2 decimals, never rounded).
 */
import type { AxesWire } from '../../domain/assembly/events.js';
import type { RuleKind } from '../../domain/assembly/matters.js';
import type { MotionStatus } from '../../domain/assembly/state.js';
import { tally, type Axes } from '../../domain/assembly/tally.js';
import { thresholdsFor, type ThresholdBasis } from '../../domain/assembly/thresholds.js';
import { axesFromWire, axesToWire } from '../../domain/assembly/wire.js';
import type { Matter } from '../../domain/assembly/matters.js';
import type { BallotDoc, BallotStatus, TallyDoc } from './docs.js';

export interface TallyView {
  readonly motionId: string;
  readonly status: MotionStatus;
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
    readonly majority: 'for' | 'against' | null;
    readonly added: AxesWire;
    readonly participating: AxesWire;
    readonly for: AxesWire;
    readonly against: AxesWire;
    readonly quorumMet: boolean;
    readonly passed: boolean | null;
  };
  readonly ballots: { readonly counted: number; readonly late: number; readonly superseded: number };
}

const ZERO_AXES: Axes = { area: 0n, heads: 0 };
const decided = (status: MotionStatus): boolean => status === 'closed' || status === 'result_published';

function axes(w: AxesWire): Axes {
  const a = axesFromWire(w);
  if (!a) throw new RangeError(`bad figure in a tally document: ${JSON.stringify(w)}`);
  return a;
}

export function renderTally(doc: TallyDoc): TallyView {
  const eligible = doc.eligible ? axes(doc.eligible) : null;
  const totals = { eligible: eligible ?? ZERO_AXES, for: axes(doc.for), against: axes(doc.against), abstain: axes(doc.abstain) };
  const result = tally(totals, thresholdsFor(doc.thresholds, doc.rule), { deemedVotes: doc.deemedVotes !== null });
  // Before the roll is frozen there is nothing to count against: no quorum, no outcome.
  const live = eligible !== null;
  const final = live && decided(doc.status);
  const d = result.deemed;
  return {
    motionId: doc.motionId,
    status: doc.status,
    matter: doc.matter,
    rule: doc.rule,
    basis: doc.thresholds,
    eligible: axesToWire(totals.eligible),
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
    ballots: doc.ballots,
  };
}

/** A ballot on the public list: unit ids, area, choice, channel, receipt (and whether it counts). */
export interface BallotView {
  readonly receipt: string;
  readonly unitIds: readonly string[];
  readonly area: string;
  readonly choice: 'for' | 'against' | 'abstain';
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
    channel: doc.channel,
    castAt: doc.castAt,
    status: doc.status,
  };
}
