/**
 * The assembly projection: motions (notice board), tallies and public ballots, in one projection so that a
 * ballot's status and the tally it feeds are decided together, in log order, in one transaction.
 */
import type { BallotCastData, MotionEvent } from '../../domain/assembly/events.js';
import { motionEventTypes } from '../../domain/assembly/events.js';
import type { RecordedEvent } from '../../domain/shared/log.js';
import type { DocChange, DocReader, Projection } from '../projection.js';
import { ballotDoc, putBallot } from './ballots.js';
import { MOTION_BALLOTS, MOTION_TALLIES, type BallotDoc, type TallyDoc } from './docs.js';
import { applyToMotion } from './motions.js';
import { applyMotionToTally, ballotCounts, tallyAfterBallot } from './tally.js';

function applyBallot(data: BallotCastData, position: bigint, docs: DocReader): DocChange[] {
  const tally = docs.get<TallyDoc>(MOTION_TALLIES, data.motionId);
  if (!tally || !ballotCounts(tally)) {
    // After the close in the log's order (or with no open motion): recorded, never counted.
    const changes: DocChange[] = [putBallot(ballotDoc(data, position, 'late'))];
    if (tally) changes.push({ op: 'put', collection: MOTION_TALLIES, id: tally.motionId, doc: tallyAfterBallot(tally, data, false) });
    return changes;
  }
  const changes: DocChange[] = [putBallot(ballotDoc(data, position, 'counted'))];
  let replacedCounted = false;
  if (data.replaces) {
    const old = docs.get<BallotDoc>(MOTION_BALLOTS, data.replaces.receipt);
    if (old && old.status === 'counted') {
      replacedCounted = true;
      changes.push(putBallot({ ...old, status: 'superseded' }));
    }
  }
  changes.push({ op: 'put', collection: MOTION_TALLIES, id: tally.motionId, doc: tallyAfterBallot(tally, data, replacedCounted) });
  return changes;
}

export const assemblyProjection: Projection = {
  name: 'assembly',
  version: 1,
  handles: [...motionEventTypes.filter((t) => t !== 'MandateRegistered'), 'BallotCast'],
  apply(event: RecordedEvent, docs: DocReader): readonly DocChange[] {
    if (event.type === 'BallotCast') return applyBallot(event.data as BallotCastData, event.position, docs);
    const motionEvent = { type: event.type, data: event.data } as MotionEvent;
    return [...applyToMotion(motionEvent, docs), ...applyMotionToTally(motionEvent, event.position, docs)];
  },
};
