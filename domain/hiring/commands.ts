/**
 * Hiring commands (`{ type, data, by }`, as in every context). Each carries `by` (ActorFacts: the acting person and their roles on the compound). Facts the
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
  readonly data: RegisterFirmData;
  readonly by: ActorFacts;
}
/** What `RegisterFirm` carries. */
export interface RegisterFirmData {
  readonly firmId: string;
  readonly name: string;
  readonly agents: readonly string[];
}
export interface AddFirmAgent {
  readonly type: 'AddFirmAgent';
  readonly data: AddFirmAgentData;
  readonly by: ActorFacts;
}
/** What `AddFirmAgent` carries. */
export interface AddFirmAgentData {
  readonly personId: string;
}
export type FirmCommand = RegisterFirm | AddFirmAgent;

export interface PublishTender {
  readonly type: 'PublishTender';
  readonly data: PublishTenderData;
  readonly by: ActorFacts;
}
/** What `PublishTender` carries. */
export interface PublishTenderData {
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
}
/** A bid by a person acting for the firm (checked by the service). */
export interface SubmitBid {
  readonly type: 'SubmitBid';
  readonly data: SubmitBidData;
  readonly by: ActorFacts;
}
/** What `SubmitBid` carries. */
export interface SubmitBidData {
  readonly firmId: string;
  readonly commitment: string;
}
export interface RevealBid {
  readonly type: 'RevealBid';
  readonly data: RevealBidData;
  readonly by: ActorFacts;
}
/** What `RevealBid` carries. */
export interface RevealBidData {
  readonly firmId: string;
  readonly terms: unknown;
  readonly salt: string;
}
export interface DeclareConflicts {
  readonly type: 'DeclareConflicts';
  readonly data: DeclareConflictsData;
  readonly by: ActorFacts;
}
/** What `DeclareConflicts` carries. */
export interface DeclareConflictsData {
  readonly conflicts: readonly string[];
}
export interface ScoreBid {
  readonly type: 'ScoreBid';
  readonly data: ScoreBidData;
  readonly by: ActorFacts;
}
/** What `ScoreBid` carries. */
export interface ScoreBidData {
  readonly firmId: string;
  readonly scores: Readonly<Record<string, number>>;
}
/** Record the motion the shortlist was put to (the service proposed it through the assembly). */
export interface PutToOwners {
  readonly type: 'PutToOwners';
  readonly data: PutToOwnersData;
  readonly by: ActorFacts;
}
/** What `PutToOwners` carries. */
export interface PutToOwnersData {
  readonly motionId: string;
  readonly shortlist: readonly ShortlistEntry[];
}
export type TenderCommand = PublishTender | SubmitBid | RevealBid | DeclareConflicts | ScoreBid | PutToOwners;

/** Drawn by the server from the adopted bid when the owners' decision is final (the service checked it). */
export interface DrawContract {
  readonly type: 'DrawContract';
  readonly data: DrawContractData;
  readonly by: ActorFacts;
}
/** What `DrawContract` carries. */
export interface DrawContractData {
  readonly contractId: string;
  readonly tender: import('./events.js').TenderPublishedData;
  readonly motionId: string;
  readonly decisionId: string;
  readonly firm: { readonly firmId: string; readonly name: string; readonly creditCode: string };
  readonly terms: BidTerms;
  readonly chargeableArea: string;
}
export interface SignContract {
  readonly type: 'SignContract';
  readonly data: SignContractData;
  readonly by: ActorFacts;
}
/** What `SignContract` carries. */
export interface SignContractData {
  readonly startsOn: string;
  readonly documentRef: string;
}
export interface ReportProjectManager {
  readonly type: 'ReportProjectManager';
  readonly data: ReportProjectManagerData;
  readonly by: ActorFacts;
}
/** What `ReportProjectManager` carries. */
export interface ReportProjectManagerData {
  readonly reference: string;
}
export interface ScoreAssessment {
  readonly type: 'ScoreAssessment';
  readonly data: ScoreAssessmentData;
  readonly by: ActorFacts;
}
/** What `ScoreAssessment` carries. */
export interface ScoreAssessmentData {
  readonly period: number;
  readonly items: readonly { readonly itemId: string; readonly score: number }[];
}
export interface ConfirmAssessment {
  readonly type: 'ConfirmAssessment';
  readonly data: ConfirmAssessmentData;
  readonly by: ActorFacts;
}
/** What `ConfirmAssessment` carries. */
export interface ConfirmAssessmentData {
  readonly period: number;
}
export interface ReportRectification {
  readonly type: 'ReportRectification';
  readonly data: ReportRectificationData;
  readonly by: ActorFacts;
}
/** What `ReportRectification` carries. */
export interface ReportRectificationData {
  readonly period: number;
  readonly reference: string;
}
/** An owners' decision on renewal, final and standing (checked by the service). */
export interface RecordRenewalDecision {
  readonly type: 'RecordRenewalDecision';
  readonly data: RecordRenewalDecisionData;
  readonly by: ActorFacts;
}
/** What `RecordRenewalDecision` carries. */
export interface RecordRenewalDecisionData {
  readonly decisionId: string;
  readonly action: 'renew' | 'hire' | 'dismiss';
}
export interface GiveNonRenewalNotice {
  readonly type: 'GiveNonRenewalNotice';
  readonly data: GiveNonRenewalNoticeData;
  readonly by: ActorFacts;
}
/** What `GiveNonRenewalNotice` carries. */
export interface GiveNonRenewalNoticeData {
  readonly documentRef: string;
}
export interface GiveDismissalNotice {
  readonly type: 'GiveDismissalNotice';
  readonly data: GiveDismissalNoticeData;
  readonly by: ActorFacts;
}
/** What `GiveDismissalNotice` carries. */
export interface GiveDismissalNoticeData {
  readonly decisionId: string;
  readonly documentRef: string;
}
/** The server at the end of the term (system). */
export interface ExpireContract {
  readonly type: 'ExpireContract';
  readonly data: ExpireContractData;
  readonly by: ActorFacts;
}
/** What `ExpireContract` carries: nothing but who acts. */
export type ExpireContractData = Record<string, never>;
/** The server when a notice period has run (system). */
export interface EndService {
  readonly type: 'EndService';
  readonly data: EndServiceData;
  readonly by: ActorFacts;
}
/** What `EndService` carries: nothing but who acts. */
export type EndServiceData = Record<string, never>;
export interface ConfirmHandoverItem {
  readonly type: 'ConfirmHandoverItem';
  readonly data: ConfirmHandoverItemData;
  readonly by: ActorFacts;
}
/** What `ConfirmHandoverItem` carries. */
export interface ConfirmHandoverItemData {
  readonly item: HandoverItem;
  readonly evidenceRef: string;
}
export interface RecordTakeover {
  readonly type: 'RecordTakeover';
  readonly data: RecordTakeoverData;
  readonly by: ActorFacts;
}
/** What `RecordTakeover` carries. */
export interface RecordTakeoverData {
  readonly successor: string;
}
export interface FileComplaint {
  readonly type: 'FileComplaint';
  readonly data: FileComplaintData;
  readonly by: ActorFacts;
}
/** What `FileComplaint` carries. */
export interface FileComplaintData {
  readonly complaintId: string;
  readonly subject: string;
}
export interface AnswerComplaint {
  readonly type: 'AnswerComplaint';
  readonly data: AnswerComplaintData;
  readonly by: ActorFacts;
}
/** What `AnswerComplaint` carries. */
export interface AnswerComplaintData {
  readonly complaintId: string;
  readonly answer: string;
}
export interface FileDisclosure {
  readonly type: 'FileDisclosure';
  readonly data: FileDisclosureData;
  readonly by: ActorFacts;
}
/** What `FileDisclosure` carries. */
export interface FileDisclosureData {
  readonly period: number;
  readonly kinds: readonly string[];
  readonly reference: string;
}
/** The server applies an adopted fee adjustment to the contract (a reactor; the decision was checked). */
export interface ApplyFeeStandard {
  readonly type: 'ApplyFeeStandard';
  readonly data: ApplyFeeStandardData;
  readonly by: ActorFacts;
}
/** What `ApplyFeeStandard` carries. */
export interface ApplyFeeStandardData {
  readonly adjustmentId: string;
  readonly decisionId: string;
  readonly fee: string;
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
  readonly data: ProposeFeeAdjustmentData;
  readonly by: ActorFacts;
}
/** What `ProposeFeeAdjustment` carries. */
export interface ProposeFeeAdjustmentData {
  readonly adjustmentId: string;
  readonly contractId: string;
  readonly compoundId: string;
  readonly firmId: string;
  readonly currentFee: string;
  readonly proposedFee: string;
  readonly auditReportRef: string;
  readonly range: string;
  readonly reasons: string;
}
export interface PostFeeAdjustment {
  readonly type: 'PostFeeAdjustment';
  readonly data: PostFeeAdjustmentData;
  readonly by: ActorFacts;
}
/** What `PostFeeAdjustment` carries: nothing but who acts. */
export type PostFeeAdjustmentData = Record<string, never>;
/** Recorded once the service has proposed the motion through the assembly. */
export interface PutFeeAdjustmentToOwners {
  readonly type: 'PutFeeAdjustmentToOwners';
  readonly data: PutFeeAdjustmentToOwnersData;
  readonly by: ActorFacts;
}
/** What `PutFeeAdjustmentToOwners` carries. */
export interface PutFeeAdjustmentToOwnersData {
  readonly motionId: string;
}
/** The server on the motion's final result: `decisionId` when adopted and standing, null when not adopted. */
export interface ResolveFeeAdjustment {
  readonly type: 'ResolveFeeAdjustment';
  readonly data: ResolveFeeAdjustmentData;
  readonly by: ActorFacts;
}
/** What `ResolveFeeAdjustment` carries. */
export interface ResolveFeeAdjustmentData {
  readonly motionId: string;
  readonly decisionId: string | null;
}
export type FeeAdjustmentCommand = ProposeFeeAdjustment | PostFeeAdjustment | PutFeeAdjustmentToOwners | ResolveFeeAdjustment;

export interface OpenSurvey {
  readonly type: 'OpenSurvey';
  readonly data: OpenSurveyData;
  readonly by: ActorFacts;
}
/** What `OpenSurvey` carries. */
export interface OpenSurveyData {
  readonly surveyId: string;
  readonly compoundId: string;
  readonly contractId: string;
  readonly title: string;
  readonly questions: readonly { readonly questionId: string; readonly text: string }[];
  readonly opensAt?: string;
  readonly closesAt: string;
}
/** An owner's answers for their voter identity (resolved by the service from the registry). */
export interface RespondToSurvey {
  readonly type: 'RespondToSurvey';
  readonly data: RespondToSurveyData;
  readonly by: ActorFacts;
}
/** What `RespondToSurvey` carries. */
export interface RespondToSurveyData {
  readonly voterId: string;
  readonly area: string;
  readonly answers: Readonly<Record<string, number>>;
}
export type SurveyCommand = OpenSurvey | RespondToSurvey;
