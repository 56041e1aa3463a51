/** Objections to a preliminary result on the notice board (异议及答复): reasons and answers, never who objected. */
import type { MotionEvent } from '../../domain/assembly/events.js';
import type { DocChange, DocReader } from '../projection.js';
import { MOTION_OBJECTIONS, type ObjectionDoc } from './docs.js';

const put = (doc: ObjectionDoc): DocChange => ({
  op: 'put',
  collection: MOTION_OBJECTIONS,
  id: `${doc.motionId}:${doc.objectionId}`,
  parent: doc.motionId,
  sortKey: `${doc.filedAt}|${doc.objectionId}`,
  doc,
});

export function applyToObjections(event: MotionEvent, docs: DocReader): readonly DocChange[] {
  switch (event.type) {
    case 'ObjectionFiled': {
      const d = event.data;
      return [put({ motionId: d.motionId, objectionId: d.objectionId, reason: d.reason, receipts: d.receipts, units: d.units, filedAt: d.filedAt, status: 'open', answer: null, ruledInvalid: [] })];
    }
    case 'ObjectionAnswered': {
      const doc = docs.get<ObjectionDoc>(MOTION_OBJECTIONS, `${event.data.motionId}:${event.data.objectionId}`);
      return doc ? [put({ ...doc, status: event.data.outcome, answer: { reason: event.data.reason, answeredAt: event.data.answeredAt } })] : [];
    }
    case 'BallotRuledInvalid': {
      const doc = docs.get<ObjectionDoc>(MOTION_OBJECTIONS, `${event.data.motionId}:${event.data.objectionId}`);
      return doc ? [put({ ...doc, ruledInvalid: [...doc.ruledInvalid, event.data.receipt] })] : [];
    }
    default:
      return [];
  }
}
