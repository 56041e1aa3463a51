/**
 * Ballot receipts (投票回执).
 *
 * receipt = lowercase hex SHA-256 of the UTF-8 text `assembly-ballot-receipt/v1\n<motionId>\n<voterId>\n<ballotId>`,
 * where `ballotId` is the id the decider drew for the ballot (deterministic per command id). The receipt is in
 * the `BallotCast` event, returned to the caster, and keys the public ballot document, so an owner looks up
 * their own ballot by it. Anyone holding an export of the log can recompute it from the event's data and so
 * find the event (whose content the stream's hash chain secures). It reveals neither the voter id nor any
 * person: without the ballot id it cannot be recomputed.
 */
import { createHash } from 'node:crypto';

export function ballotReceipt(motionId: string, voterId: string, ballotId: string): string {
  return createHash('sha256')
    .update(`assembly-ballot-receipt/v1\n${motionId}\n${voterId}\n${ballotId}`, 'utf8')
    .digest('hex');
}

export const RECEIPT_PATTERN = /^[0-9a-f]{64}$/;
