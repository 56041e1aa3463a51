/**
 * The supervision's service: the supervisory board, its meetings and the declared relationships (one stream
 * per compound, a handful of events: folded on each read) and the supervisory trace, rendered from the funds'
 * read model with the decisions as the assembly records them now.
 *
 * What it reads is what it is handed: the live read store and the whole stream for the runtime; for the
 * routes (services/supervision/module.ts), a reader that answers from the request's past view (`?asOf=`) and
 * `cut`, the position that view stands at, so the declarations too are those recorded by then.
 */
import { supervisionDecider, supervisionStreamId, type SupervisionCommand, type SupervisionEvent, type SupervisionState } from '../../domain/supervision/index.js';
import { committeeDecider, committeeStreamId, servingMemberPersonIds } from '../../domain/committee/index.js';
import { fold } from '../../domain/shared/decider.js';
import type { DomainError } from '../../domain/shared/errors.js';
import { DECISIONS, type DecisionDoc } from '../../projections/assembly/index.js';
import { fundsDocs } from '../../projections/funds/index.js';
import { supervisoryTrace, type DecisionRef } from '../../projections/supervision/index.js';
import { handleCommand, loadState, type CommandEnvelope, type Handled } from '../commands/handler.js';
import type { ReadView } from '../projections/readStore.js';
import type { EventStore } from '../store/port.js';

export interface TracePage {
  /** `<ledger>/<account>`: that account's transfers only. */
  readonly account?: string;
  /** The sequence number after which the page starts. */
  readonly cursor?: number;
  readonly limit: number;
}

export interface SupervisionService {
  run(compoundId: string, command: SupervisionCommand, cmd: CommandEnvelope): Promise<Handled<SupervisionState> | DomainError>;
  state(compoundId: string): Promise<SupervisionState>;
  /** null: the compound's funds are not open. */
  trace(compoundId: string, now: Date, page: TracePage): Promise<ReturnType<typeof supervisoryTrace> | null>;
  decisionRef(decisionId: string): DecisionRef | null;
  /**
   * The OC's serving members' person ids, read from the committee's own stream through its published decider
   * (domain/committee/index.ts): none of them, nor a declared relative, may sit on the supervisory board
   * (广州办法 Arts. 49–50; domain-rules §6.4).
   */
  ocMembers(compoundId: string): Promise<readonly string[]>;
}

export function supervisionService(deps: { store: EventStore; read: ReadView; cut?: (compoundId: string) => bigint | undefined }): SupervisionService {
  const { store, read, cut } = deps;
  const docs = fundsDocs(read);
  const decisionRef = (decisionId: string): DecisionRef | null => {
    const d = read.get<DecisionDoc>(DECISIONS, decisionId);
    if (!d) return null;
    return { decisionId: d.decisionId, motionId: d.motionId, matter: d.matter, budget: d.proposal?.kind === 'use_maintenance_fund' ? d.proposal.budget : null, revokedAt: d.revoked?.revokedAt ?? null };
  };
  const state = async (compoundId: string): Promise<SupervisionState> => {
    const until = cut?.(compoundId);
    if (until === undefined) return (await loadState(store, supervisionDecider, supervisionStreamId(compoundId))).state;
    const events = (await store.readStream(supervisionStreamId(compoundId))).filter((e) => e.position <= until);
    return fold(supervisionDecider, events.map((e) => ({ type: e.type, data: e.data }) as SupervisionEvent));
  };
  return {
    run: (compoundId, command, cmd) => handleCommand(store, supervisionDecider, supervisionStreamId(compoundId), command, cmd, {}),
    state,
    decisionRef,
    async ocMembers(compoundId) {
      return servingMemberPersonIds((await loadState(store, committeeDecider, committeeStreamId(compoundId))).state);
    },
    async trace(compoundId, now, page) {
      const meta = docs.meta(compoundId);
      if (!meta) return null;
      const after = page.cursor ?? 0;
      let transfers;
      if (page.account) {
        const slash = page.account.indexOf('/');
        transfers = docs.accountTransfers(compoundId, page.account.slice(0, slash), page.account.slice(slash + 1), after, page.limit);
      } else {
        transfers = docs.transfers(compoundId, after, page.limit);
      }
      const next = transfers.length === page.limit ? String(transfers[transfers.length - 1]!.seq) : null;
      const { declarations } = await state(compoundId);
      return supervisoryTrace({ meta, accounts: docs.accounts(compoundId), releases: docs.releases(compoundId), transfers, next, decisions: decisionRef, declarations, now });
    },
  };
}
