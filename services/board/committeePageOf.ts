/**
 * The committee's page data: the committee's read model (projections/committee: the board document and the
 * elections) read through `deps.read` (so `?asOf=` answers from the compound's past documents), and the
 * committee's open and overdue deadlines (those its deadline source declared).
 */
import { COMMITTEE_BOARDS, COMMITTEE_ELECTIONS, type CommitteeBoardDoc, type ElectionDoc } from '../../projections/committee/index.js';
import { committeePage, deadlineRows } from '../../projections/board/index.js';
import type { Deadline } from '../platform/deadlines.js';
import { deadlineStatus } from '../platform/deadlines.js';
import type { PlatformDeps } from '../platform/platformDeps.js';

/** The name of the committee's deadline source (services/committee/deadlines.ts). */
const COMMITTEE_SOURCE = 'committee';

export function committeePageOf(deps: Pick<PlatformDeps, 'read'>, compoundId: string, deadlines: readonly Deadline[], now: Date) {
  const board = deps.read.get<CommitteeBoardDoc>(COMMITTEE_BOARDS, compoundId);
  const rows = deadlineRows(
    deadlines
      .filter((d) => d.sourceName === COMMITTEE_SOURCE && d.compoundId === compoundId)
      .map((d) => ({ kind: d.kind, dueAt: d.dueAt, status: deadlineStatus(d, now), article: d.source.article, record: d.record })),
  );
  if (!board) return { page: null, deadlines: rows };
  return { page: committeePage({ board, elections: deps.read.list<ElectionDoc>(COMMITTEE_ELECTIONS, compoundId) }), deadlines: rows };
}
