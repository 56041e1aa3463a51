/** The hiring read model's documents. No person ids: evaluators and complainants appear as counts only. */
import type { BidTerms, ContractDrawnData, Criterion, FeeAdjustmentStatus, PeriodTerms, ScoreRule, ShortlistEntry, SurveyTally } from '../../domain/hiring/index.js';

export const HIRING_FIRMS = 'hiring_firms';
export const HIRING_TENDERS = 'hiring_tenders';
export const HIRING_CONTRACTS = 'hiring_contracts';
export const HIRING_FEE_ADJUSTMENTS = 'hiring_fee_adjustments';
export const HIRING_SURVEYS = 'hiring_surveys';

export interface FirmDoc {
  readonly firmId: string;
  readonly name: string;
  readonly creditCode: string;
}

export interface BidDoc {
  readonly firmId: string;
  readonly submittedAt: string;
  readonly commitment: string;
  /** Null until revealed, which the decider allows only after the deadline: never present while bids are sealed. */
  readonly revealed: { readonly terms: BidTerms; readonly revealedAt: string; readonly compliant: boolean; readonly nonCompliance: string | null } | null;
  readonly evaluations: number;
  readonly weightedSum: number;
}

export interface TenderDoc {
  readonly tenderId: string;
  readonly compoundId: string;
  readonly title: string;
  readonly scope: string;
  readonly standards: string;
  readonly feeCeiling: string;
  readonly termMonths: number;
  readonly bidDeadline: string;
  readonly revealUntil: string;
  readonly criteria: readonly Criterion[];
  readonly holdBackPercent: number;
  readonly scoreRule: ScoreRule;
  readonly yellowLine: number;
  readonly publishedAt: string;
  readonly bids: readonly BidDoc[];
  readonly evaluatorsDeclared: number;
  readonly conflictsDeclared: number;
  readonly motionId: string | null;
  readonly shortlist: readonly ShortlistEntry[];
}

export interface AssessmentDoc {
  readonly period: number;
  readonly items: readonly { itemId: string; score: number }[];
  readonly total: number;
  readonly scoredAt: string;
  readonly confirmedAt: string | null;
  readonly release: { readonly heldBack: string; readonly released: string; readonly withheld: string; readonly band: string } | null;
}

export interface ContractDoc {
  readonly contractId: string;
  readonly compoundId: string;
  readonly terms: ContractDrawnData;
  readonly status: 'drawn' | 'signed' | 'indefinite' | 'ended';
  readonly signed: { readonly signedAt: string; readonly documentRef: string; readonly startsOn: string; readonly lastDay: string; readonly expiresAt: string; readonly managerReportDueBy: string; readonly renewalDecisionDueBy: string } | null;
  readonly periods: readonly PeriodTerms[];
  readonly preContractEndedAt: string | null;
  readonly managerReportedAt: string | null;
  readonly assessments: readonly AssessmentDoc[];
  readonly yellowCards: readonly { period: number; year: number; score: number; rectifyBy: string; rectifiedAt: string | null }[];
  readonly redCards: readonly { year: number; periods: number[]; issuedAt: string }[];
  readonly renewalDecision: { decisionId: string; action: string; recordedAt: string } | null;
  readonly nonRenewalNotice: { givenAt: string; daysBefore: number | null; requiredDays: number; late: boolean; endsAt: string; article: string } | null;
  readonly dismissalNotice: { decisionId: string; givenAt: string; days: number; endsAt: string; article: string } | null;
  readonly indefiniteSince: string | null;
  readonly ended: { endedAt: string; reason: string; handoverDueBy: string; article: string } | null;
  readonly handover: readonly { item: string; confirmedAt: string | null }[];
  readonly takenOverAt: string | null;
  readonly complaints: readonly { complaintId: string; subject: string; filedAt: string; answerDueBy: string; answeredAt: string | null; late: boolean }[];
  readonly disclosures: readonly { period: number; kinds: string[]; filedAt: string }[];
  /** The fee in force and its history (杭条例 Art. 53); absent on docs projected before version 2. */
  readonly fee?: string;
  readonly feeChanges?: readonly { adjustmentId: string; decisionId: string; previousFee: string; fee: string; effectiveFrom: string; at: string }[];
}

/** A fee adjustment on the notice board: the plan, its audit report, the posting and the owners' decision. */
export interface FeeAdjustmentDoc {
  readonly adjustmentId: string;
  readonly contractId: string;
  readonly compoundId: string;
  readonly currentFee: string;
  readonly proposedFee: string;
  readonly auditReportRef: string;
  readonly range: string;
  readonly reasons: string;
  readonly status: FeeAdjustmentStatus;
  readonly proposedAt: string;
  readonly postedAt: string | null;
  readonly postedUntil: string | null;
  readonly motionId: string | null;
  readonly decisionId: string | null;
  readonly resolvedAt: string | null;
}

/** A satisfaction survey: its questions and the running sums per question and level; no respondent ids. */
export interface SurveyDoc {
  readonly surveyId: string;
  readonly compoundId: string;
  readonly contractId: string;
  readonly title: string;
  readonly questions: readonly { questionId: string; text: string }[];
  readonly opensAt: string;
  readonly closesAt: string;
  readonly respondents: { readonly area: string; readonly headcount: number };
  readonly tally: SurveyTally;
}
