/**
 * Hiring commands. Each carries `by` (ActorFacts: the acting person and their roles on the compound). Facts the
 * decider cannot read itself (the compound's jurisdiction and area, the owners' decision, whether the person acts
 * for the firm) are checked by the service and passed in.
 */
import type { ActorFacts } from '../assembly/index.js';
import type { Jurisdiction } from '../registry/index.js';
import type { Criterion, ShortlistEntry } from './events.js';
import type { AssessmentItem, HandoverItem, ScoreRule } from './rules.js';
import type { BidTerms } from './sealedBid.js';

export interface RegisterFirm {
  readonly type: 'RegisterFirm';
  readonly firmId: string;
  readonly name: string;
  readonly agents: readonly string[];
  readonly by: ActorFacts;
}
export interface AddFirmAgent {
  readonly type: 'AddFirmAgent';
  readonly personId: string;
  readonly by: ActorFacts;
}
export type FirmCommand = RegisterFirm | AddFirmAgent;

export interface PublishTender {
  readonly type: 'PublishTender';
  readonly tenderId: string;
  readonly compoundId: string;
  readonly jurisdiction: Jurisdiction;
  readonly title: string;
  readonly scope: string;
  readonly standards: string;
  readonly feeCeiling: string;
  readonly termMonths: number;
  readonly bidDeadline: string;
  readonly revealDays?: number;
  readonly criteria: readonly Criterion[];
  readonly holdBackPercent: number;
  readonly scoreRule?: ScoreRule;
  readonly yellowLine?: number;
  readonly assessmentTemplate?: readonly AssessmentItem[];
  readonly by: ActorFacts;
}
/** A bid by a person acting for the firm (checked by the service). */
export interface SubmitBid {
  readonly type: 'SubmitBid';
  readonly firmId: string;
  readonly commitment: string;
  readonly by: ActorFacts;
}
export interface RevealBid {
  readonly type: 'RevealBid';
  readonly firmId: string;
  readonly terms: unknown;
  readonly salt: string;
  readonly by: ActorFacts;
}
export interface DeclareConflicts {
  readonly type: 'DeclareConflicts';
  readonly conflicts: readonly string[];
  readonly by: ActorFacts;
}
export interface ScoreBid {
  readonly type: 'ScoreBid';
  readonly firmId: string;
  readonly scores: Readonly<Record<string, number>>;
  readonly by: ActorFacts;
}
/** Record the motion the shortlist was put to (the service proposed it through the assembly). */
export interface PutToOwners {
  readonly type: 'PutToOwners';
  readonly motionId: string;
  readonly shortlist: readonly ShortlistEntry[];
  readonly by: ActorFacts;
}
export type TenderCommand = PublishTender | SubmitBid | RevealBid | DeclareConflicts | ScoreBid | PutToOwners;

/** Drawn by the server from the adopted bid when the owners' decision is final (the service checked it). */
export interface DrawContract {
  readonly type: 'DrawContract';
  readonly contractId: string;
  readonly tender: import('./events.js').TenderPublishedData;
  readonly motionId: string;
  readonly decisionId: string;
  readonly firm: { readonly firmId: string; readonly name: string; readonly creditCode: string };
  readonly terms: BidTerms;
  readonly chargeableArea: string;
  readonly by: ActorFacts;
}
export interface SignContract {
  readonly type: 'SignContract';
  readonly startsOn: string;
  readonly documentRef: string;
  readonly by: ActorFacts;
}
export interface ReportProjectManager {
  readonly type: 'ReportProjectManager';
  readonly reference: string;
  readonly by: ActorFacts;
}
export interface ScoreAssessment {
  readonly type: 'ScoreAssessment';
  readonly period: number;
  readonly items: readonly { readonly itemId: string; readonly score: number }[];
  readonly by: ActorFacts;
}
export interface ConfirmAssessment {
  readonly type: 'ConfirmAssessment';
  readonly period: number;
  readonly by: ActorFacts;
}
export interface ReportRectification {
  readonly type: 'ReportRectification';
  readonly period: number;
  readonly reference: string;
  readonly by: ActorFacts;
}
/** An owners' decision on renewal, final and standing (checked by the service). */
export interface RecordRenewalDecision {
  readonly type: 'RecordRenewalDecision';
  readonly decisionId: string;
  readonly action: 'renew' | 'hire' | 'dismiss';
  readonly by: ActorFacts;
}
export interface GiveNonRenewalNotice {
  readonly type: 'GiveNonRenewalNotice';
  readonly documentRef: string;
  readonly by: ActorFacts;
}
export interface GiveDismissalNotice {
  readonly type: 'GiveDismissalNotice';
  readonly decisionId: string;
  readonly documentRef: string;
  readonly by: ActorFacts;
}
/** The server at the end of the term (system). */
export interface ExpireContract {
  readonly type: 'ExpireContract';
  readonly by: ActorFacts;
}
/** The server when a notice period has run (system). */
export interface EndService {
  readonly type: 'EndService';
  readonly by: ActorFacts;
}
export interface ConfirmHandoverItem {
  readonly type: 'ConfirmHandoverItem';
  readonly item: HandoverItem;
  readonly evidenceRef: string;
  readonly by: ActorFacts;
}
export interface RecordTakeover {
  readonly type: 'RecordTakeover';
  readonly successor: string;
  readonly by: ActorFacts;
}
export interface FileComplaint {
  readonly type: 'FileComplaint';
  readonly complaintId: string;
  readonly subject: string;
  readonly by: ActorFacts;
}
export interface AnswerComplaint {
  readonly type: 'AnswerComplaint';
  readonly complaintId: string;
  readonly answer: string;
  readonly by: ActorFacts;
}
export interface FileDisclosure {
  readonly type: 'FileDisclosure';
  readonly period: number;
  readonly kinds: readonly string[];
  readonly reference: string;
  readonly by: ActorFacts;
}
/** The server applies an adopted fee adjustment to the contract (a reactor; the decision was checked). */
export interface ApplyFeeStandard {
  readonly type: 'ApplyFeeStandard';
  readonly adjustmentId: string;
  readonly decisionId: string;
  readonly fee: string;
  readonly by: ActorFacts;
}
export type ContractCommand =
  | DrawContract
  | SignContract
  | ReportProjectManager
  | ScoreAssessment
  | ConfirmAssessment
  | ReportRectification
  | RecordRenewalDecision
  | GiveNonRenewalNotice
  | GiveDismissalNotice
  | ExpireContract
  | EndService
  | ConfirmHandoverItem
  | RecordTakeover
  | FileComplaint
  | AnswerComplaint
  | FileDisclosure
  | ApplyFeeStandard;

/** The firm's adjustment plan with its audit report (the service fills in the contract's facts). */
export interface ProposeFeeAdjustment {
  readonly type: 'ProposeFeeAdjustment';
  readonly adjustmentId: string;
  readonly contractId: string;
  readonly compoundId: string;
  readonly firmId: string;
  readonly currentFee: string;
  readonly proposedFee: string;
  readonly auditReportRef: string;
  readonly range: string;
  readonly reasons: string;
  readonly by: ActorFacts;
}
export interface PostFeeAdjustment {
  readonly type: 'PostFeeAdjustment';
  readonly by: ActorFacts;
}
/** Recorded once the service has proposed the motion through the assembly. */
export interface PutFeeAdjustmentToOwners {
  readonly type: 'PutFeeAdjustmentToOwners';
  readonly motionId: string;
  readonly by: ActorFacts;
}
/** The server on the motion's final result: `decisionId` when adopted and standing, null when not adopted. */
export interface ResolveFeeAdjustment {
  readonly type: 'ResolveFeeAdjustment';
  readonly motionId: string;
  readonly decisionId: string | null;
  readonly by: ActorFacts;
}
export type FeeAdjustmentCommand = ProposeFeeAdjustment | PostFeeAdjustment | PutFeeAdjustmentToOwners | ResolveFeeAdjustment;

export interface OpenSurvey {
  readonly type: 'OpenSurvey';
  readonly surveyId: string;
  readonly compoundId: string;
  readonly contractId: string;
  readonly title: string;
  readonly questions: readonly { readonly questionId: string; readonly text: string }[];
  readonly opensAt?: string;
  readonly closesAt: string;
  readonly by: ActorFacts;
}
/** An owner's answers for their voter identity (resolved by the service from the registry). */
export interface RespondToSurvey {
  readonly type: 'RespondToSurvey';
  readonly voterId: string;
  readonly area: string;
  readonly answers: Readonly<Record<string, number>>;
  readonly by: ActorFacts;
}
export type SurveyCommand = OpenSurvey | RespondToSurvey;
