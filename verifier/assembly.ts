/**
 * The owners' assembly recomputed from the events alone: every motion's tally through the same pure projection
 * the server's read model uses (projections/assembly), every posted result's totals against that tally at the
 * moment it was posted, every outcome and decision under the motion's own rules (domain/assembly outcomeOf:
 * Civil Code Art. 278's two axes), every ballot against the frozen roll and its receipt.
 */
import { ballotReceipt, evolveMotion, initialMotionState, motionEventTypes, type BallotCastData, type DecisionRecord, type FinalResultPublishedData, type Motion, type MotionEvent, type MotionState, type ResultPublishedData } from '../domain/assembly/index.js';
import { outcomeOf } from '../domain/assembly/outcome.js';
import { assemblyProjection, MOTION_TALLIES, totalsOfTally, type TallyDoc } from '../projections/assembly/index.js';
import { canonicalJson } from './canonical.js';
import type { ExportedEvent } from './format.js';
import { MemoryDocs, type ProjectedEvent } from './memoryDocs.js';
import { recordOf, type Report } from './problems.js';

const motionTypes = new Set<string>(motionEventTypes);

/** A decision as the assembly recorded it, with when (its place in the export) it was revoked. */
export interface DecisionSeen {
  readonly record: DecisionRecord;
  readonly seq: number;
  revokedSeq: number | null;
}

export class AssemblyCheck {
  readonly docs = new MemoryDocs();
  readonly motions = new Map<string, MotionState>();
  readonly decisions = new Map<string, DecisionSeen>();
  results = 0;
  ballots = 0;

  constructor(private readonly report: Report) {}

  /** Feeds the next event (in the export's order). */
  apply(e: ExportedEvent, recorded: ProjectedEvent): void {
    if (e.type === 'BallotCast') this.checkBallot(e, e.data as BallotCastData);
    if (e.type === 'ResultPublished' || e.type === 'FinalResultPublished') this.checkResult(e, e.data as ResultPublishedData | FinalResultPublishedData);
    this.docs.apply(recorded, assemblyProjection);
    if (motionTypes.has(e.type) && e.streamId.startsWith('motion-')) {
      const event = { type: e.type, data: e.data } as MotionEvent;
      const motionId = (e.data as { motionId: string }).motionId;
      this.motions.set(motionId, evolveMotion(this.motions.get(motionId) ?? initialMotionState(), event));
      if (event.type === 'FinalResultPublished' && event.data.decision) this.decisions.set(event.data.decision.decisionId, { record: event.data.decision, seq: e.seq, revokedSeq: null });
      if (event.type === 'DecisionRevoked') {
        const d = this.decisions.get(event.data.decisionId);
        if (d) d.revokedSeq = e.seq;
        else this.report('decision', recordOf(e), `revokes decision ${event.data.decisionId}, which no final result in the export recorded`);
      }
    }
  }

  private motion(motionId: string): Motion | null {
    const m = this.motions.get(motionId);
    return m && m.status !== 'none' ? m : null;
  }

  private checkBallot(e: ExportedEvent, b: BallotCastData): void {
    this.ballots += 1;
    const expected = ballotReceipt(b.motionId, b.voterId, b.ballotId);
    if (b.receipt !== expected) this.report('receipt', recordOf(e), `receipt ${b.receipt} is not the receipt of its motion, voter and ballot id (${expected})`);
    const motion = this.motion(b.motionId);
    if (!motion) return this.report('ballot', recordOf(e), `a ballot on motion ${b.motionId}, which the export does not propose`);
    if (!motion.roll) return; // before the opening: the projection counts it as nothing (late/early), as the server did
    const voter = motion.roll.voters.get(b.voterId);
    if (!voter) return this.report('ballot', recordOf(e), `voter ${b.voterId} is not on the roll frozen at the opening`);
    const units = voter.units.map((u) => u.unitId);
    if (canonicalJson([...b.unitIds].sort()) !== canonicalJson([...units].sort()) || b.area !== voter.area) {
      this.report('ballot', recordOf(e), `the ballot counts units ${b.unitIds.join(',')} with ${b.area} m²; the roll gives this voter ${units.join(',')} with ${voter.area} m²`);
    }
  }

  private checkResult(e: ExportedEvent, published: ResultPublishedData | FinalResultPublishedData): void {
    this.results += 1;
    const tally = this.docs.get<TallyDoc>(MOTION_TALLIES, published.motionId);
    const motion = this.motion(published.motionId);
    if (!tally || !motion) return this.report('result', recordOf(e), `a result of motion ${published.motionId}, which the export does not hold`);
    const totals = totalsOfTally(tally);
    const a = canonicalJson(totals);
    const b = canonicalJson(published.totals);
    if (a !== b) this.report('tally', recordOf(e), `the posted totals ${b} differ from the totals recomputed from the ballots ${a}`);
    const outcome = outcomeOf(motion, totals);
    if ('code' in outcome) return this.report('result', recordOf(e), `the recomputed totals give no outcome: ${outcome.message}`);
    const got = canonicalJson(published.outcome);
    const want = canonicalJson(outcome.outcome);
    if (got !== want) this.report('result', recordOf(e), `the posted outcome ${got} differs from the outcome recomputed under the motion's rules ${want}`);
    if (e.type !== 'FinalResultPublished') return;
    const decision = (published as FinalResultPublishedData).decision;
    const adopted = outcome.adopted;
    if ((decision === null) !== (adopted === null)) {
      this.report('decision', recordOf(e), adopted === null ? 'a decision is recorded although the recomputed result adopts nothing' : `no decision is recorded although the recomputed result adopts ${canonicalJson(adopted)}`);
    } else if (decision && adopted) {
      // Names are not in the export: an election's decision is compared by candidate ids.
      const strip = (x: DecisionRecord['adopted']) => (x.kind === 'elected' ? { ...x, candidates: x.candidates.map((c) => c.candidateId) } : x);
      const got2 = canonicalJson(strip(decision.adopted));
      const want2 = canonicalJson(strip(adopted));
      if (got2 !== want2) this.report('decision', recordOf(e), `the decision records ${got2} adopted; recomputed: ${want2}`);
      if (decision.motionId !== published.motionId || decision.matter !== motion.matter) this.report('decision', recordOf(e), `the decision names motion ${decision.motionId} and matter ${decision.matter}; the motion is ${motion.motionId} on ${motion.matter}`);
    }
  }
}
