/**
 * The assembly's read model: collections, ids, parents and document shapes. Every document here is public
 * (the notice board, 公示栏): none holds a name or a person id (PIPL; the Beijing owners' app shows unit
 * numbers and areas only). Voter ids are left out too: they would link one household's ballots across motions.
 */
import type { AxesWire, DecisionRecord, OutcomeWire } from '../../domain/assembly/events.js';
import type { MotionForm } from '../../domain/assembly/forms.js';
import type { Proposal } from '../../domain/assembly/proposals.js';
import type { Matter, RuleKind } from '../../domain/assembly/matters.js';
import type { MotionScope } from '../../domain/assembly/scope.js';
import type { MotionStatus } from '../../domain/assembly/state.js';
import type { Choice } from '../../domain/assembly/tally.js';
import type { ThresholdBasis } from '../../domain/assembly/thresholds.js';

/** Notice-board list of a compound's motions: id = motionId, parent = compoundId, sortKey = proposedAt|motionId. */
export const MOTIONS = 'motions';
/** One running tally per motion: id = motionId, no parent. */
export const MOTION_TALLIES = 'motion-tallies';
/** Public ballot list: id = receipt, parent = motionId, sortKey = the ballot's global log position (20 digits). */
export const MOTION_BALLOTS = 'motion-ballots';
/** 从众 bookkeeping, only for motions with deemed votes: id = `<motionId>:<voterId>`, no parent. Not public. */
export const MOTION_VOTERS = 'motion-voters';
/** Decisions (业主大会决定): id = decisionId, parent = compoundId, sortKey = decidedAt|decisionId. */
export const DECISIONS = 'decisions';
/** Owners' petitions for an extraordinary meeting: id = petitionId, parent = compoundId. */
export const PETITIONS = 'petitions';
/** Objections to a preliminary result: id = `<motionId>:<objectionId>`, parent = motionId. No voter, no person. */
export const MOTION_OBJECTIONS = 'motion-objections';

export type Outcome = OutcomeWire;

/** Where the result stands: voting `open` (or not yet), `closed`, the `preliminary` result posted, the `final` one. */
export type ResultPhase = 'open' | 'closed' | 'preliminary' | 'final';

/** 公示: a motion as the notice board shows it. */
export interface MotionDoc {
  readonly motionId: string;
  readonly compoundId: string;
  readonly title: string;
  readonly description: string;
  readonly matter: Matter;
  readonly rule: RuleKind;
  readonly thresholds: ThresholdBasis;
  readonly rulePack: string;
  readonly status: MotionStatus;
  readonly scope: MotionScope;
  readonly opensAt: string;
  readonly closesAt: string;
  readonly proposedAt: string;
  readonly noticePublishedAt: string | null;
  readonly noticeRunsUntil: string | null;
  /** The holiday calendar the notice period was counted with. */
  readonly noticeCalendar?: string | null;
  readonly openedAt: string | null;
  readonly closedAt: string | null;
  readonly resultDueBy: string | null;
  readonly resultPublishedAt: string | null;
  readonly cancelledAt: string | null;
  readonly cancelReason: string | null;
  /** From the frozen roll, once voting has opened. */
  readonly eligible: AxesWire | null;
  readonly deemedVotes: { readonly basis: string } | null;
  /** The posted result. */
  readonly outcome: Outcome | null;
  readonly resultLate: boolean | null;
  readonly form: MotionForm;
  readonly proposal: Proposal | null;
  readonly meeting: 'regular' | 'extraordinary';
  /** End of the objection window after the preliminary result, if the rules set one. */
  readonly objectionsUntil: string | null;
  readonly finalPublishedAt: string | null;
  readonly decisionId: string | null;
  readonly decisionRevokedAt: string | null;
  /** How many voter identities the notice is recorded as delivered to. */
  readonly deliveries: number;
}

/** 业主大会决定: a final decision as other contexts and the notice board read it. */
export interface DecisionDoc extends DecisionRecord {
  readonly revoked: null | { readonly authority: string; readonly documentRef: string; readonly reason: string; readonly revokedAt: string };
  readonly notifiedToResidentsCommitteeAt: string | null;
}

/** An objection as the notice board shows it: its reason and answer, never who filed it. */
export interface ObjectionDoc {
  readonly motionId: string;
  readonly objectionId: string;
  readonly reason: string;
  readonly receipts: readonly string[];
  readonly units: readonly string[];
  readonly filedAt: string;
  readonly status: 'open' | 'upheld' | 'dismissed';
  readonly answer: null | { readonly reason: string; readonly answeredAt: string };
  /** Receipts ruled invalid on this objection. */
  readonly ruledInvalid: readonly string[];
}

/** 从众 bookkeeping per voter identity (deemed-votes motions only). */
export interface VoterDoc {
  readonly area: string | null;
  readonly delivered: boolean;
  readonly voted: boolean;
}

/** 计票: running sums, O(1) per ballot; frozen at the close. */
export interface TallyDoc {
  readonly motionId: string;
  readonly compoundId: string;
  readonly matter: Matter;
  readonly rule: RuleKind;
  readonly thresholds: ThresholdBasis;
  readonly deemedVotes: { readonly basis: string } | null;
  readonly status: MotionStatus;
  readonly form: MotionForm;
  readonly seatRanking: 'headcount_then_area' | 'area_then_headcount';
  readonly eligible: AxesWire | null;
  /** yes_no choices; for choose_one `abstain` holds the abstentions. */
  readonly for: AxesWire;
  readonly against: AxesWire;
  readonly abstain: AxesWire;
  /** 废票: entered invalid, or ruled invalid on an upheld objection. */
  readonly invalid: AxesWire;
  /** Every counted ballot, invalid ones included: the participation. */
  readonly cast: AxesWire;
  /** choose_one: support per option id. */
  readonly options: Readonly<Record<string, AxesWire>> | null;
  /** elect: for and against per candidate id. */
  readonly candidates: Readonly<Record<string, { readonly for: AxesWire; readonly against: AxesWire }>> | null;
  /** 从众: delivered non-voters (deemed-votes motions only). */
  readonly deemable: AxesWire;
  readonly ballots: { readonly counted: number; readonly late: number; readonly superseded: number; readonly ruledInvalid: number };
  readonly closedAt: string | null;
  /** Global position of the `MotionClosed` event: the line a ballot must stand before to count. */
  readonly closedAtPosition: string | null;
  readonly published: Outcome | null;
}

/**
 * Whether a ballot counts: `counted`; `superseded` by a later ballot of the same voice (re-voting packs);
 * `late` when it stands after the motion's close in the log's global order (never counted); `ruled_invalid`
 * when an upheld objection ruled it invalid (it still takes part, for nothing).
 */
export type BallotStatus = 'counted' | 'superseded' | 'late' | 'ruled_invalid';

/** 投票公示: one ballot as the public sees it — units, area, choice, channel, receipt; no person. */
export interface BallotDoc {
  readonly receipt: string;
  readonly motionId: string;
  readonly unitIds: readonly string[];
  readonly area: string;
  /** yes_no; null on other forms and on invalid ballots. */
  readonly choice: Choice | null;
  /** choose_one: the option id or `abstain`. */
  readonly option?: string;
  /** elect: each candidate's mark. */
  readonly candidates?: Readonly<Record<string, Choice>>;
  /** 废票 as entered. */
  readonly invalid: boolean;
  readonly channel: 'electronic' | 'paper';
  readonly castAt: string;
  /** The ballot's position in the log's global order (decimal), which orders the list. */
  readonly position: string;
  readonly status: BallotStatus;
}

/** Pads a global position so that text order is log order. */
export const positionKey = (position: bigint): string => position.toString().padStart(20, '0');

/** 提议召开临时会议: a petition's totals as the notice board shows them; never who signed. */
export interface PetitionDoc {
  readonly petitionId: string;
  readonly compoundId: string;
  readonly purpose: string;
  readonly openedAt: string;
  readonly eligible: AxesWire;
  readonly signatures: AxesWire;
  readonly threshold: string;
  readonly reachedAt: string | null;
  /** The OC must convene the extraordinary meeting by then. */
  readonly conveneBy: string | null;
}
