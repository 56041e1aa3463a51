/** The hiring projection: firms, tenders (bids sealed until revealed) and contracts, for the notice board. */
import { addResponse, emptyTally, type ContractEvent, type FeeAdjustmentEvent, type FirmEvent, type HiringEvent, type SurveyEvent, type TenderEvent } from '../../domain/hiring/index.js';
import { formatArea, parseArea } from '../../domain/shared/area.js';
import { assertNever } from '../../domain/shared/decider.js';
import type { RecordedEvent } from '../../services/store/port.js';
import type { DocChange, DocReader, Projection } from '../projection.js';
import { HIRING_CONTRACTS, HIRING_FEE_ADJUSTMENTS, HIRING_FIRMS, HIRING_SURVEYS, HIRING_TENDERS, type ContractDoc, type FeeAdjustmentDoc, type FirmDoc, type SurveyDoc, type TenderDoc } from './docs.js';

const firmTypes: readonly FirmEvent['type'][] = ['FirmRegistered', 'FirmAgentAdded'];
const tenderTypes: readonly TenderEvent['type'][] = ['TenderPublished', 'BidSubmitted', 'BidRevealed', 'ConflictsDeclared', 'BidScored', 'TenderPutToOwners'];
const contractTypes: readonly ContractEvent['type'][] = [
  'ContractDrawn', 'ContractSigned', 'PreContractEnded', 'ProjectManagerReported', 'AssessmentScored', 'AssessmentConfirmed', 'HeldBackFeesReleased',
  'YellowCardIssued', 'RedCardIssued', 'RectificationReported', 'RenewalDecisionRecorded', 'NonRenewalNoticeGiven', 'DismissalNoticeGiven',
  'ContractBecameIndefinite', 'ServiceEnded', 'HandoverItemConfirmed', 'TakeoverRecorded', 'ComplaintFiled', 'ComplaintAnswered', 'DisclosureFiled', 'FeeStandardChanged',
];
const adjustmentTypes: readonly FeeAdjustmentEvent['type'][] = ['FeeAdjustmentProposed', 'FeeAdjustmentPosted', 'FeeAdjustmentPutToOwners', 'FeeAdjustmentAdopted', 'FeeAdjustmentRejected'];
const surveyTypes: readonly SurveyEvent['type'][] = ['SurveyOpened', 'SurveyResponded'];

const putTender = (doc: TenderDoc): DocChange => ({ op: 'put', collection: HIRING_TENDERS, id: doc.tenderId, parent: doc.compoundId, sortKey: `${doc.publishedAt}|${doc.tenderId}`, doc });
const putContract = (doc: ContractDoc): DocChange => ({ op: 'put', collection: HIRING_CONTRACTS, id: doc.contractId, parent: doc.compoundId, sortKey: `${doc.terms.drawnAt}|${doc.contractId}`, doc });

function applyFirm(e: FirmEvent): DocChange[] {
  switch (e.type) {
    case 'FirmRegistered': {
      const doc: FirmDoc = { firmId: e.data.firmId, name: e.data.name, creditCode: e.data.creditCode };
      return [{ op: 'put', collection: HIRING_FIRMS, id: doc.firmId, doc }];
    }
    case 'FirmAgentAdded':
      return [];
    default:
      return assertNever(e);
  }
}

function applyTender(e: TenderEvent, docs: DocReader): DocChange[] {
  if (e.type === 'TenderPublished') {
    const d = e.data;
    return [
      putTender({
        tenderId: d.tenderId, compoundId: d.compoundId, title: d.title, scope: d.scope, standards: d.standards, feeCeiling: d.feeCeiling, termMonths: d.termMonths,
        bidDeadline: d.bidDeadline, revealUntil: d.revealUntil, criteria: d.criteria, holdBackPercent: d.holdBackPercent, scoreRule: d.scoreRule, yellowLine: d.yellowLine,
        publishedAt: d.publishedAt, bids: [], evaluatorsDeclared: 0, conflictsDeclared: 0, motionId: null, shortlist: [],
      }),
    ];
  }
  const doc = docs.get<TenderDoc>(HIRING_TENDERS, e.data.tenderId);
  if (!doc) return [];
  const bid = (firmId: string, f: (b: TenderDoc['bids'][number]) => TenderDoc['bids'][number]) => doc.bids.map((b) => (b.firmId === firmId ? f(b) : b));
  switch (e.type) {
    case 'BidSubmitted':
      return [putTender({ ...doc, bids: [...doc.bids, { firmId: e.data.firmId, submittedAt: e.data.submittedAt, commitment: e.data.commitment, revealed: null, evaluations: 0, weightedSum: 0 }] })];
    case 'BidRevealed': {
      const { terms, revealedAt, compliant, nonCompliance } = e.data;
      return [putTender({ ...doc, bids: bid(e.data.firmId, (b) => ({ ...b, revealed: { terms, revealedAt, compliant, nonCompliance } })) })];
    }
    case 'ConflictsDeclared':
      return [putTender({ ...doc, evaluatorsDeclared: doc.evaluatorsDeclared + 1, conflictsDeclared: doc.conflictsDeclared + e.data.conflicts.length })];
    case 'BidScored':
      return [putTender({ ...doc, bids: bid(e.data.firmId, (b) => ({ ...b, evaluations: b.evaluations + 1, weightedSum: b.weightedSum + e.data.weighted })) })];
    case 'TenderPutToOwners':
      return [putTender({ ...doc, motionId: e.data.motionId, shortlist: e.data.shortlist })];
    default:
      return assertNever(e);
  }
}

function applyContract(e: ContractEvent, docs: DocReader): DocChange[] {
  if (e.type === 'ContractDrawn') {
    return [
      putContract({
        contractId: e.data.contractId, compoundId: e.data.compoundId, terms: e.data, status: 'drawn', signed: null, periods: [], preContractEndedAt: null, managerReportedAt: null,
        assessments: [], yellowCards: [], redCards: [], renewalDecision: null, nonRenewalNotice: null, dismissalNotice: null, indefiniteSince: null, ended: null, handover: [],
        takenOverAt: null, complaints: [], disclosures: [],
      }),
    ];
  }
  const doc = docs.get<ContractDoc>(HIRING_CONTRACTS, e.data.contractId);
  if (!doc) return [];
  const put = (patch: Partial<ContractDoc>) => [putContract({ ...doc, ...patch })];
  switch (e.type) {
    case 'ContractSigned': {
      const { signedAt, documentRef, startsOn, lastDay, expiresAt, managerReportDueBy, renewalDecisionDueBy, periods } = e.data;
      return put({ status: 'signed', signed: { signedAt, documentRef, startsOn, lastDay, expiresAt, managerReportDueBy, renewalDecisionDueBy }, periods });
    }
    case 'PreContractEnded':
      return put({ preContractEndedAt: e.data.endedAt });
    case 'ProjectManagerReported':
      return put({ managerReportedAt: e.data.reportedAt });
    case 'AssessmentScored':
      return put({ assessments: [...doc.assessments, { period: e.data.period, items: e.data.items, total: e.data.total, scoredAt: e.data.scoredAt, confirmedAt: null, release: null }] });
    case 'AssessmentConfirmed':
      return put({ assessments: doc.assessments.map((a) => (a.period === e.data.period ? { ...a, confirmedAt: e.data.confirmedAt } : a)) });
    case 'HeldBackFeesReleased': {
      const { heldBack, released, withheld, band } = e.data;
      return put({ assessments: doc.assessments.map((a) => (a.period === e.data.period ? { ...a, release: { heldBack, released, withheld, band } } : a)) });
    }
    case 'YellowCardIssued':
      return put({ yellowCards: [...doc.yellowCards, { period: e.data.period, year: e.data.year, score: e.data.score, rectifyBy: e.data.rectifyBy, rectifiedAt: null }] });
    case 'RedCardIssued':
      return put({ redCards: [...doc.redCards, { year: e.data.year, periods: e.data.periods, issuedAt: e.data.issuedAt }] });
    case 'RectificationReported':
      return put({ yellowCards: doc.yellowCards.map((y) => (y.period === e.data.period ? { ...y, rectifiedAt: e.data.reportedAt } : y)) });
    case 'RenewalDecisionRecorded': {
      const signed =
        doc.signed && e.data.newLastDay && e.data.newExpiresAt
          ? { ...doc.signed, lastDay: e.data.newLastDay, expiresAt: e.data.newExpiresAt, renewalDecisionDueBy: e.data.renewalDecisionDueBy ?? doc.signed.renewalDecisionDueBy }
          : doc.signed;
      return put({ renewalDecision: { decisionId: e.data.decisionId, action: e.data.action, recordedAt: e.data.recordedAt }, signed, periods: [...doc.periods, ...(e.data.addedPeriods ?? [])] });
    }
    case 'NonRenewalNoticeGiven': {
      const { givenAt, daysBefore, requiredDays, late, endsAt, article } = e.data;
      return put({ nonRenewalNotice: { givenAt, daysBefore, requiredDays, late, endsAt, article } });
    }
    case 'DismissalNoticeGiven': {
      const { decisionId, givenAt, days, endsAt, article } = e.data;
      return put({ dismissalNotice: { decisionId, givenAt, days, endsAt, article } });
    }
    case 'ContractBecameIndefinite':
      return put({ status: 'indefinite', indefiniteSince: e.data.at });
    case 'ServiceEnded': {
      const { endedAt, reason, handoverDueBy, article } = e.data;
      return put({ status: 'ended', ended: { endedAt, reason, handoverDueBy, article }, handover: e.data.items.map((item) => ({ item, confirmedAt: null })) });
    }
    case 'HandoverItemConfirmed':
      return put({ handover: doc.handover.map((h) => (h.item === e.data.item ? { ...h, confirmedAt: e.data.confirmedAt } : h)) });
    case 'TakeoverRecorded':
      return put({ takenOverAt: e.data.at });
    case 'ComplaintFiled':
      return put({ complaints: [...doc.complaints, { complaintId: e.data.complaintId, subject: e.data.subject, filedAt: e.data.filedAt, answerDueBy: e.data.answerDueBy, answeredAt: null, late: false }] });
    case 'ComplaintAnswered':
      return put({ complaints: doc.complaints.map((c) => (c.complaintId === e.data.complaintId ? { ...c, answeredAt: e.data.answeredAt, late: e.data.late } : c)) });
    case 'DisclosureFiled':
      return put({ disclosures: [...doc.disclosures, { period: e.data.period, kinds: e.data.kinds, filedAt: e.data.filedAt }] });
    case 'FeeStandardChanged': {
      const { adjustmentId, decisionId, previousFee, fee, effectiveFrom, at } = e.data;
      return put({ fee, periods: e.data.periods, feeChanges: [...(doc.feeChanges ?? []), { adjustmentId, decisionId, previousFee, fee, effectiveFrom, at }] });
    }
    default:
      return assertNever(e);
  }
}

function applyAdjustment(e: FeeAdjustmentEvent, docs: DocReader): DocChange[] {
  const putDoc = (doc: FeeAdjustmentDoc): DocChange[] => [{ op: 'put', collection: HIRING_FEE_ADJUSTMENTS, id: doc.adjustmentId, parent: doc.compoundId, sortKey: `${doc.proposedAt}|${doc.adjustmentId}`, doc }];
  if (e.type === 'FeeAdjustmentProposed') {
    const d = e.data;
    return putDoc({
      adjustmentId: d.adjustmentId, contractId: d.contractId, compoundId: d.compoundId, currentFee: d.currentFee, proposedFee: d.proposedFee, auditReportRef: d.auditReportRef,
      range: d.range, reasons: d.reasons, status: 'proposed', proposedAt: d.proposedAt, postedAt: null, postedUntil: null, motionId: null, decisionId: null, resolvedAt: null,
    });
  }
  const doc = docs.get<FeeAdjustmentDoc>(HIRING_FEE_ADJUSTMENTS, e.data.adjustmentId);
  if (!doc) return [];
  switch (e.type) {
    case 'FeeAdjustmentPosted':
      return putDoc({ ...doc, status: 'posted', postedAt: e.data.postedAt, postedUntil: e.data.postedUntil });
    case 'FeeAdjustmentPutToOwners':
      return putDoc({ ...doc, status: 'put_to_owners', motionId: e.data.motionId });
    case 'FeeAdjustmentAdopted':
      return putDoc({ ...doc, status: 'adopted', decisionId: e.data.decisionId, resolvedAt: e.data.at });
    case 'FeeAdjustmentRejected':
      return putDoc({ ...doc, status: 'rejected', resolvedAt: e.data.at });
    default:
      return assertNever(e);
  }
}

function applySurvey(e: SurveyEvent, docs: DocReader): DocChange[] {
  const putDoc = (doc: SurveyDoc): DocChange[] => [{ op: 'put', collection: HIRING_SURVEYS, id: doc.surveyId, parent: doc.compoundId, sortKey: `${doc.opensAt}|${doc.surveyId}`, doc }];
  switch (e.type) {
    case 'SurveyOpened': {
      const d = e.data;
      return putDoc({
        surveyId: d.surveyId, compoundId: d.compoundId, contractId: d.contractId, title: d.title, questions: d.questions.map((q) => ({ ...q })), opensAt: d.opensAt, closesAt: d.closesAt,
        respondents: { area: formatArea(0n), headcount: 0 }, tally: emptyTally(d.questions.map((q) => q.questionId)),
      });
    }
    case 'SurveyResponded': {
      const doc = docs.get<SurveyDoc>(HIRING_SURVEYS, e.data.surveyId);
      if (!doc) return [];
      return putDoc({
        ...doc,
        respondents: { area: formatArea(parseArea(doc.respondents.area)! + parseArea(e.data.area)!), headcount: doc.respondents.headcount + 1 },
        tally: addResponse(doc.tally, e.data),
      });
    }
    default:
      return assertNever(e);
  }
}

export const hiringProjection: Projection = {
  name: 'hiring',
  // 2: fee adjustments, surveys, the fee in force on contracts.
  version: 2,
  handles: [...firmTypes, ...tenderTypes, ...contractTypes, ...adjustmentTypes, ...surveyTypes],
  apply(event: RecordedEvent, docs: DocReader): readonly DocChange[] {
    const e = { type: event.type, data: event.data } as HiringEvent;
    if ((firmTypes as readonly string[]).includes(e.type)) return applyFirm(e as FirmEvent);
    if ((tenderTypes as readonly string[]).includes(e.type)) return applyTender(e as TenderEvent, docs);
    if ((adjustmentTypes as readonly string[]).includes(e.type)) return applyAdjustment(e as FeeAdjustmentEvent, docs);
    if ((surveyTypes as readonly string[]).includes(e.type)) return applySurvey(e as SurveyEvent, docs);
    return applyContract(e as ContractEvent, docs);
  },
};
