/**
 * The deadlines as they stood at an earlier point of the log, folded in memory from the same pure deadline
 * sources the scheduler applies (deadlines.ts), with the same rules as its table (platformDb.ts): a
 * declaration again keeps what is known of meeting it, a meeting keeps its first instant, a withdrawal
 * deletes, a memo replaces. What the scheduler alone knows (why a step it tried was blocked) is not in the log
 * and is not shown.
 */
import type { RecordedEvent } from '../store/port.js';
import type { Deadline, DeadlineSource } from './deadlines.js';

const instant = (iso: string): string => new Date(iso).toISOString();

export class DeadlineFold {
  private readonly memos = new Map<string, Readonly<Record<string, string>>>();
  private readonly rows = new Map<string, Deadline>();

  constructor(private readonly sources: readonly DeadlineSource[]) {}

  /** A copy that folds on independently (asof16: the time-travel snapshots, services/api/asOf/snapshots.ts). */
  clone(): DeadlineFold {
    const copy = new DeadlineFold(this.sources);
    for (const [k, v] of this.memos) copy.memos.set(k, v);
    for (const [k, v] of this.rows) copy.rows.set(k, v);
    return copy;
  }

  /** snap16: the fold's state as JSON-safe data, to persist a time-travel snapshot (services/api/asOf/snapshotTable.ts). */
  dump(): { memos: [string, Readonly<Record<string, string>>][]; rows: Deadline[] } {
    return { memos: [...this.memos], rows: [...this.rows.values()] };
  }

  /** snap16: a fold standing where a dumped one stood. */
  static load(sources: readonly DeadlineSource[], dumped: { memos: [string, Readonly<Record<string, string>>][]; rows: Deadline[] }): DeadlineFold {
    const fold = new DeadlineFold(sources);
    for (const [k, v] of dumped.memos) fold.memos.set(k, v);
    for (const row of dumped.rows) fold.rows.set(row.deadlineId, row);
    return fold;
  }

  apply(event: RecordedEvent): void {
    for (const source of this.sources) {
      if (!source.handles.includes(event.type)) continue;
      for (const change of source.changes(event, (key) => this.memos.get(`${source.name}|${key}`))) {
        switch (change.op) {
          case 'declare': {
            const known = this.rows.get(change.deadline.deadlineId);
            this.rows.set(change.deadline.deadlineId, {
              ...change.deadline,
              dueAt: instant(change.deadline.dueAt),
              graceMs: change.deadline.graceMs ?? 0,
              actionable: change.deadline.actionable ?? false,
              sourceName: source.name,
              metAt: known?.metAt ?? null,
              blocked: null,
              ...(known ? { compoundId: known.compoundId, kind: known.kind, record: known.record } : {}),
            });
            break;
          }
          case 'meet': {
            const row = this.rows.get(change.deadlineId);
            if (row && row.metAt === null) this.rows.set(change.deadlineId, { ...row, metAt: instant(change.at) });
            break;
          }
          case 'withdraw':
            this.rows.delete(change.deadlineId);
            break;
          case 'remember':
            this.memos.set(`${source.name}|${change.key}`, change.facts);
            break;
        }
      }
    }
  }

  /** A compound's obligations in the table's order: by due date, then id. */
  of(compoundId: string): Deadline[] {
    return [...this.rows.values()]
      .filter((d) => d.compoundId === compoundId)
      .sort((a, b) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : a.deadlineId < b.deadlineId ? -1 : a.deadlineId > b.deadlineId ? 1 : 0));
  }
}
