/** The funds' events: facts in the past tense, never edited. */
import type { MotionScope, Organisation } from '../assembly/index.js';
import type { DomainEvent } from '../shared/decider.js';
import type { Jurisdiction } from '../registry/index.js';
import type { EvidenceRef } from './commands.js';
import type { Transfer } from './ledger.js';
import type { EmergencyItem } from './rules.js';
import type { Statement } from './statement.js';

export const fundsStreamId = (compoundId: string): string => `funds-${compoundId}`;

/** 维修资金账户设立: the compound's ledgers opened, with its city's first-deposit rate per m² (维修资金办法 Art. 7). */
export interface FundOpenedData {
  readonly compoundId: string;
  readonly jurisdiction: Jurisdiction;
  readonly ratePerSquareMetre: string;
  readonly evidenceRef: string;
  readonly openedAt: string;
}

/** 交存: a deposit into a sub-account; the first one sets the unit's first deposit (首期交存额). */
export interface DepositRecordedData {
  readonly depositId: string;
  readonly unitId: string;
  readonly building: string;
  readonly area: string;
  readonly basis: 'first_deposit' | 'top_up';
  readonly payer: 'owner' | 'developer';
  readonly transfer: Transfer;
}

/** 续交: a sub-account fell below the threshold (维修资金办法 Art. 17; 沪规定 Art. 65): top it up by `dueBy`. */
export interface TopUpRequiredData {
  readonly unitId: string;
  readonly balance: string;
  readonly firstDeposit: string;
  /** The balance to reach. */
  readonly target: string;
  readonly requiredAt: string;
  readonly dueBy: string;
}

/** The sub-account is back at its target. */
export interface TopUpMetData {
  readonly unitId: string;
  readonly balance: string;
  readonly metAt: string;
}

/** 公共收益入账: income under a contract. */
export interface IncomeRecordedData {
  readonly entryId: string;
  readonly contractId: string;
  readonly transfer: Transfer;
}

/** 公共收益补充维修资金: two legs, one per ledger. */
export interface IncomePaidIntoFundData {
  readonly entryId: string;
  readonly transfers: readonly [Transfer, Transfer];
}

/** 冲正: the reversal of a transfer. */
export interface TransferReversedData {
  readonly reverses: string;
  readonly transfer: Transfer;
}

/** The release's terms, as requested. */
export interface ReleaseTerms {
  readonly releaseId: string;
  readonly contractPrice: string;
  readonly contractor: Organisation;
  readonly chargeScope: MotionScope;
  /** The units charged with their areas when requested (Civil Code Art. 283: shares by exclusive area). */
  readonly units: readonly { readonly unitId: string; readonly area: string }[];
  readonly requestedAt: string;
}

/** 使用申请 (维修资金办法 Arts. 22–23): a release on an owners' decision; its budget is the decision's. */
export interface ReleaseRequestedData extends ReleaseTerms {
  readonly decisionId: string;
  readonly budget: string;
  readonly evidence: readonly string[];
}

/** 应急使用申请 (维修资金办法 Art. 24): an emergency item with its evidence; no owners' vote. */
export interface EmergencyReleaseRequestedData extends ReleaseTerms {
  readonly item: EmergencyItem;
  readonly description: string;
  readonly evidence: readonly EvidenceRef[];
  /** The estimate stands for the budget. */
  readonly budget: string;
  readonly needsConfirmation: boolean;
}

/** The OC's review of an emergency (沪规定 Art. 73; 杭条例 Art. 73). */
export interface EmergencyReviewedData {
  readonly releaseId: string;
  readonly outcome: 'approved' | 'rejected';
  readonly reviewRef: string;
  readonly reviewedAt: string;
}

/** The street office's confirmation (杭条例 Art. 73). */
export interface EmergencyConfirmedData {
  readonly releaseId: string;
  readonly confirmationRef: string;
  readonly confirmedAt: string;
}

/** 预付款: a hold on the charged sub-accounts (pending transfers). */
export interface AdvanceHeldData {
  readonly releaseId: string;
  readonly amount: string;
  readonly transfers: readonly Transfer[];
}

/** 验收: the OC accepted the works, with its record. */
export interface WorksAcceptedData {
  readonly releaseId: string;
  readonly acceptanceRef: string;
  readonly acceptedAt: string;
}

/** 决（结）算审计 / 审价. */
export interface SettlementAuditedData {
  readonly releaseId: string;
  readonly auditedAmount: string;
  readonly auditRef: string;
  readonly auditedAt: string;
}

/** The audit skipped with the OC's approval (杭条例 Art. 72 (2): ≤ ¥30,000). */
export interface SettlementAuditWaivedData {
  readonly releaseId: string;
  readonly amount: string;
  readonly approvalRef: string;
  readonly waivedAt: string;
}

/** 结算: the holds voided and the settled amount posted, charged pro rata by area. */
export interface ReleaseSettledData {
  readonly releaseId: string;
  readonly amount: string;
  readonly voided: readonly string[];
  readonly transfers: readonly Transfer[];
  readonly reapprovalDecisionId: string | null;
  readonly settledAt: string;
  /** Emergency releases: the post-hoc review is due by then. */
  readonly postHocReviewDueBy: string | null;
}

/** The release abandoned: the holds released, nothing moves. */
export interface ReleaseVoidedData {
  readonly releaseId: string;
  readonly voided: readonly string[];
  readonly reason: string;
  readonly voidedAt: string;
}

/** 事后审核 of an emergency release. */
export interface PostHocReviewRecordedData {
  readonly releaseId: string;
  readonly reviewRef: string;
  readonly findings: string;
  readonly reviewedAt: string;
  readonly late: boolean;
}

/**
 * 账目公布: a ledger's statement for a period, generated from the ledger and posted to the notice board
 * (维修资金办法 Art. 30; 沪规定 Art. 66; 京条例 Art. 85). `late`: posted after `dueBy`.
 */
export interface DisclosurePublishedData {
  readonly disclosureId: string;
  readonly statement: Statement;
  readonly dueBy: string;
  readonly publishedAt: string;
  readonly late: boolean;
}

export type FundsEvent =
  | DomainEvent<'FundOpened', FundOpenedData>
  | DomainEvent<'DepositRecorded', DepositRecordedData>
  | DomainEvent<'TopUpRequired', TopUpRequiredData>
  | DomainEvent<'TopUpMet', TopUpMetData>
  | DomainEvent<'IncomeRecorded', IncomeRecordedData>
  | DomainEvent<'IncomePaidIntoFund', IncomePaidIntoFundData>
  | DomainEvent<'TransferReversed', TransferReversedData>
  | DomainEvent<'ReleaseRequested', ReleaseRequestedData>
  | DomainEvent<'EmergencyReleaseRequested', EmergencyReleaseRequestedData>
  | DomainEvent<'EmergencyReviewed', EmergencyReviewedData>
  | DomainEvent<'EmergencyConfirmed', EmergencyConfirmedData>
  | DomainEvent<'AdvanceHeld', AdvanceHeldData>
  | DomainEvent<'WorksAccepted', WorksAcceptedData>
  | DomainEvent<'SettlementAudited', SettlementAuditedData>
  | DomainEvent<'SettlementAuditWaived', SettlementAuditWaivedData>
  | DomainEvent<'ReleaseSettled', ReleaseSettledData>
  | DomainEvent<'ReleaseVoided', ReleaseVoidedData>
  | DomainEvent<'PostHocReviewRecorded', PostHocReviewRecordedData>
  | DomainEvent<'DisclosurePublished', DisclosurePublishedData>;

export type FundsEventType = FundsEvent['type'];
export const fundsEventTypes: readonly FundsEventType[] = [
  'FundOpened',
  'DepositRecorded',
  'TopUpRequired',
  'TopUpMet',
  'IncomeRecorded',
  'IncomePaidIntoFund',
  'TransferReversed',
  'ReleaseRequested',
  'EmergencyReleaseRequested',
  'EmergencyReviewed',
  'EmergencyConfirmed',
  'AdvanceHeld',
  'WorksAccepted',
  'SettlementAudited',
  'SettlementAuditWaived',
  'ReleaseSettled',
  'ReleaseVoided',
  'PostHocReviewRecorded',
  'DisclosurePublished',
];

/** The transfers an event carries (in order). */
export function transfersOf(event: FundsEvent): readonly Transfer[] {
  switch (event.type) {
    case 'DepositRecorded':
    case 'IncomeRecorded':
    case 'TransferReversed':
      return [event.data.transfer];
    case 'IncomePaidIntoFund':
    case 'AdvanceHeld':
    case 'ReleaseSettled':
      return event.data.transfers;
    default:
      return [];
  }
}

/** Pending transfers an event voids. */
export function voidedBy(event: FundsEvent): readonly string[] {
  return event.type === 'ReleaseSettled' || event.type === 'ReleaseVoided' ? event.data.voided : [];
}
