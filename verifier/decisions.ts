/**
 * What another context's event may rely on: an owners' decision recorded by a final result in the export, on the
 * motion it names, not revoked before the event (物业管理条例 Art. 19; Civil Code Art. 280: a revoked decision
 * binds nobody). Shared by the committee, hiring and funds checks.
 */
import type { DecisionRecord } from '../domain/assembly/index.js';
import type { DecisionSeen } from './assembly.js';
import type { ExportedEvent } from './format.js';
import { recordOf, type Check, type Report } from './problems.js';

export interface DecisionNeed {
  readonly check: Check;
  /** What relies on it, for the message. */
  readonly what: string;
  /** The motion the decision must have decided, when the event names one. */
  readonly motionId?: string;
  readonly adopted?: DecisionRecord['adopted']['kind'];
}

/** The decision `decisionId` as `e` may rely on it, or null after reporting why it may not. */
export function standingDecision(decisions: ReadonlyMap<string, DecisionSeen>, report: Report, e: ExportedEvent, decisionId: string, need: DecisionNeed): DecisionRecord | null {
  const where = recordOf(e);
  const d = decisions.get(decisionId);
  if (!d) {
    report(need.check, where, `${need.what} relies on decision ${decisionId}, which no final result in the export recorded`);
    return null;
  }
  let ok = true;
  const fail = (detail: string) => {
    report(need.check, where, detail);
    ok = false;
  };
  if (d.seq > e.seq) fail(`${need.what} relies on decision ${decisionId}, recorded only later (event ${d.seq})`);
  if (d.revokedSeq !== null && d.revokedSeq < e.seq) fail(`${need.what} relies on decision ${decisionId}, revoked at event ${d.revokedSeq}`);
  if (need.motionId !== undefined && d.record.motionId !== need.motionId) fail(`${need.what} names motion ${need.motionId}; decision ${decisionId} decided motion ${d.record.motionId}`);
  if (need.adopted !== undefined && d.record.adopted.kind !== need.adopted) fail(`${need.what} needs a decision adopting a ${need.adopted}; decision ${decisionId} adopted a ${d.record.adopted.kind}`);
  return ok ? d.record : null;
}
