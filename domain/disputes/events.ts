/**
 * Events of the disputes context (纠纷与调解, 人民调解法). A dispute names its parties by kind (owner, OC, firm,
 * RC), never a person in public views.
 */
import type { DomainEvent } from '../shared/decider.js';
import type { DisputeCategory, LinkedRecordType, Mediator, Party, Route } from './rules.js';

export interface DisputeFiledData {
  readonly disputeId: string;
  readonly compoundId: string;
  readonly category: DisputeCategory;
  readonly filedBy: Party;
  readonly respondents: readonly Party[];
  readonly description: string;
  /** The records disputed (a motion, a ballot receipt, a decision, a release...): they show "under dispute". */
  readonly links: readonly { readonly type: LinkedRecordType; readonly id: string }[];
  readonly filedAt: string;
}

/** 受理调解: a mediator takes it on; the one-month limit runs from here. */
export interface MediationStartedData {
  readonly disputeId: string;
  readonly mediator: Mediator;
  readonly startedAt: string;
  readonly dueBy: string;
}

export interface MediationSessionHeldData {
  readonly disputeId: string;
  readonly summary: string;
  readonly heldAt: string;
}

/** 延长调解期限: by at most 30 days, both parties consenting. */
export interface MediationExtendedData {
  readonly disputeId: string;
  readonly days: number;
  readonly dueBy: string;
  readonly consentRef: string;
}

/** 调解协议: signed by the parties and the mediator (Arts. 28–29); judicial confirmation may be sought within 30 days (Art. 33). */
export interface AgreementSignedData {
  readonly disputeId: string;
  readonly terms: string;
  readonly signedAt: string;
  readonly confirmationDueBy: string;
}

/** 拒绝调解: a party refused; mediation may not go on (Art. 17). */
export interface MediationRefusedData {
  readonly disputeId: string;
  readonly party: Party;
  readonly refusedAt: string;
}

/** 调解不成: mediation failed; the parties were told of the other routes (Art. 26). */
export interface MediationFailedData {
  readonly disputeId: string;
  readonly routesTold: readonly Route[];
  readonly failedAt: string;
}

export interface JudicialConfirmationAppliedData {
  readonly disputeId: string;
  readonly court: string;
  readonly reference: string;
  readonly appliedAt: string;
}

export type DisputeEvent =
  | DomainEvent<'DisputeFiled', DisputeFiledData>
  | DomainEvent<'MediationStarted', MediationStartedData>
  | DomainEvent<'MediationSessionHeld', MediationSessionHeldData>
  | DomainEvent<'MediationExtended', MediationExtendedData>
  | DomainEvent<'AgreementSigned', AgreementSignedData>
  | DomainEvent<'MediationRefused', MediationRefusedData>
  | DomainEvent<'MediationFailed', MediationFailedData>
  | DomainEvent<'JudicialConfirmationApplied', JudicialConfirmationAppliedData>;

export const disputeEventTypes: readonly DisputeEvent['type'][] = [
  'DisputeFiled',
  'MediationStarted',
  'MediationSessionHeld',
  'MediationExtended',
  'AgreementSigned',
  'MediationRefused',
  'MediationFailed',
  'JudicialConfirmationApplied',
];

export const disputeStreamId = (disputeId: string) => `dispute-${disputeId}`;
