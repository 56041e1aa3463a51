/**
 * The hiring context's events: past-tense facts on three kinds of stream (streams.ts): a firm's, a tender's and
 * a contract's. Every tender and contract event names its compound. Money is yuan as an exact decimal string
 * (domain/shared/money.ts); areas are exact decimal strings of m² (domain/shared/area.ts); instants ISO-8601;
 * days of a term China dates (YYYY-MM-DD).
 */
import type { DomainEvent } from '../shared/decider.js';
import type { Jurisdiction } from '../registry/index.js';
import type { AssessmentItem, HandoverItem, ScoreRule } from './rules.js';
import type { BidTerms } from './sealedBid.js';

/** 物业服务企业: a firm as a party; its id is its unified social credit code (统一社会信用代码). */
export type FirmRegistered = DomainEvent<'FirmRegistered', { firmId: string; name: string; creditCode: string; agents: string[]; registeredAt: string }>;
/** A person authorised to act for the firm (授权代表). */
export type FirmAgentAdded = DomainEvent<'FirmAgentAdded', { firmId: string; personId: string; addedAt: string }>;
export type FirmEvent = FirmRegistered | FirmAgentAdded;

/** An evaluation criterion of a tender (评标标准) and its weight; the weights sum to 100. */
export interface Criterion {
  readonly criterionId: string;
  readonly name: string;
  readonly weight: number;
}

export interface TenderPublishedData {
  readonly tenderId: string;
  readonly compoundId: string;
  readonly jurisdiction: Jurisdiction;
  readonly title: string;
  /** 服务范围 and 服务标准. */
  readonly scope: string;
  readonly standards: string;
  /** 最高限价: yuan per m² per month. */
  readonly feeCeiling: string;
  readonly termMonths: number;
  readonly bidDeadline: string;
  /** The end of the reveal window (sealedBid.ts). */
  readonly revealUntil: string;
  readonly criteria: readonly Criterion[];
  /** The contract terms the tender announces: the hold-back share (湖州 Art. 34), its score rule, the yellow-card line, the assessment template. */
  readonly holdBackPercent: number;
  readonly scoreRule: ScoreRule;
  readonly yellowLine: number;
  readonly assessmentTemplate: readonly AssessmentItem[];
  readonly publishedAt: string;
}
/** 招标公告. */
export type TenderPublished = DomainEvent<'TenderPublished', TenderPublishedData>;
/** 投标 (sealed): only the commitment; the terms are not in the log before the deadline. */
export type BidSubmitted = DomainEvent<'BidSubmitted', { tenderId: string; compoundId: string; firmId: string; commitment: string; submittedAt: string }>;
/** 开标: the terms and salt, matching the commitment; `compliant` false when the fee is over the ceiling. */
export type BidRevealed = DomainEvent<
  'BidRevealed',
  { tenderId: string; compoundId: string; firmId: string; terms: BidTerms; salt: string; revealedAt: string; compliant: boolean; nonCompliance: string | null }
>;
/** 利益冲突声明: the firms the evaluator has an interest in (may be none). */
export type ConflictsDeclared = DomainEvent<'ConflictsDeclared', { tenderId: string; compoundId: string; evaluatorId: string; conflicts: string[]; declaredAt: string }>;
/** 评分: per criterion 0–100; `weighted` = Σ weight × score, 0–10,000 (hundredths of a point). */
export type BidScored = DomainEvent<
  'BidScored',
  { tenderId: string; compoundId: string; firmId: string; evaluatorId: string; scores: Record<string, number>; weighted: number; scoredAt: string }
>;
export interface ShortlistEntry {
  readonly firmId: string;
  readonly name: string;
  readonly feePerSquareMetreMonth: string;
  /** Sum of the evaluators' weighted scores and their number (the average is their quotient). */
  readonly weightedSum: number;
  readonly evaluations: number;
}
/** 入围: the shortlist put to the owners as the options of a `hire_or_dismiss_firm` choose_one motion. */
export type TenderPutToOwners = DomainEvent<'TenderPutToOwners', { tenderId: string; compoundId: string; motionId: string; shortlist: ShortlistEntry[]; at: string }>;
export type TenderEvent = TenderPublished | BidSubmitted | BidRevealed | ConflictsDeclared | BidScored | TenderPutToOwners;

export interface PeriodTerms {
  /** 1-based. */
  readonly period: number;
  readonly from: string;
  readonly to: string;
  /** The period's held-back share (yuan). */
  readonly heldBack: string;
}

export interface ContractDrawnData {
  readonly contractId: string;
  readonly tenderId: string;
  readonly compoundId: string;
  readonly jurisdiction: Jurisdiction;
  readonly motionId: string;
  readonly decisionId: string;
  readonly firm: { readonly firmId: string; readonly name: string; readonly creditCode: string };
  /** 收费标准: yuan per m² per month, from the adopted bid. */
  readonly feePerSquareMetreMonth: string;
  /** The exclusive area the fee is charged on (the compound's total when drawn). */
  readonly chargeableArea: string;
  readonly termMonths: number;
  readonly services: { readonly scope: string; readonly standards: string; readonly servicePlanRef: string; readonly staffing: number; readonly promises: readonly string[] };
  readonly holdBackPercent: number;
  /** The term's held-back total (yuan), holdBack.ts. */
  readonly heldBackTotal: string;
  readonly scoreRule: ScoreRule;
  readonly yellowLine: number;
  readonly assessmentTemplate: readonly AssessmentItem[];
  readonly nonRenewalNoticeDays: number;
  readonly dismissalNoticeDays: number;
  /** 交接: the days and their article (rules.ts HANDOVER_DAYS), the items. */
  readonly handover: { readonly days: number; readonly article: string; readonly items: readonly HandoverItem[] };
  readonly drawnAt: string;
}
/** 物业服务合同 drawn from the adopted bid (Civil Code Art. 938). */
export type ContractDrawn = DomainEvent<'ContractDrawn', ContractDrawnData>;
/** Signed by the OC (Civil Code Art. 939); the term, its periods, the manager's and the renewal deadlines. */
export type ContractSigned = DomainEvent<
  'ContractSigned',
  {
    contractId: string;
    compoundId: string;
    signedAt: string;
    documentRef: string;
    startsOn: string;
    lastDay: string;
    expiresAt: string;
    periods: PeriodTerms[];
    managerReportDueBy: string;
    renewalDecisionDueBy: string;
  }
>;
/** 前期物业服务合同终止 (Civil Code Art. 940): the new contract ends the developer's pre-contract. */
export type PreContractEnded = DomainEvent<'PreContractEnded', { contractId: string; compoundId: string; endedAt: string; article: string }>;
/** 项目负责人报到 (京条例 Art. 66). */
export type ProjectManagerReported = DomainEvent<'ProjectManagerReported', { contractId: string; compoundId: string; reportedAt: string; reference: string }>;
/** 考核评分 by the OC. */
export type AssessmentScored = DomainEvent<
  'AssessmentScored',
  { contractId: string; compoundId: string; period: number; items: { itemId: string; score: number }[]; total: number; scoredAt: string }
>;
/** Countersigned by the residents' committee: the score stands, and its consequences follow. */
export type AssessmentConfirmed = DomainEvent<'AssessmentConfirmed', { contractId: string; compoundId: string; period: number; total: number; confirmedAt: string }>;
/**
 * 履约保证金释放: a period's held-back fees split by the score rule; an entry the funds context books
 * (released to the firm, withheld kept in the OC's account). released + withheld = heldBack, exactly.
 */
export type HeldBackFeesReleased = DomainEvent<
  'HeldBackFeesReleased',
  {
    contractId: string;
    compoundId: string;
    firmId: string;
    period: number;
    score: number;
    band: 'full' | 'pro_rata' | 'none';
    heldBack: string;
    released: string;
    withheld: string;
    rule: ScoreRule;
    article: string;
    at: string;
  }
>;
/** 黄牌: a score under the contract's line; rectify by `rectifyBy`. */
export type YellowCardIssued = DomainEvent<'YellowCardIssued', { contractId: string; compoundId: string; period: number; year: number; score: number; line: number; rectifyBy: string; issuedAt: string }>;
/** 红牌: three yellow cards in a year (Qingdao practice). */
export type RedCardIssued = DomainEvent<'RedCardIssued', { contractId: string; compoundId: string; year: number; periods: number[]; issuedAt: string }>;
/** 整改报告 after a yellow card. */
export type RectificationReported = DomainEvent<'RectificationReported', { contractId: string; compoundId: string; period: number; reportedAt: string; reference: string }>;
/** The owners' renew-or-replace decision (京条例 Art. 75), as recorded on the contract. */
export type RenewalDecisionRecorded = DomainEvent<
  'RenewalDecisionRecorded',
  {
    contractId: string;
    compoundId: string;
    decisionId: string;
    action: 'renew' | 'hire' | 'dismiss';
    recordedAt: string;
    newLastDay: string | null;
    newExpiresAt: string | null;
    /** On a renewal: the new term's quarters with their held-back shares, and its own renew-or-replace date (京条例 Art. 75). Absent in events recorded before renewals added them. */
    addedPeriods?: PeriodTerms[];
    renewalDecisionDueBy?: string;
  }
>;
/** 不续聘书面通知 by the firm (Civil Code Art. 947); `late` when given fewer than the required days before expiry. */
export type NonRenewalNoticeGiven = DomainEvent<
  'NonRenewalNoticeGiven',
  { contractId: string; compoundId: string; givenAt: string; documentRef: string; daysBefore: number | null; requiredDays: number; late: boolean; endsAt: string; article: string }
>;
/** 解聘书面通知 on the owners' final decision (Civil Code Art. 946; Art. 948 for an indefinite contract). */
export type DismissalNoticeGiven = DomainEvent<
  'DismissalNoticeGiven',
  { contractId: string; compoundId: string; decisionId: string; givenAt: string; documentRef: string; days: number; endsAt: string; article: string }
>;
/** 不定期合同 (Civil Code Art. 948): expired with neither a decision nor a notice while the firm keeps serving. */
export type ContractBecameIndefinite = DomainEvent<'ContractBecameIndefinite', { contractId: string; compoundId: string; at: string; article: string }>;
/** The service ended; the handover begins (Civil Code Art. 949); the old firm serves until takeover (Art. 950). */
export type ServiceEnded = DomainEvent<
  'ServiceEnded',
  { contractId: string; compoundId: string; endedAt: string; reason: 'dismissed' | 'expired' | 'not_renewed'; handoverDueBy: string; items: HandoverItem[]; article: string }
>;
/** 移交: one checklist item confirmed by the OC. */
export type HandoverItemConfirmed = DomainEvent<'HandoverItemConfirmed', { contractId: string; compoundId: string; item: HandoverItem; confirmedAt: string; evidenceRef: string }>;
/** 接管: the successor took over; the old firm's service ends here (Civil Code Art. 950). */
export type TakeoverRecorded = DomainEvent<'TakeoverRecorded', { contractId: string; compoundId: string; at: string; successor: string }>;
/** 投诉 to the firm; answer due within 10 days (杭条例 Art. 50). The complainant is not in the event. */
export type ComplaintFiled = DomainEvent<'ComplaintFiled', { contractId: string; compoundId: string; complaintId: string; subject: string; filedAt: string; answerDueBy: string }>;
export type ComplaintAnswered = DomainEvent<'ComplaintAnswered', { contractId: string; compoundId: string; complaintId: string; answer: string; answeredAt: string; late: boolean }>;
/** 信息公开 (Civil Code Art. 943) for a period: what the firm disclosed. */
export type DisclosureFiled = DomainEvent<'DisclosureFiled', { contractId: string; compoundId: string; period: number; kinds: string[]; reference: string; filedAt: string }>;

/**
 * 收费标准调整: the owners adopted a fee adjustment (杭条例 Art. 53); the new fee applies from the first quarter
 * that starts after the decision, and those quarters' held-back shares are recomputed from it (holdBack.ts).
 */
export type FeeStandardChanged = DomainEvent<
  'FeeStandardChanged',
  { contractId: string; compoundId: string; adjustmentId: string; decisionId: string; previousFee: string; fee: string; effectiveFrom: string; periods: PeriodTerms[]; at: string }
>;

export type ContractEvent =
  | ContractDrawn
  | ContractSigned
  | PreContractEnded
  | ProjectManagerReported
  | AssessmentScored
  | AssessmentConfirmed
  | HeldBackFeesReleased
  | YellowCardIssued
  | RedCardIssued
  | RectificationReported
  | RenewalDecisionRecorded
  | NonRenewalNoticeGiven
  | DismissalNoticeGiven
  | ContractBecameIndefinite
  | ServiceEnded
  | HandoverItemConfirmed
  | TakeoverRecorded
  | ComplaintFiled
  | ComplaintAnswered
  | DisclosureFiled
  | FeeStandardChanged;

export interface FeeAdjustmentProposedData {
  readonly adjustmentId: string;
  readonly contractId: string;
  readonly compoundId: string;
  readonly firmId: string;
  readonly currentFee: string;
  /** yuan per m² per month. */
  readonly proposedFee: string;
  /** 杭条例 Art. 53 (一): the audit report of last year's accounts. */
  readonly auditReportRef: string;
  /** 杭条例 Art. 53 (二): the plan's range (调整范围) and reasons (理由). */
  readonly range: string;
  readonly reasons: string;
  readonly proposedAt: string;
}
/** 收费标准调整方案 submitted by the firm with its audit report (杭条例 Art. 53 (一)(二)). */
export type FeeAdjustmentProposed = DomainEvent<'FeeAdjustmentProposed', FeeAdjustmentProposedData>;
/** 公示: the OC posted the audit report and the plan, for 30 days or more (杭条例 Art. 53 (三)). */
export type FeeAdjustmentPosted = DomainEvent<'FeeAdjustmentPosted', { adjustmentId: string; contractId: string; compoundId: string; postedAt: string; postedUntil: string; article: string }>;
/** 提交业主大会决定 (杭条例 Art. 53 (四)): the motion `fee-<adjustmentId>`. */
export type FeeAdjustmentPutToOwners = DomainEvent<'FeeAdjustmentPutToOwners', { adjustmentId: string; contractId: string; compoundId: string; motionId: string; at: string }>;
/** The owners adopted it (final, standing decision). */
export type FeeAdjustmentAdopted = DomainEvent<'FeeAdjustmentAdopted', { adjustmentId: string; contractId: string; compoundId: string; motionId: string; decisionId: string; fee: string; at: string }>;
/** The owners did not adopt it: the fee stays. */
export type FeeAdjustmentRejected = DomainEvent<'FeeAdjustmentRejected', { adjustmentId: string; contractId: string; compoundId: string; motionId: string; at: string }>;
export type FeeAdjustmentEvent = FeeAdjustmentProposed | FeeAdjustmentPosted | FeeAdjustmentPutToOwners | FeeAdjustmentAdopted | FeeAdjustmentRejected;

/** The satisfaction levels of a survey, 1 to 5 (非常不满意 … 非常满意). */
export const SATISFACTION_LEVELS = ['非常不满意', '不满意', '一般', '满意', '非常满意'] as const;

export interface SurveyOpenedData {
  readonly surveyId: string;
  readonly compoundId: string;
  readonly contractId: string;
  readonly title: string;
  readonly questions: readonly { readonly questionId: string; readonly text: string }[];
  readonly levels: readonly string[];
  readonly opensAt: string;
  readonly closesAt: string;
  readonly openedAt: string;
}
/** 满意度测评: a survey of the owners on the firm's service (survey.ts). */
export type SurveyOpened = DomainEvent<'SurveyOpened', SurveyOpenedData>;
export interface SurveyRespondedData {
  readonly surveyId: string;
  readonly compoundId: string;
  /** The voter identity (a pseudonymous hash of the owner set, domain/registry voterIdentities), never a person id. */
  readonly voterId: string;
  /** The identity's summed exclusive area. */
  readonly area: string;
  /** questionId → level 1–5. */
  readonly answers: Readonly<Record<string, number>>;
  readonly respondedAt: string;
}
/** One voter identity's answers. */
export type SurveyResponded = DomainEvent<'SurveyResponded', SurveyRespondedData>;
export type SurveyEvent = SurveyOpened | SurveyResponded;

export type HiringEvent = FirmEvent | TenderEvent | ContractEvent | FeeAdjustmentEvent | SurveyEvent;
export type HiringEventType = HiringEvent['type'];
export type HeldBackFeesReleasedData = HeldBackFeesReleased['data'];
export type ServiceEndedData = ServiceEnded['data'];

/** Disclosure kinds of Civil Code Art. 943. */
export const DISCLOSURE_KINDS = ['service_items', 'staff', 'fees', 'maintenance_fund_use', 'common_part_income'] as const;
