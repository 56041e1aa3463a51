/**
 * The supervisory read model (监事会查账): every balance traced to its transfers, each transfer to its authority
 * (the decision with its budget and revocation, or the emergency certification) and evidence, the releases,
 * and the anomaly flags. Rendered from the funds' read model, a page of transfers at a time: a compound's
 * balances and flags never need its whole history read.
 */
import type { RelationshipDeclaredData } from '../../domain/supervision/index.js';
import type { AccountDoc, FundsMetaDoc, ReleaseDoc, TransferDoc } from '../funds/index.js';
import { accountView, releaseView, transferView } from '../funds/index.js';
import { supervisoryFlags, type DecisionRef } from './flags.js';

export interface TraceInputs {
  readonly meta: FundsMetaDoc;
  readonly accounts: readonly AccountDoc[];
  readonly releases: readonly ReleaseDoc[];
  /** One page of transfers (of the compound, or of one account). */
  readonly transfers: readonly TransferDoc[];
  readonly next: string | null;
  readonly decisions: (decisionId: string) => DecisionRef | null;
  readonly declarations: readonly RelationshipDeclaredData[];
  readonly now: Date;
}

export function supervisoryTrace(i: TraceInputs) {
  const decisionOf = (id: string | null) => (id ? i.decisions(id) : null);
  return {
    compoundId: i.meta.compoundId,
    jurisdiction: i.meta.jurisdiction,
    transferCount: i.meta.seq,
    // Each account's transfers: `?account=<ledger>/<account>` pages through them.
    accounts: i.accounts.map((a) => ({ ...accountView(a), trace: `${a.ledger}/${a.account}` })),
    releases: i.releases.map((r) => ({ ...releaseView(r), decision: decisionOf(r.decisionId), reapproval: decisionOf(r.reapprovalDecisionId) })),
    transfers: {
      items: i.transfers.map((t) => {
        const v = transferView(t);
        return { ...v, authority: v.authority.kind === 'decision' ? { ...v.authority, decision: i.decisions(v.authority.decisionId) } : v.authority };
      }),
      next: i.next,
    },
    // Declarations as the board sees them: the declarant's role and the relation, never a person id.
    declarations: i.declarations.map((d) => ({ declarationId: d.declarationId, role: d.role, relation: d.relation, related: d.related.kind === 'organisation' ? d.related : { kind: 'person' as const }, declaredAt: d.declaredAt })),
    flags: supervisoryFlags(i),
  };
}
