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
import type { BallotMarks, Candidate, MotionForm } from './forms.js';
import type { Proposal } from './proposals.js';
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
  /** 废票: invalid paper ballots, cast (they take part) but for nothing. Absent = none. */
  readonly invalid?: AxesWire;
  /** Every counted ballot (the participation of a choose_one or elect motion). Absent = for + against + abstain + invalid. */
  readonly cast?: AxesWire;
  /** choose_one: each option's support, by option id. */
  readonly options?: Readonly<Record<string, AxesWire>>;
  /** elect: each candidate's for and against, by candidate id (abstain = cast − for − against). */
  readonly candidates?: Readonly<Record<string, { readonly for: AxesWire; readonly against: AxesWire }>>;
  /** 从众: notified non-voters (their notice delivery recorded) who may be deemed to vote with the majority. */
  readonly deemable?: AxesWire;
}

/** A posted outcome, per form. */
export interface OutcomeWire {
  readonly basis: 'raw' | 'deemed';
  readonly quorumMet: boolean;
  /** yes_no: passed; choose_one: an option was adopted; elect: at least one candidate was elected. */
  readonly passed: boolean;
  /** choose_one: the adopted option, or null. */
  readonly adopted?: string | null;
  /** elect: the elected candidates in rank order, and the seats left for a by-election. */
  readonly elected?: readonly string[];
  readonly unfilledSeats?: number;
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
  /** The ballot form; absent in motions recorded before forms existed (= yes_no). */
  readonly form?: MotionForm;
  /** What is proposed, typed per matter (proposals.ts); absent or null = the description says it. */
  readonly proposal?: Proposal | null;
  /** The owners' petition that obliged the OC to convene this (extraordinary) meeting. */
  readonly petitionId?: string;
}

/** 会议通知/公示: notice given to all owners (物业管理条例 Art. 14). Voting may open once the period has run. */
export interface MotionNoticePublishedData {
  readonly motionId: string;
  readonly publishedAt: string;
  /** The instant the notice period has run (24:00 of its last day, Civil Code Arts. 201–203). */
  readonly noticeRunsUntil: string;
  /** The holiday calendar the period was counted with (`cn-statutory`, or `weekends-only` in a year it does not cover). */
  readonly calendar?: string;
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
  /** The identity it speaks for (before opening: the registry's identity of the unit then; re-checked at opening). */
  readonly voterId: string;
  /** Registered during the notice period: checked against the roll when voting opens. */
  readonly beforeOpening?: true;
  /** The unit named; absent in mandates recorded before it was kept. */
  readonly unitId?: string;
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

/** 初步统计结果公示: the preliminary result is posted; the objection window (询异公示) runs from here. */
export interface ResultPublishedData {
  readonly motionId: string;
  readonly publishedAt: string;
  readonly totals: TotalsWire;
  readonly outcome: OutcomeWire;
  /** Posted after `resultDueBy`. */
  readonly late: boolean;
  /** End of the objection window (24:00 China time of its last day); absent in older motions = no window. */
  readonly objectionsUntil?: string | null;
}

/** 送达: how the notice reached a voter identity (electronic receipt, in person, posted in the compound). */
export type DeliveryMethod = 'electronic_receipt' | 'in_person' | 'posted';
export const deliveryMethods: readonly DeliveryMethod[] = ['electronic_receipt', 'in_person', 'posted'];

export interface NoticeDeliveredData {
  readonly motionId: string;
  readonly voterId: string;
  readonly unitId: string;
  readonly method: DeliveryMethod;
  readonly evidenceRef?: string;
  readonly deliveredAt: string;
}

/** 异议: an owner of the scope objects to the preliminary result. */
export interface ObjectionFiledData {
  readonly motionId: string;
  readonly objectionId: string;
  /** The objecting owner's voter identity (never shown publicly). */
  readonly voterId: string;
  readonly reason: string;
  readonly receipts: readonly string[];
  readonly units: readonly string[];
  readonly filedAt: string;
}

export interface ObjectionAnsweredData {
  readonly motionId: string;
  readonly objectionId: string;
  readonly outcome: 'upheld' | 'dismissed';
  readonly reason: string;
  readonly answeredAt: string;
}

/** 废票认定: a counted ballot is ruled invalid on an upheld objection, with its evidence; never an edit. */
export interface BallotRuledInvalidData {
  readonly motionId: string;
  readonly receipt: string;
  readonly voterId: string;
  readonly objectionId: string;
  readonly evidenceRef: string;
  readonly ruledAt: string;
}

/**
 * 业主大会决定: a final motion that adopted something. Other contexts rely on it through the assembly's published
 * surface: the committee seats the elected, a contract names the adopted firm, a fund release checks the budget.
 */
export interface DecisionRecord {
  readonly decisionId: string;
  readonly motionId: string;
  readonly compoundId: string;
  readonly matter: Matter;
  readonly scope: MotionScope;
  readonly proposal: Proposal | null;
  readonly adopted:
    | { readonly kind: 'motion' }
    | { readonly kind: 'option'; readonly optionId: string; readonly label: string }
    | { readonly kind: 'elected'; readonly candidates: readonly Candidate[]; readonly unfilledSeats: number };
  readonly decidedAt: string;
}

/** 最终结果公示: the final result, after the objection window and with every objection answered. */
export interface FinalResultPublishedData {
  readonly motionId: string;
  readonly publishedAt: string;
  readonly totals: TotalsWire;
  readonly outcome: OutcomeWire;
  /** The decision, when something was adopted; null otherwise. */
  readonly decision: DecisionRecord | null;
  /** Posted after the final-result deadline. */
  readonly late: boolean;
}

/** Who may revoke a decision: 物业管理条例 Art. 19 (the street office or the housing department orders it), or a court (Civil Code Art. 280). */
export type RevokingAuthority = 'street_office' | 'housing_department' | 'court';
export const revokingAuthorities: readonly RevokingAuthority[] = ['street_office', 'housing_department', 'court'];

/** 撤销: a decision revoked; it stays in the record, marked, and nothing may rely on it afterwards. */
export interface DecisionRevokedData {
  readonly motionId: string;
  readonly decisionId: string;
  readonly authority: RevokingAuthority;
  readonly documentRef: string;
  readonly reason: string;
  readonly revokedAt: string;
}

/** 告知居委会: the final decision notified to the residents' committee (物业管理条例 Art. 20). */
export interface DecisionNotifiedData {
  readonly motionId: string;
  readonly decisionId: string;
  readonly to: 'residents_committee';
  readonly notifiedAt: string;
}

/** A mandate registered during the notice period that the roll frozen at opening does not support. */
export interface MandateLapsedData {
  readonly motionId: string;
  readonly unitId: string;
  readonly principalPersonId: string;
  readonly proxyPersonId: string;
  readonly mandateRef: string;
  readonly reason: string;
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
  | DomainEvent<'MotionCancelled', MotionCancelledData>
  | DomainEvent<'NoticeDelivered', NoticeDeliveredData>
  | DomainEvent<'MandateLapsed', MandateLapsedData>
  | DomainEvent<'ObjectionFiled', ObjectionFiledData>
  | DomainEvent<'ObjectionAnswered', ObjectionAnsweredData>
  | DomainEvent<'BallotRuledInvalid', BallotRuledInvalidData>
  | DomainEvent<'FinalResultPublished', FinalResultPublishedData>
  | DomainEvent<'DecisionRevoked', DecisionRevokedData>
  | DomainEvent<'DecisionNotified', DecisionNotifiedData>;

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
  /** yes_no: the choice. Absent on other forms and on invalid ballots. */
  readonly choice?: Choice;
  /** choose_one and elect: what the ballot says. */
  readonly marks?: Exclude<BallotMarks, { form: 'yes_no' }>;
  /** 废票: a paper ballot entered as invalid (with its evidence): it takes part and supports nothing. */
  readonly invalid?: true;
  readonly channel: Channel;
  readonly castBy: CastBy;
  /** The person who acted (owner, proxy, developer's agent, or the staff member entering paper). */
  readonly byPersonId: string;
  /** The owner whose voice this is (proxy and paper ballots); absent for the owner's own and developer ballots. */
  readonly onBehalfOf?: string;
  readonly evidenceRef?: string;
  readonly castAt: string;
  /** Re-voting (where the pack allows it): the ballot this one replaces. */
  readonly replaces?: { readonly receipt: string; readonly choice?: Choice; readonly marks?: Exclude<BallotMarks, { form: 'yes_no' }>; readonly invalid?: true };
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
  'NoticeDelivered',
  'MandateLapsed',
  'ObjectionFiled',
  'ObjectionAnswered',
  'BallotRuledInvalid',
  'FinalResultPublished',
  'DecisionRevoked',
  'DecisionNotified',
];
