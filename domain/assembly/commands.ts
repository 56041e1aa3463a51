/**
 * Assembly commands (`{ type, data, by }`, as in every context): `by` is the acting person and their roles on
 * the compound (actor.ts), `data` what the command carries.
 * Instants are ISO-8601 strings; the deciders read "now" only from the context's clock.
 */
import type { VoterIdentity } from '../registry/index.js';
import type { ActorFacts } from './actor.js';
import type { Channel, DeliveryMethod, RevokingAuthority, TotalsWire } from './events.js';
import type { MeetingKind } from './rules.js';
import type { Matter } from './matters.js';
import type { MotionScope } from './scope.js';
import type { Choice } from './tally.js';

/** Propose a motion (议题). Convenors only. */
export interface ProposeMotion {
  readonly type: 'ProposeMotion';
  readonly data: ProposeMotionData;
  readonly by: ActorFacts;
}

/** What `ProposeMotion` carries. */
export interface ProposeMotionData {
  readonly motionId: string;
  readonly compoundId: string;
  /** The compound's jurisdiction (registry): chooses the rule pack, with the motion's date. */
  readonly jurisdiction: string;
  readonly title: string;
  readonly description: string;
  readonly matter: Matter;
  readonly scope: MotionScope;
  /**
   * The compound's buildings as its registry lists them when the motion is proposed: a building scope must
   * name only these (else `unknown_buildings`). Needed with a building scope; a building scope proposed
   * without it is refused.
   */
  readonly compoundBuildings?: readonly string[];
  readonly opensAt: string;
  readonly closesAt: string;
  /** 从众: count notified non-voters with the majority, citing the covenant clause; omitted = off. */
  readonly deemedVotes?: { readonly basis: string } | null;
  /** The ballot form and its options or candidates (forms.ts); omitted = yes_no. Checked by the decider. */
  readonly form?: unknown;
  /** The typed proposal for the matter (proposals.ts). Checked by the decider. */
  readonly proposal?: unknown;
  /** 定期会议 (default) or 临时会议: an extraordinary meeting may have a shorter notice (杭条例 Art. 19). */
  readonly meeting?: MeetingKind;
  /** The owners' petition this extraordinary meeting answers (petition.ts). */
  readonly petitionId?: string;
}

/** Give notice to all owners (会议通知). Convenors only. */
export interface PublishNotice {
  readonly type: 'PublishNotice';
  readonly data: PublishNoticeData;
  readonly by: ActorFacts;
}

/** What `PublishNotice` carries. */
export interface PublishNoticeData {
  readonly motionId: string;
}

/** Open voting, freezing the roll the registry computed for the motion's scope. Convenors (or `system`). */
export interface OpenMotion {
  readonly type: 'OpenMotion';
  readonly data: OpenMotionData;
  readonly by: ActorFacts;
}

/** What `OpenMotion` carries. */
export interface OpenMotionData {
  readonly motionId: string;
  readonly roll: readonly VoterIdentity[];
}

/**
 * Register a proxy mandate (授权委托书) from the notice on (checked against the roll at opening) or while voting is open. The principal is an owner of the identity that
 * holds `unitId`. By the principal themselves, or by OC/RC staff recording a written mandate (evidenceRef required).
 */
export interface RegisterMandate {
  readonly type: 'RegisterMandate';
  readonly data: RegisterMandateData;
  readonly by: ActorFacts;
}

/** What `RegisterMandate` carries. */
export interface RegisterMandateData {
  readonly motionId: string;
  readonly unitId: string;
  readonly principalPersonId: string;
  readonly proxyPersonId: string;
  /** The mandate document's reference (授权委托书编号). */
  readonly mandateRef: string;
  readonly evidenceRef?: string;
  /** Before voting opens: the registry's voter identity holding the unit today (checked again at opening). */
  readonly currentVoter?: VoterIdentity;
}

/** Close voting; not before the scheduled close. Convenors (or `system`). */
export interface CloseMotion {
  readonly type: 'CloseMotion';
  readonly data: CloseMotionData;
  readonly by: ActorFacts;
}

/** What `CloseMotion` carries. */
export interface CloseMotionData {
  readonly motionId: string;
}

/**
 * Post the result. `totals` are the counted sums of the tally projection, frozen at the close (anyone can
 * recompute them from the log); the decider recomputes the outcome from them under the motion's rules.
 */
export interface PublishResult {
  readonly type: 'PublishResult';
  readonly data: PublishResultData;
  readonly by: ActorFacts;
}

/** What `PublishResult` carries. */
export interface PublishResultData {
  readonly motionId: string;
  readonly totals: TotalsWire;
}

/** Cancel (撤回) a motion before voting opens. Convenors only. */
export interface CancelMotion {
  readonly type: 'CancelMotion';
  readonly data: CancelMotionData;
  readonly by: ActorFacts;
}

/** What `CancelMotion` carries. */
export interface CancelMotionData {
  readonly motionId: string;
  readonly reason: string;
}

/** Record how the notice reached a voter identity (送达), with its evidence. Convenors. */
export interface RecordDelivery {
  readonly type: 'RecordDelivery';
  readonly data: RecordDeliveryData;
  readonly by: ActorFacts;
}

/** What `RecordDelivery` carries. */
export interface RecordDeliveryData {
  readonly motionId: string;
  readonly unitId: string;
  /** The identity holding the unit now (from the registry), while the roll is not yet frozen. */
  readonly voterId: string;
  readonly method: DeliveryMethod;
  readonly evidenceRef?: string;
}

/** Object to the preliminary result (异议), within the objection window. An owner of the scope. */
export interface FileObjection {
  readonly type: 'FileObjection';
  readonly data: FileObjectionData;
  readonly by: ActorFacts;
}

/** What `FileObjection` carries. */
export interface FileObjectionData {
  readonly motionId: string;
  readonly objectionId: string;
  readonly reason: string;
  readonly receipts?: readonly string[];
  readonly units?: readonly string[];
}

/** Answer an objection: upheld (with the ballots it rules invalid, each with its evidence) or dismissed. Convenors. */
export interface AnswerObjection {
  readonly type: 'AnswerObjection';
  readonly data: AnswerObjectionData;
  readonly by: ActorFacts;
}

/** What `AnswerObjection` carries. */
export interface AnswerObjectionData {
  readonly motionId: string;
  readonly objectionId: string;
  readonly outcome: 'upheld' | 'dismissed';
  readonly reason: string;
  /** The ballots to rule invalid, looked up by their receipts (the service finds each ballot's voter). */
  readonly invalidate?: readonly { readonly receipt: string; readonly voterId: string; readonly evidenceRef: string }[];
}

/** Post the final result: after the objection window, with every objection answered. Convenors. */
export interface PublishFinal {
  readonly type: 'PublishFinal';
  readonly data: PublishFinalData;
  readonly by: ActorFacts;
}

/** What `PublishFinal` carries. */
export interface PublishFinalData {
  readonly motionId: string;
  /** The corrected sums (the tally projection applies rulings of invalid ballots). */
  readonly totals: TotalsWire;
}

/** Revoke a decision on an authority's order or a court judgment. Street office, or admin recording a judgment. */
export interface RevokeDecision {
  readonly type: 'RevokeDecision';
  readonly data: RevokeDecisionData;
  readonly by: ActorFacts;
}

/** What `RevokeDecision` carries. */
export interface RevokeDecisionData {
  readonly motionId: string;
  readonly decisionId: string;
  readonly authority: RevokingAuthority;
  readonly documentRef: string;
  readonly reason: string;
}

/** Notify the residents' committee of a final decision (物业管理条例 Art. 20). The server's reactor. */
export interface NotifyDecision {
  readonly type: 'NotifyDecision';
  readonly data: NotifyDecisionData;
  readonly by: ActorFacts;
}

/** What `NotifyDecision` carries. */
export interface NotifyDecisionData {
  readonly motionId: string;
  readonly decisionId: string;
}

export type MotionCommand =
  | ProposeMotion
  | PublishNotice
  | OpenMotion
  | RegisterMandate
  | CloseMotion
  | PublishResult
  | CancelMotion
  | RecordDelivery
  | FileObjection
  | AnswerObjection
  | PublishFinal
  | RevokeDecision
  | NotifyDecision;

/**
 * Cast a ballot (投票) for the voter identity that holds `unitId` (any one of its units).
 * - `electronic`: by an owner of the identity; for the developer-held units by a holder of the `developer`
 *   grant; or by a proxy with a mandate registered on the motion (`onBehalfOf` picks the principal when the
 *   proxy holds several for the identity).
 * - `paper`: entered by OC/RC staff with `evidenceRef`; `onBehalfOf` names the owner who signed (required for
 *   an owner identity).
 */
export interface CastBallot {
  readonly type: 'CastBallot';
  readonly data: CastBallotData;
  readonly by: ActorFacts;
}

/** What `CastBallot` carries. */
export interface CastBallotData {
  readonly motionId: string;
  readonly unitId: string;
  /** yes_no. */
  readonly choice?: Choice;
  /** choose_one: an option id or `abstain`. */
  readonly option?: string;
  /** elect: candidate id → for / against / abstain (unmarked = abstain). */
  readonly candidates?: Readonly<Record<string, Choice>>;
  /** 废票: a paper ballot entered as invalid (staff, with evidence). */
  readonly invalid?: boolean;
  readonly channel: Channel;
  readonly onBehalfOf?: string;
  readonly evidenceRef?: string;
}
