/** The public ballot list and receipt lookup (投票公示 / 回执查询). */
import type { BallotCastData } from '../../domain/assembly/events.js';
import type { DocChange, DocReader } from '../projection.js';
import { MOTION_BALLOTS, type BallotDoc, type BallotStatus } from './docs.js';

/** Only these fields leave the log: no person, no voter id, no evidence reference. */
export function ballotDoc(d: BallotCastData, position: bigint, status: BallotStatus): BallotDoc {
  // One literal per form rather than spread-in optional fields (one object per ballot, not three): the keys
  // stay in this order, `option` or `candidates` after `choice`.
  const unitIds = d.unitIds.slice();
  const choice = d.choice ?? null;
  const invalid = d.invalid === true;
  const at = position.toString();
  const marks = d.marks;
  if (marks?.form === 'choose_one') return { receipt: d.receipt, motionId: d.motionId, unitIds, area: d.area, choice, option: marks.option, invalid, channel: d.channel, castAt: d.castAt, position: at, status };
  if (marks?.form === 'elect') return { receipt: d.receipt, motionId: d.motionId, unitIds, area: d.area, choice, candidates: marks.candidates, invalid, channel: d.channel, castAt: d.castAt, position: at, status };
  return { receipt: d.receipt, motionId: d.motionId, unitIds, area: d.area, choice, invalid, channel: d.channel, castAt: d.castAt, position: at, status };
}

export function putBallot(doc: BallotDoc): DocChange {
  // `doc.position` is a bigint's decimal text (ballotDoc): padded as positionKey pads it, without a BigInt.
  return { op: 'put', collection: MOTION_BALLOTS, id: doc.receipt, parent: doc.motionId, sortKey: doc.position.padStart(20, '0'), doc };
}

/** An owner checks their own ballot by its receipt (GET /v1/motions/{id}/ballots/{receipt}). */
export function findBallot(docs: DocReader, motionId: string, receipt: string): BallotDoc | undefined {
  const doc = docs.get<BallotDoc>(MOTION_BALLOTS, receipt);
  return doc && doc.motionId === motionId ? doc : undefined;
}
