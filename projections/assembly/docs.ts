/**
 * The assembly's read model: collections, ids, parents and document shapes. Every document here is public
 * (the notice board, 公示栏): none holds a name or a person id (PIPL; the Beijing owners' app shows unit
 * numbers and areas only). Voter ids are left out too: they would link one household's ballots across motions.
 */
import type { AxesWire } from '../../domain/assembly/events.js';
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

export type Outcome = { readonly basis: 'raw' | 'deemed'; readonly quorumMet: boolean; readonly passed: boolean };

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
  readonly eligible: AxesWire | null;
  readonly for: AxesWire;
  readonly against: AxesWire;
  readonly abstain: AxesWire;
  readonly ballots: { readonly counted: number; readonly late: number; readonly superseded: number };
  readonly closedAt: string | null;
  /** Global position of the `MotionClosed` event: the line a ballot must stand before to count. */
  readonly closedAtPosition: string | null;
  readonly published: Outcome | null;
}

/**
 * Whether a ballot counts: `counted`; `superseded` by a later ballot of the same voice (re-voting packs);
 * `late` when it stands after the motion's close in the log's global order (never counted).
 */
export type BallotStatus = 'counted' | 'superseded' | 'late';

/** 投票公示: one ballot as the public sees it — units, area, choice, channel, receipt; no person. */
export interface BallotDoc {
  readonly receipt: string;
  readonly motionId: string;
  readonly unitIds: readonly string[];
  readonly area: string;
  readonly choice: Choice;
  readonly channel: 'electronic' | 'paper';
  readonly castAt: string;
  /** The ballot's position in the log's global order (decimal), which orders the list. */
  readonly position: string;
  readonly status: BallotStatus;
}

/** Pads a global position so that text order is log order. */
export const positionKey = (position: bigint): string => position.toString().padStart(20, '0');
