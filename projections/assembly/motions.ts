/** The notice board's motion documents (公示栏). */
import type { MotionEvent } from '../../domain/assembly/events.js';
import { assertNever } from '../../domain/shared/decider.js';
import type { DocChange, DocReader } from '../projection.js';
import { MOTIONS, type MotionDoc } from './docs.js';

const put = (doc: MotionDoc): DocChange => ({
  op: 'put',
  collection: MOTIONS,
  id: doc.motionId,
  parent: doc.compoundId,
  sortKey: `${doc.proposedAt}|${doc.motionId}`,
  doc,
});

export function applyToMotion(event: MotionEvent, docs: DocReader): readonly DocChange[] {
  if (event.type === 'MotionProposed') {
    const d = event.data;
    return [
      put({
        motionId: d.motionId,
        compoundId: d.compoundId,
        title: d.title,
        description: d.description,
        matter: d.matter,
        rule: d.rules.rule,
        thresholds: d.rules.thresholds,
        rulePack: d.rules.rulePack,
        status: 'proposed',
        scope: d.scope,
        opensAt: d.opensAt,
        closesAt: d.closesAt,
        proposedAt: d.proposedAt,
        noticePublishedAt: null,
        noticeRunsUntil: null,
        openedAt: null,
        closedAt: null,
        resultDueBy: null,
        resultPublishedAt: null,
        cancelledAt: null,
        cancelReason: null,
        eligible: null,
        deemedVotes: d.rules.deemedVotes,
        outcome: null,
        resultLate: null,
        form: d.form ?? { form: 'yes_no' },
        proposal: d.proposal ?? null,
        meeting: d.rules.meeting,
        objectionsUntil: null,
        finalPublishedAt: null,
        decisionId: null,
        decisionRevokedAt: null,
        deliveries: 0,
      }),
    ];
  }
  const doc = docs.get<MotionDoc>(MOTIONS, event.data.motionId);
  if (!doc) return [];
  switch (event.type) {
    case 'MotionNoticePublished':
      return [put({ ...doc, status: 'noticed', noticePublishedAt: event.data.publishedAt, noticeRunsUntil: event.data.noticeRunsUntil, noticeCalendar: event.data.calendar ?? null })];
    case 'MotionOpened':
      return [put({ ...doc, status: 'open', openedAt: event.data.openedAt, eligible: event.data.roll.eligible })];
    case 'MandateRegistered':
      return [];
    case 'MotionClosed':
      return [put({ ...doc, status: 'closed', closedAt: event.data.closedAt, resultDueBy: event.data.resultDueBy })];
    case 'ResultPublished':
      return [
        put({
          ...doc,
          status: 'result_published',
          resultPublishedAt: event.data.publishedAt,
          outcome: event.data.outcome,
          resultLate: event.data.late,
          objectionsUntil: event.data.objectionsUntil ?? null,
        }),
      ];
    case 'MotionCancelled':
      return [put({ ...doc, status: 'cancelled', cancelledAt: event.data.cancelledAt, cancelReason: event.data.reason })];
    case 'FinalResultPublished':
      return [
        put({
          ...doc,
          status: 'final',
          outcome: event.data.outcome,
          finalPublishedAt: event.data.publishedAt,
          decisionId: event.data.decision?.decisionId ?? null,
        }),
      ];
    case 'DecisionRevoked':
      return [put({ ...doc, decisionRevokedAt: event.data.revokedAt })];
    case 'NoticeDelivered':
      return [put({ ...doc, deliveries: doc.deliveries + 1 })];
    case 'MandateLapsed':
    case 'ObjectionFiled':
    case 'ObjectionAnswered':
    case 'BallotRuledInvalid':
    case 'DecisionNotified':
      return [];
    default:
      return assertNever(event);
  }
}
