/**
 * Decisions (业主大会决定) as the notice board and other contexts read them: what was adopted, on which motion,
 * whether it was notified to the residents' committee, and whether it was revoked (and by whose order).
 */
import type { MotionEvent } from '../../domain/assembly/events.js';
import type { DocChange, DocReader } from '../projection.js';
import { DECISIONS, type DecisionDoc } from './docs.js';

const put = (doc: DecisionDoc): DocChange => ({
  op: 'put',
  collection: DECISIONS,
  id: doc.decisionId,
  parent: doc.compoundId,
  sortKey: `${doc.decidedAt}|${doc.decisionId}`,
  doc,
});

export function applyToDecisions(event: MotionEvent, docs: DocReader): readonly DocChange[] {
  switch (event.type) {
    case 'FinalResultPublished':
      return event.data.decision ? [put({ ...event.data.decision, revoked: null, notifiedToResidentsCommitteeAt: null })] : [];
    case 'DecisionRevoked': {
      const doc = docs.get<DecisionDoc>(DECISIONS, event.data.decisionId);
      const { authority, documentRef, reason, revokedAt } = event.data;
      return doc ? [put({ ...doc, revoked: { authority, documentRef, reason, revokedAt } })] : [];
    }
    case 'DecisionNotified': {
      const doc = docs.get<DecisionDoc>(DECISIONS, event.data.decisionId);
      return doc ? [put({ ...doc, notifiedToResidentsCommitteeAt: event.data.notifiedAt })] : [];
    }
    default:
      return [];
  }
}
