/**
 * Deadlines (法定期限 and scheduled steps). A context declares, from its events, the obligations it creates
 * ("the result is published within 3 days of the close") and the events that meet them, as a pure,
 * projection-like function; optionally, what the server does itself once an obligation falls due (open a
 * motion at `opensAt`). One scheduler (scheduler.ts) keeps the obligations and acts on what became due.
 */
import type { DomainError } from '../../domain/shared/errors.js';
import type { RecordedEvent } from '../store/port.js';
import type { ReactorCommand } from './reactor.js';

/** Where the rule comes from: the article (e.g. `京条例 Art. 37 para. 2`) and the jurisdiction of its pack. */
export interface RuleSource {
  readonly article: string;
  readonly jurisdiction: string;
}

/** An obligation as a source declares it. */
export interface DeclaredDeadline {
  /** Stable and unique, e.g. `voting_opens:<motionId>`: later events meet or withdraw it by this id. */
  readonly deadlineId: string;
  readonly compoundId: string;
  readonly kind: string;
  /** ISO-8601 instant. */
  readonly dueAt: string;
  readonly source: RuleSource;
  /** The record the obligation belongs to, e.g. `{ type: 'motion', id }`. */
  readonly record: { readonly type: string; readonly id: string };
  /**
   * Milliseconds after `dueAt` that still count as on time: a step the scheduler takes itself is done a
   * moment after it falls due (its timer, the next check). 0 when omitted.
   */
  readonly graceMs?: number;
  /** The source has an `onDue` action for it. */
  readonly actionable?: boolean;
}

/** What one event does to the obligations of a source. */
export type DeadlineChange =
  | { readonly op: 'declare'; readonly deadline: DeclaredDeadline }
  /** Met at `at` (ISO-8601); meeting twice keeps the first instant. */
  | { readonly op: 'meet'; readonly deadlineId: string; readonly at: string }
  /** The obligation no longer exists (its record was cancelled). */
  | { readonly op: 'withdraw'; readonly deadlineId: string }
  /** Facts the source keeps for later events of the same record (e.g. a motion's closing time). */
  | { readonly op: 'remember'; readonly key: string; readonly facts: Readonly<Record<string, string>> };

/** An obligation as the scheduler keeps it. */
export interface Deadline extends DeclaredDeadline {
  readonly sourceName: string;
  readonly metAt: string | null;
  /** The last time the scheduler's action for it was refused or failed: why (never silently). */
  readonly blocked: { readonly code: string; readonly message: string; readonly at: string } | null;
}

export interface DeadlineSource {
  /** Unique; names its rows. */
  readonly name: string;
  /** Event types it reads. */
  readonly handles: readonly string[];
  /** Pure: the changes an event makes. `recall` returns what an earlier event of this source remembered. */
  changes(event: RecordedEvent, recall: (key: string) => Readonly<Record<string, string>> | undefined): readonly DeadlineChange[];
  /**
   * The commands to issue when an open, actionable obligation of this source is due (after `dueAt`, not
   * met). A domain error says why it cannot be done now; it is shown with the obligation and tried again.
   */
  onDue?(deadline: Deadline, now: Date): Promise<readonly ReactorCommand[] | DomainError>;
}

export type DeadlineStatus = 'open' | 'met' | 'overdue';
export const deadlineStatuses: readonly DeadlineStatus[] = ['open', 'met', 'overdue'];

/** `met` once met (late or not); `overdue` once `now` is past `dueAt` (and the grace) unmet; else `open`. */
export function deadlineStatus(deadline: Pick<Deadline, 'dueAt' | 'metAt' | 'graceMs'>, now: Date): DeadlineStatus {
  if (deadline.metAt !== null) return 'met';
  return now.getTime() > Date.parse(deadline.dueAt) + (deadline.graceMs ?? 0) ? 'overdue' : 'open';
}

/** Met after `dueAt` (and the grace). */
export function metLate(deadline: Pick<Deadline, 'dueAt' | 'metAt' | 'graceMs'>): boolean {
  return deadline.metAt !== null && Date.parse(deadline.metAt) > Date.parse(deadline.dueAt) + (deadline.graceMs ?? 0);
}
