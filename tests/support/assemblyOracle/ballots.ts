/** The public ballot list and receipt lookup (投票公示 / 回执查询). */
import type { BallotCastData } from '../../../domain/assembly/events.js';
import type { DocChange, DocReader } from '../../../projections/projection.js';
import { MOTION_BALLOTS, positionKey, type BallotDoc, type BallotStatus } from '../../../projections/assembly/docs.js';

/** Only these fields leave the log: no person, no voter id, no evidence reference. */
export function ballotDoc(d: BallotCastData, position: bigint, status: BallotStatus): BallotDoc {
  return {
    receipt: d.receipt,
    motionId: d.motionId,
    unitIds: [...d.unitIds],
    area: d.area,
    choice: d.choice ?? null,
    ...(d.marks?.form === 'choose_one' ? { option: d.marks.option } : {}),
    ...(d.marks?.form === 'elect' ? { candidates: d.marks.candidates } : {}),
    invalid: d.invalid === true,
    channel: d.channel,
    castAt: d.castAt,
    position: position.toString(),
    status,
  };
}

export function putBallot(doc: BallotDoc): DocChange {
  return { op: 'put', collection: MOTION_BALLOTS, id: doc.receipt, parent: doc.motionId, sortKey: positionKey(BigInt(doc.position)), doc };
}

/** An owner checks their own ballot by its receipt (GET /v1/motions/{id}/ballots/{receipt}). */
export function findBallot(docs: DocReader, motionId: string, receipt: string): BallotDoc | undefined {
  const doc = docs.get<BallotDoc>(MOTION_BALLOTS, receipt);
  return doc && doc.motionId === motionId ? doc : undefined;
}
