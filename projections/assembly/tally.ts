/**
 * The running tally per motion, O(1) per ballot: add the ballot's area and one head to its choice (and take
 * the replaced ballot's off when re-voting). A ballot counts iff the tally is still open when the ballot comes
 * in the log's global order, i.e. iff it stands before `MotionClosed`; afterwards the tally is frozen. Replays
 * see the same order, so they give the same sums, on every store adapter.
 */
import type { AxesWire, BallotCastData, MotionEvent, TotalsWire } from '../../domain/assembly/events.js';
import type { Choice } from '../../domain/assembly/tally.js';
import { formatArea, parseArea } from '../../domain/shared/area.js';
import { assertNever } from '../../domain/shared/decider.js';
import type { DocChange, DocReader } from '../projection.js';
import { MOTION_TALLIES, type TallyDoc } from './docs.js';

const ZERO: AxesWire = { area: '0.00', headcount: 0 };

const put = (doc: TallyDoc): DocChange => ({ op: 'put', collection: MOTION_TALLIES, id: doc.motionId, doc });

function shift(a: AxesWire, area: string, sign: 1n | -1n): AxesWire {
  return { area: formatArea(parseArea(a.area)! + sign * parseArea(area)!), headcount: a.headcount + Number(sign) };
}

function withChoice(doc: TallyDoc, choice: Choice, area: string, sign: 1n | -1n): TallyDoc {
  switch (choice) {
    case 'for':
      return { ...doc, for: shift(doc.for, area, sign) };
    case 'against':
      return { ...doc, against: shift(doc.against, area, sign) };
    case 'abstain':
      return { ...doc, abstain: shift(doc.abstain, area, sign) };
    default:
      return assertNever(choice);
  }
}

export function applyMotionToTally(event: MotionEvent, position: bigint, docs: DocReader): readonly DocChange[] {
  if (event.type === 'MotionProposed') {
    const d = event.data;
    return [
      put({
        motionId: d.motionId,
        compoundId: d.compoundId,
        matter: d.matter,
        rule: d.rules.rule,
        thresholds: d.rules.thresholds,
        deemedVotes: d.rules.deemedVotes,
        status: 'proposed',
        eligible: null,
        for: ZERO,
        against: ZERO,
        abstain: ZERO,
        ballots: { counted: 0, late: 0, superseded: 0 },
        closedAt: null,
        closedAtPosition: null,
        published: null,
      }),
    ];
  }
  const doc = docs.get<TallyDoc>(MOTION_TALLIES, event.data.motionId);
  if (!doc) return [];
  switch (event.type) {
    case 'MotionNoticePublished':
      return [put({ ...doc, status: 'noticed' })];
    case 'MotionOpened':
      return [put({ ...doc, status: 'open', eligible: event.data.roll.eligible })];
    case 'MandateRegistered':
      return [];
    case 'MotionClosed':
      return [put({ ...doc, status: 'closed', closedAt: event.data.closedAt, closedAtPosition: position.toString() })];
    case 'ResultPublished':
      return [put({ ...doc, status: 'result_published', published: event.data.outcome })];
    case 'MotionCancelled':
      return [put({ ...doc, status: 'cancelled' })];
    default:
      return assertNever(event);
  }
}

/** Whether a ballot arriving now counts: only while the tally is open (before the close in log order). */
export function ballotCounts(tally: TallyDoc | undefined): boolean {
  return tally !== undefined && tally.status === 'open';
}

/**
 * The tally after one ballot. `replacedCounted`: the ballot it replaces (re-voting) is counted and comes off.
 * A late ballot only raises the late count.
 */
export function tallyAfterBallot(tally: TallyDoc, ballot: BallotCastData, replacedCounted: boolean): TallyDoc {
  if (!ballotCounts(tally)) return { ...tally, ballots: { ...tally.ballots, late: tally.ballots.late + 1 } };
  let next = withChoice(tally, ballot.choice, ballot.area, 1n);
  let counted = tally.ballots.counted + 1;
  let superseded = tally.ballots.superseded;
  if (ballot.replaces && replacedCounted) {
    next = withChoice(next, ballot.replaces.choice, ballot.area, -1n);
    counted -= 1;
    superseded += 1;
  }
  return { ...next, ballots: { counted, late: tally.ballots.late, superseded } };
}

/** The counted sums as `PublishResult` takes them (only meaningful once voting has opened). */
export function totalsOfTally(doc: TallyDoc): TotalsWire {
  return { eligible: doc.eligible ?? ZERO, for: doc.for, against: doc.against, abstain: doc.abstain };
}
