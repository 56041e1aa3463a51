/**
 * The running tally per motion, O(1) per ballot: add the ballot's area and one head to what it says (and take
 * the replaced ballot's off when re-voting). A ballot counts iff the tally is still open when the ballot comes
 * in the log's global order, i.e. iff it stands before `MotionClosed`; afterwards the tally is frozen, except
 * for the corrections an upheld objection records (a ballot ruled invalid). Replays see the same order, so they
 * give the same sums, on every store adapter.
 */
import type { AxesWire, BallotCastData, MotionEvent, TotalsWire } from '../../../domain/assembly/events.js';
import type { BallotMarks } from '../../../domain/assembly/forms.js';
import type { Choice } from '../../../domain/assembly/tally.js';
import type { Area } from '../../../domain/shared/area.js';
import { assertNever } from '../../../domain/shared/decider.js';
import type { DocChange, DocReader } from '../../../projections/projection.js';
import { MOTION_TALLIES, MOTION_VOTERS, type TallyDoc, type VoterDoc } from '../../../projections/assembly/docs.js';
import { figureArea, shiftAxes, ZERO_WIRE } from './figures.js';

const put = (doc: TallyDoc): DocChange => ({ op: 'put', collection: MOTION_TALLIES, id: doc.motionId, doc });
const putVoter = (motionId: string, voterId: string, doc: VoterDoc): DocChange => ({ op: 'put', collection: MOTION_VOTERS, id: `${motionId}:${voterId}`, doc });

/** What one ballot says, as the tally reads it (old yes_no events carry only `choice`). */
export type BallotContent =
  | { readonly kind: 'invalid' }
  | { readonly kind: 'choice'; readonly choice: Choice }
  | { readonly kind: 'marks'; readonly marks: Exclude<BallotMarks, { form: 'yes_no' }> };

export function contentOf(b: { readonly choice?: Choice | null; readonly marks?: Exclude<BallotMarks, { form: 'yes_no' }>; readonly invalid?: boolean }): BallotContent {
  if (b.invalid) return { kind: 'invalid' };
  if (b.marks) return { kind: 'marks', marks: b.marks };
  return { kind: 'choice', choice: b.choice! };
}

function withChoice(doc: TallyDoc, choice: Choice, area: Area, sign: 1n | -1n): TallyDoc {
  switch (choice) {
    case 'for':
      return { ...doc, for: shiftAxes(doc.for, area, sign) };
    case 'against':
      return { ...doc, against: shiftAxes(doc.against, area, sign) };
    case 'abstain':
      return { ...doc, abstain: shiftAxes(doc.abstain, area, sign) };
    default:
      return assertNever(choice);
  }
}

function withMarks(doc: TallyDoc, marks: Exclude<BallotMarks, { form: 'yes_no' }>, area: Area, sign: 1n | -1n): TallyDoc {
  switch (marks.form) {
    case 'choose_one': {
      if (marks.option === 'abstain') return { ...doc, abstain: shiftAxes(doc.abstain, area, sign) };
      const options = { ...(doc.options ?? {}) };
      options[marks.option] = shiftAxes(options[marks.option] ?? ZERO_WIRE, area, sign);
      return { ...doc, options };
    }
    case 'elect': {
      const candidates = { ...(doc.candidates ?? {}) };
      for (const [candidateId, choice] of Object.entries(marks.candidates)) {
        if (choice === 'abstain') continue;
        const current = candidates[candidateId] ?? { for: ZERO_WIRE, against: ZERO_WIRE };
        candidates[candidateId] = choice === 'for' ? { ...current, for: shiftAxes(current.for, area, sign) } : { ...current, against: shiftAxes(current.against, area, sign) };
      }
      return { ...doc, candidates };
    }
    default:
      return assertNever(marks);
  }
}

/** Adds (sign 1n) or takes off (-1n) one ballot's weight: participation, and what it says. */
export function contribute(doc: TallyDoc, content: BallotContent, area: Area, sign: 1n | -1n): TallyDoc {
  const next = { ...doc, cast: shiftAxes(doc.cast, area, sign) };
  switch (content.kind) {
    case 'invalid':
      return { ...next, invalid: shiftAxes(doc.invalid, area, sign) };
    case 'choice':
      return withChoice(next, content.choice, area, sign);
    case 'marks':
      return withMarks(next, content.marks, area, sign);
    default:
      return assertNever(content);
  }
}

/** A counted ballot ruled invalid: its weight moves from what it said to `invalid`; it still took part. */
export function ruleInvalid(doc: TallyDoc, content: BallotContent, area: Area): TallyDoc {
  const moved = contribute(contribute(doc, content, area, -1n), { kind: 'invalid' }, area, 1n);
  return { ...moved, ballots: { ...doc.ballots, ruledInvalid: doc.ballots.ruledInvalid + 1 } };
}

/** 从众 bookkeeping at the opening: every identity on the roll, delivered or not (deemed-votes motions only). */
function voterDocsAtOpening(event: Extract<MotionEvent, { type: 'MotionOpened' }>, docs: DocReader): { changes: DocChange[]; deemable: AxesWire } {
  const changes: DocChange[] = [];
  let deemable = ZERO_WIRE;
  for (const voter of event.data.roll.voters) {
    const before = docs.get<VoterDoc>(MOTION_VOTERS, `${event.data.motionId}:${voter.voterId}`);
    const delivered = before?.delivered ?? false;
    changes.push(putVoter(event.data.motionId, voter.voterId, { area: voter.area, delivered, voted: false }));
    if (delivered) deemable = shiftAxes(deemable, figureArea(voter.area), 1n);
  }
  return { changes, deemable };
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
        form: d.form ?? { form: 'yes_no' },
        seatRanking: d.rules.seatRanking,
        eligible: null,
        for: ZERO_WIRE,
        against: ZERO_WIRE,
        abstain: ZERO_WIRE,
        invalid: ZERO_WIRE,
        cast: ZERO_WIRE,
        options: d.form?.form === 'choose_one' ? Object.fromEntries(d.form.options.map((o) => [o.optionId, ZERO_WIRE])) : null,
        candidates: d.form?.form === 'elect' ? Object.fromEntries(d.form.candidates.map((c) => [c.candidateId, { for: ZERO_WIRE, against: ZERO_WIRE }])) : null,
        deemable: ZERO_WIRE,
        ballots: { counted: 0, late: 0, superseded: 0, ruledInvalid: 0 },
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
    case 'MotionOpened': {
      if (doc.deemedVotes === null) return [put({ ...doc, status: 'open', eligible: event.data.roll.eligible })];
      const { changes, deemable } = voterDocsAtOpening(event, docs);
      return [...changes, put({ ...doc, status: 'open', eligible: event.data.roll.eligible, deemable })];
    }
    case 'NoticeDelivered': {
      if (doc.deemedVotes === null) return [];
      const key = `${event.data.motionId}:${event.data.voterId}`;
      const voter = docs.get<VoterDoc>(MOTION_VOTERS, key);
      if (voter?.delivered) return [];
      // Before the opening the area is not known yet: the opening sums the delivered identities on the roll.
      if (!voter || voter.area === null) return [putVoter(event.data.motionId, event.data.voterId, { area: null, delivered: true, voted: false })];
      const changes: DocChange[] = [putVoter(event.data.motionId, event.data.voterId, { ...voter, delivered: true })];
      if (!voter.voted && doc.status === 'open') changes.push(put({ ...doc, deemable: shiftAxes(doc.deemable, figureArea(voter.area), 1n) }));
      return changes;
    }
    case 'MandateRegistered':
    case 'MandateLapsed':
    case 'ObjectionFiled':
    case 'ObjectionAnswered':
    case 'DecisionRevoked':
    case 'DecisionNotified':
      return [];
    case 'BallotRuledInvalid':
      // Applied with the ballot's document, which holds what the ballot said (projection.ts).
      return [];
    case 'MotionClosed':
      return [put({ ...doc, status: 'closed', closedAt: event.data.closedAt, closedAtPosition: position.toString() })];
    case 'ResultPublished':
      return [put({ ...doc, status: 'result_published', published: event.data.outcome })];
    case 'FinalResultPublished':
      return [put({ ...doc, status: 'final', published: event.data.outcome })];
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
  const area = figureArea(ballot.area);
  let next = contribute(tally, contentOf(ballot), area, 1n);
  let counted = tally.ballots.counted + 1;
  let superseded = tally.ballots.superseded;
  if (ballot.replaces && replacedCounted) {
    next = contribute(next, contentOf(ballot.replaces), area, -1n);
    counted -= 1;
    superseded += 1;
  }
  return { ...next, ballots: { ...tally.ballots, counted, superseded } };
}

/** 从众: a counted ballot of a delivered identity leaves the deemable non-voters. */
export function deemedAfterBallot(tally: TallyDoc, ballot: BallotCastData, docs: DocReader): { tally: TallyDoc; changes: DocChange[] } {
  if (tally.deemedVotes === null || !ballotCounts(tally)) return { tally, changes: [] };
  const key = `${ballot.motionId}:${ballot.voterId}`;
  const voter = docs.get<VoterDoc>(MOTION_VOTERS, key);
  if (!voter || voter.voted) return { tally, changes: [] };
  const changes = [putVoter(ballot.motionId, ballot.voterId, { ...voter, voted: true })];
  if (!voter.delivered || voter.area === null) return { tally, changes };
  return { tally: { ...tally, deemable: shiftAxes(tally.deemable, figureArea(voter.area), -1n) }, changes };
}

/** The counted sums as `PublishResult` / `PublishFinal` take them (only meaningful once voting has opened). */
export function totalsOfTally(doc: TallyDoc): TotalsWire {
  return {
    eligible: doc.eligible ?? ZERO_WIRE,
    for: doc.for,
    against: doc.against,
    abstain: doc.abstain,
    invalid: doc.invalid,
    cast: doc.cast,
    ...(doc.options ? { options: doc.options } : {}),
    ...(doc.candidates ? { candidates: doc.candidates } : {}),
    ...(doc.deemedVotes !== null ? { deemable: doc.deemable } : {}),
  };
}
