/**
 * The assembly projection: motions (notice board), tallies, public ballots, objections and decisions, in one
 * projection so that a ballot's status and the tally it feeds are decided together, in log order, in one
 * transaction.
 */
import type { BallotCastData, BallotRuledInvalidData, MotionEvent } from '../../../domain/assembly/events.js';
import { motionEventTypes } from '../../../domain/assembly/events.js';
import { petitionEventTypes, type PetitionEvent } from '../../../domain/assembly/petition.js';
import type { RecordedEvent } from '../../../domain/shared/log.js';
import type { DocChange, DocReader, Projection } from '../../../projections/projection.js';
import { ballotDoc, putBallot } from './ballots.js';
import { applyToDecisions } from '../../../projections/assembly/decisions.js';
import { MOTION_BALLOTS, MOTION_TALLIES, PETITIONS, type BallotDoc, type PetitionDoc, type TallyDoc } from '../../../projections/assembly/docs.js';
import { figureArea } from './figures.js';
import { applyToMotion } from '../../../projections/assembly/motions.js';
import { applyToObjections } from '../../../projections/assembly/objections.js';
import { applyToPetition } from '../../../projections/assembly/petitions.js';
import { applyMotionToTally, ballotCounts, contentOf, deemedAfterBallot, ruleInvalid, tallyAfterBallot, type BallotContent } from './tally.js';

const putTally = (doc: TallyDoc): DocChange => ({ op: 'put', collection: MOTION_TALLIES, id: doc.motionId, doc });

function applyBallot(data: BallotCastData, position: bigint, docs: DocReader): DocChange[] {
  const tally = docs.get<TallyDoc>(MOTION_TALLIES, data.motionId);
  if (!tally || !ballotCounts(tally)) {
    // After the close in the log's order (or with no open motion): recorded, never counted.
    const changes: DocChange[] = [putBallot(ballotDoc(data, position, 'late'))];
    if (tally) changes.push(putTally(tallyAfterBallot(tally, data, false)));
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
  const deemed = deemedAfterBallot(tallyAfterBallot(tally, data, replacedCounted), data, docs);
  changes.push(...deemed.changes, putTally(deemed.tally));
  return changes;
}

/** An upheld objection ruled a counted ballot invalid: its weight moves to `invalid` (it still took part). */
function applyRuling(data: BallotRuledInvalidData, docs: DocReader): DocChange[] {
  const ballot = docs.get<BallotDoc>(MOTION_BALLOTS, data.receipt);
  const tally = docs.get<TallyDoc>(MOTION_TALLIES, data.motionId);
  if (!ballot || !tally || ballot.motionId !== data.motionId || ballot.status !== 'counted') return [];
  return [putBallot({ ...ballot, status: 'ruled_invalid' }), putTally(ruleInvalid(tally, contentOfBallotDoc(ballot), figureArea(ballot.area)))];
}

/** What a ballot's document says: its option or its candidates' marks on the other forms (the doc has no `marks`). */
function contentOfBallotDoc(ballot: BallotDoc): BallotContent {
  if (ballot.invalid) return { kind: 'invalid' };
  if (ballot.option !== undefined) return { kind: 'marks', marks: { form: 'choose_one', option: ballot.option } };
  if (ballot.candidates !== undefined) return { kind: 'marks', marks: { form: 'elect', candidates: ballot.candidates } };
  return contentOf(ballot);
}

/** An assembly event's compound: in its data, or through its motion's (or petition's) document. */
function compoundOf(event: RecordedEvent, docs: DocReader): string {
  const d = event.data as { compoundId?: unknown; motionId?: unknown; petitionId?: unknown } | null;
  if (typeof d?.compoundId === 'string') return d.compoundId;
  if (typeof d?.motionId === 'string') return docs.get<TallyDoc>(MOTION_TALLIES, d.motionId)?.compoundId ?? event.streamId;
  if (typeof d?.petitionId === 'string') return docs.get<PetitionDoc>(PETITIONS, d.petitionId)?.compoundId ?? event.streamId;
  return event.streamId;
}

export const assemblyProjection: Projection = {
  name: 'assembly',
  // 5: a ballot ruled invalid on a choose_one or elect motion stopped the compound's projection (the ballot's
  // document has no `marks`); replayed so that a compound stopped by it projects again.
  version: 5,
  scopeOf: compoundOf,
  handles: [...motionEventTypes, 'BallotCast', ...petitionEventTypes],
  apply(event: RecordedEvent, docs: DocReader): readonly DocChange[] {
    if (event.type === 'BallotCast') return applyBallot(event.data as BallotCastData, event.position, docs);
    if ((petitionEventTypes as readonly string[]).includes(event.type)) return applyToPetition({ type: event.type, data: event.data } as PetitionEvent, docs);
    const motionEvent = { type: event.type, data: event.data } as MotionEvent;
    return [
      ...applyToMotion(motionEvent, docs),
      ...applyMotionToTally(motionEvent, event.position, docs),
      ...applyToObjections(motionEvent, docs),
      ...applyToDecisions(motionEvent, docs),
      ...(motionEvent.type === 'BallotRuledInvalid' ? applyRuling(motionEvent.data, docs) : []),
    ];
  },
};
