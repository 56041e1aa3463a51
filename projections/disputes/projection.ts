/**
 * Disputes on the notice board: each dispute by category, parties (by kind), mediator and outcome, never a
 * person; the records under dispute; statistics by category and outcome.
 */
import { assertNever } from '../../domain/shared/decider.js';
import { disputeEventTypes, type DisputeEvent, type DisputeFiledData } from '../../domain/disputes/index.js';
import type { RecordedEvent } from '../../domain/shared/log.js';
import type { DocChange, DocReader, Projection } from '../projection.js';

/** id = disputeId, parent = compoundId. */
export const DISPUTES = 'disputes';
/** id = `<type>:<id>` of a disputed record (a ballot receipt, a motion...): the open disputes about it. */
export const DISPUTED_RECORDS = 'disputed-records';

export type DisputeOutcome = 'open' | 'agreed' | 'refused' | 'failed';

export interface DisputeDoc {
  readonly disputeId: string;
  readonly compoundId: string;
  readonly category: string;
  readonly filedBy: string;
  readonly respondents: readonly string[];
  readonly links: DisputeFiledData['links'];
  readonly filedAt: string;
  readonly status: 'filed' | 'mediating' | 'agreed' | 'refused' | 'failed';
  readonly mediator: string | null;
  readonly dueBy: string | null;
  readonly sessions: number;
  readonly agreement: null | { readonly signedAt: string; readonly confirmationDueBy: string; readonly confirmationApplied: boolean };
  readonly refusedBy: string | null;
  readonly routesTold: readonly string[] | null;
}

export interface DisputedRecordDoc {
  readonly type: string;
  readonly id: string;
  readonly disputes: readonly string[];
}

const put = (doc: DisputeDoc): DocChange => ({ op: 'put', collection: DISPUTES, id: doc.disputeId, parent: doc.compoundId, sortKey: `${doc.filedAt}|${doc.disputeId}`, doc });

/** Whether a dispute is still open (its linked records show "under dispute" until it ends). */
export const isOpen = (doc: Pick<DisputeDoc, 'status'>): boolean => doc.status === 'filed' || doc.status === 'mediating';

function closeLinks(doc: DisputeDoc, docs: DocReader): DocChange[] {
  return doc.links.map((l) => {
    const key = `${l.type}:${l.id}`;
    const current = docs.get<DisputedRecordDoc>(DISPUTED_RECORDS, key);
    const remaining = (current?.disputes ?? []).filter((d) => d !== doc.disputeId);
    return remaining.length ? { op: 'put', collection: DISPUTED_RECORDS, id: key, doc: { type: l.type, id: l.id, disputes: remaining } } : { op: 'delete', collection: DISPUTED_RECORDS, id: key };
  });
}

function apply(event: DisputeEvent, docs: DocReader): readonly DocChange[] {
  if (event.type === 'DisputeFiled') {
    const d = event.data;
    const links: DocChange[] = d.links.map((l) => {
      const key = `${l.type}:${l.id}`;
      const current = docs.get<DisputedRecordDoc>(DISPUTED_RECORDS, key);
      return { op: 'put', collection: DISPUTED_RECORDS, id: key, doc: { type: l.type, id: l.id, disputes: [...(current?.disputes ?? []), d.disputeId] } };
    });
    return [
      put({ disputeId: d.disputeId, compoundId: d.compoundId, category: d.category, filedBy: d.filedBy, respondents: d.respondents, links: d.links, filedAt: d.filedAt, status: 'filed', mediator: null, dueBy: null, sessions: 0, agreement: null, refusedBy: null, routesTold: null }),
      ...links,
    ];
  }
  const doc = docs.get<DisputeDoc>(DISPUTES, event.data.disputeId);
  if (!doc) return [];
  switch (event.type) {
    case 'MediationStarted':
      return [put({ ...doc, status: 'mediating', mediator: event.data.mediator, dueBy: event.data.dueBy })];
    case 'MediationSessionHeld':
      return [put({ ...doc, sessions: doc.sessions + 1 })];
    case 'MediationExtended':
      return [put({ ...doc, dueBy: event.data.dueBy })];
    case 'AgreementSigned':
      return [put({ ...doc, status: 'agreed', agreement: { signedAt: event.data.signedAt, confirmationDueBy: event.data.confirmationDueBy, confirmationApplied: false } }), ...closeLinks(doc, docs)];
    case 'MediationRefused':
      return [put({ ...doc, status: 'refused', refusedBy: event.data.party }), ...closeLinks(doc, docs)];
    case 'MediationFailed':
      return [put({ ...doc, status: 'failed', routesTold: event.data.routesTold }), ...closeLinks(doc, docs)];
    case 'JudicialConfirmationApplied':
      return doc.agreement ? [put({ ...doc, agreement: { ...doc.agreement, confirmationApplied: true } })] : [];
    default:
      return assertNever(event);
  }
}

export const disputesProjection: Projection = {
  name: 'disputes',
  version: 1,
  handles: disputeEventTypes,
  apply: (event: RecordedEvent, docs: DocReader) => apply({ type: event.type, data: event.data } as DisputeEvent, docs),
  // The compound a mediation step belongs to is its dispute's (only the filing names it): `?asOf=` folds a
  // compound's events by this scope, and the runner isolates failures by it.
  scopeOf: (event: RecordedEvent, docs: DocReader) => {
    const d = event.data as { compoundId?: string; disputeId?: string };
    if (d.compoundId) return d.compoundId;
    return (d.disputeId && docs.get<DisputeDoc>(DISPUTES, d.disputeId)?.compoundId) || event.streamId;
  },
};

/** Statistics by category and outcome (no personal data). */
export function disputeStatistics(docs: readonly DisputeDoc[]): Record<string, Record<DisputeOutcome, number>> {
  const stats: Record<string, Record<DisputeOutcome, number>> = {};
  for (const d of docs) {
    const row = (stats[d.category] ??= { open: 0, agreed: 0, refused: 0, failed: 0 });
    row[isOpen(d) ? 'open' : (d.status as Exclude<DisputeOutcome, 'open'>)] += 1;
  }
  return stats;
}
