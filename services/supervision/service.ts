/**
 * The supervision's service: the supervisory board (its own stream) and the supervisory trace over the
 * compound's funds, with the decisions as the assembly records them now.
 */
import { fundsStreamId, type FundsEvent } from '../../domain/funds/index.js';
import { supervisionDecider, supervisionStreamId, type SupervisionCommand, type SupervisionState } from '../../domain/supervision/index.js';
import type { DomainError } from '../../domain/shared/errors.js';
import { supervisoryTrace, type DecisionRef } from '../../projections/supervision/index.js';
import { handleCommand, type CommandEnvelope, type Handled } from '../commands/handler.js';
import type { EventStore } from '../store/port.js';
import type { DecisionReader } from './ports.js';

export interface SupervisionService {
  run(compoundId: string, command: SupervisionCommand, cmd: CommandEnvelope): Promise<Handled<SupervisionState> | DomainError>;
  trace(compoundId: string, now: Date): Promise<ReturnType<typeof supervisoryTrace>>;
  decisionRef(decisionId: string): DecisionRef | null;
}

export function supervisionService(deps: { store: EventStore; decisions: DecisionReader }): SupervisionService {
  const { store, decisions } = deps;
  const decisionRef = (decisionId: string): DecisionRef | null => {
    const d = decisions.decision(decisionId);
    if (!d) return null;
    return { decisionId: d.decisionId, motionId: d.motionId, matter: d.matter, budget: d.proposal?.kind === 'use_maintenance_fund' ? d.proposal.budget : null, revokedAt: d.revoked?.revokedAt ?? null };
  };
  return {
    run: (compoundId, command, cmd) => handleCommand(store, supervisionDecider, supervisionStreamId(compoundId), command, cmd, {}),
    decisionRef,
    async trace(compoundId, now) {
      const events = (await store.readStream(fundsStreamId(compoundId))).map((e) => ({ type: e.type, data: e.data }) as FundsEvent);
      return supervisoryTrace(events, decisionRef, now);
    },
  };
}
