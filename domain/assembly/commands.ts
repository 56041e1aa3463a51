/**
 * Assembly commands. Each carries `by`: the acting person and their roles on the compound (actor.ts).
 * Instants are ISO-8601 strings; the deciders read "now" only from the context's clock.
 */
import type { VoterIdentity } from '../registry/index.js';
import type { ActorFacts } from './actor.js';
import type { Channel, TotalsWire } from './events.js';
import type { Matter } from './matters.js';
import type { MotionScope } from './scope.js';
import type { Choice } from './tally.js';

/** Propose a motion (议题). Convenors only. */
export interface ProposeMotion {
  readonly type: 'ProposeMotion';
  readonly motionId: string;
  readonly compoundId: string;
  /** The compound's jurisdiction (registry): chooses the rule pack, with the motion's date. */
  readonly jurisdiction: string;
  readonly title: string;
  readonly description: string;
  readonly matter: Matter;
  readonly scope: MotionScope;
  readonly opensAt: string;
  readonly closesAt: string;
  /** 从众: count notified non-voters with the majority, citing the covenant clause; omitted = off. */
  readonly deemedVotes?: { readonly basis: string } | null;
  readonly by: ActorFacts;
}

/** Give notice to all owners (会议通知). Convenors only. */
export interface PublishNotice {
  readonly type: 'PublishNotice';
  readonly motionId: string;
  readonly by: ActorFacts;
}

/** Open voting, freezing the roll the registry computed for the motion's scope. Convenors (or `system`). */
export interface OpenMotion {
  readonly type: 'OpenMotion';
  readonly motionId: string;
  readonly roll: readonly VoterIdentity[];
  readonly by: ActorFacts;
}

/**
 * Register a proxy mandate (授权委托书) while voting is open. The principal is an owner of the identity that
 * holds `unitId`. By the principal themselves, or by OC/RC staff recording a written mandate (evidenceRef required).
 */
export interface RegisterMandate {
  readonly type: 'RegisterMandate';
  readonly motionId: string;
  readonly unitId: string;
  readonly principalPersonId: string;
  readonly proxyPersonId: string;
  /** The mandate document's reference (授权委托书编号). */
  readonly mandateRef: string;
  readonly evidenceRef?: string;
  readonly by: ActorFacts;
}

/** Close voting; not before the scheduled close. Convenors (or `system`). */
export interface CloseMotion {
  readonly type: 'CloseMotion';
  readonly motionId: string;
  readonly by: ActorFacts;
}

/**
 * Post the result. `totals` are the counted sums of the tally projection, frozen at the close (anyone can
 * recompute them from the log); the decider recomputes the outcome from them under the motion's rules.
 */
export interface PublishResult {
  readonly type: 'PublishResult';
  readonly motionId: string;
  readonly totals: TotalsWire;
  readonly by: ActorFacts;
}

/** Cancel (撤回) a motion before voting opens. Convenors only. */
export interface CancelMotion {
  readonly type: 'CancelMotion';
  readonly motionId: string;
  readonly reason: string;
  readonly by: ActorFacts;
}

export type MotionCommand = ProposeMotion | PublishNotice | OpenMotion | RegisterMandate | CloseMotion | PublishResult | CancelMotion;

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
  readonly motionId: string;
  readonly unitId: string;
  readonly choice: Choice;
  readonly channel: Channel;
  readonly onBehalfOf?: string;
  readonly evidenceRef?: string;
  readonly by: ActorFacts;
}
