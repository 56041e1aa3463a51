/**
 * Assembly events: facts in the past tense. Motion events live on `motion-<motionId>`; ballots on
 * `ballot-<motionId>-<voterId>` (streams.ts). Instants are ISO-8601 strings, areas exact decimal strings.
 * Person ids appear in event data (the log is not public) but never in a public projection.
 */
import type { DomainEvent } from '../shared/decider.js';
import type { Matter } from './matters.js';
import type { FrozenRoll, EligibleWire } from './roll.js';
import type { MotionRules } from './rules.js';
import type { MotionScope } from './scope.js';
import type { Choice } from './tally.js';

/** A quantity on both axes as written: area as an exact decimal string, heads as an integer. */
export interface AxesWire {
  readonly area: string;
  readonly headcount: number;
}

export interface TotalsWire {
  readonly eligible: AxesWire;
  readonly for: AxesWire;
  readonly against: AxesWire;
  readonly abstain: AxesWire;
}

/** 议题提出: a motion (业主共同决定事项) is proposed, with its schedule and the rules resolved for it. */
export interface MotionProposedData {
  readonly motionId: string;
  readonly compoundId: string;
  readonly jurisdiction: string;
  readonly title: string;
  readonly description: string;
  readonly matter: Matter;
  readonly scope: MotionScope;
  /** Scheduled opening and closing of the voting window. */
  readonly opensAt: string;
  readonly closesAt: string;
  readonly proposedAt: string;
  readonly rules: MotionRules;
}

/** 会议通知/公示: notice given to all owners (物业管理条例 Art. 14). Voting may open once the period has run. */
export interface MotionNoticePublishedData {
  readonly motionId: string;
  readonly publishedAt: string;
  /** The instant the notice period has run (24:00 of its last day, Civil Code Arts. 201–203). */
  readonly noticeRunsUntil: string;
}

/** 投票开始: voting opens; the roll is frozen as it stands. */
export interface MotionOpenedData {
  readonly motionId: string;
  readonly openedAt: string;
  readonly roll: FrozenRoll;
}

/** 授权委托: a written proxy mandate registered for this motion. */
export interface MandateRegisteredData {
  readonly motionId: string;
  readonly voterId: string;
  /** The owner who gives the mandate (an owner of the identity). */
  readonly principalPersonId: string;
  readonly proxyPersonId: string;
  /** By the principal online, or by OC/RC staff recording a written mandate. */
  readonly registeredBy: 'principal' | 'staff';
  /** The mandate document's reference (授权委托书编号). */
  readonly mandateRef: string;
  readonly evidenceRef?: string;
  readonly registeredAt: string;
}

/** 投票结束: voting closes. Ballots after this event in the log's global order are not counted. */
export interface MotionClosedData {
  readonly motionId: string;
  readonly closedAt: string;
  /** The deadline for posting the result (e.g. 京条例 Art. 37: three days), or null when the pack has none. */
  readonly resultDueBy: string | null;
}

/** 表决结果公示: the result is posted. */
export interface ResultPublishedData {
  readonly motionId: string;
  readonly publishedAt: string;
  readonly totals: TotalsWire;
  readonly outcome: { readonly basis: 'raw' | 'deemed'; readonly quorumMet: boolean; readonly passed: boolean };
  /** Posted after `resultDueBy`. */
  readonly late: boolean;
}

/** 议题撤回: cancelled before voting opened. */
export interface MotionCancelledData {
  readonly motionId: string;
  readonly cancelledAt: string;
  readonly reason: string;
}

export type MotionEvent =
  | DomainEvent<'MotionProposed', MotionProposedData>
  | DomainEvent<'MotionNoticePublished', MotionNoticePublishedData>
  | DomainEvent<'MotionOpened', MotionOpenedData>
  | DomainEvent<'MandateRegistered', MandateRegisteredData>
  | DomainEvent<'MotionClosed', MotionClosedData>
  | DomainEvent<'ResultPublished', ResultPublishedData>
  | DomainEvent<'MotionCancelled', MotionCancelledData>;

/** 纸质投票 / 电子投票. */
export type Channel = 'electronic' | 'paper';
export const channels: readonly Channel[] = ['electronic', 'paper'];

/** In what capacity the ballot was cast. */
export type CastBy = 'owner' | 'proxy' | 'developer' | 'paper';

/** 投票: one ballot of a voter identity, covering all its units on the roll, their areas summed. */
export interface BallotCastData {
  readonly motionId: string;
  readonly voterId: string;
  /** From the command's id generator: the same command yields the same ballot id. */
  readonly ballotId: string;
  /** ballotReceipt(motionId, voterId, ballotId): what the voter keeps to find the ballot (receipt.ts). */
  readonly receipt: string;
  /** The unit the ballot named. */
  readonly unitId: string;
  /** Every unit of the identity on the roll. */
  readonly unitIds: readonly string[];
  /** Their summed area, exact decimal string. */
  readonly area: string;
  readonly choice: Choice;
  readonly channel: Channel;
  readonly castBy: CastBy;
  /** The person who acted (owner, proxy, developer's agent, or the staff member entering paper). */
  readonly byPersonId: string;
  /** The owner whose voice this is (proxy and paper ballots); absent for the owner's own and developer ballots. */
  readonly onBehalfOf?: string;
  readonly evidenceRef?: string;
  readonly castAt: string;
  /** Re-voting (where the pack allows it): the ballot this one replaces. */
  readonly replaces?: { readonly receipt: string; readonly choice: Choice };
}

export type BallotEvent = DomainEvent<'BallotCast', BallotCastData>;

export type AssemblyEvent = MotionEvent | BallotEvent;

export const motionEventTypes: readonly MotionEvent['type'][] = [
  'MotionProposed',
  'MotionNoticePublished',
  'MotionOpened',
  'MandateRegistered',
  'MotionClosed',
  'ResultPublished',
  'MotionCancelled',
];
