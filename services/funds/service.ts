/**
 * The funds' application service: runs commands on `funds-<compoundId>` and gives the decider the facts it
 * cannot read itself, read at the moment it acts: the unit from the registry (always current), the decision
 * from the assembly's read model (the route waits for it to catch up first), the units of a charge scope.
 *
 * Commands on one compound's funds run one at a time in this process (handleCommand's turns per stream), and the stream's state is kept between
 * them with its revision (only the events since are read): a compound's stream grows with every transfer, and
 * folding all of them per command grew with it (bench:funds prints the fold of 100,000). The funds' `evolve` updates the state in place
 * (domain/funds/state.ts), which is why the commands are serialised: no two ever fold the kept state at once;
 * a command that fails in any way but a refusal drops it (a conflict with another process too), and the next
 * folds afresh. `state()` (reads, tools) always folds afresh.
 *
 * The documents are read through the reader it is handed: the live read store for the runtime, or one that
 * answers from the request's past view (`?asOf=`, services/api/asOf/timeTravel.ts) for the routes
 * (`fundsReadingFrom`, services/funds/module.ts).
 */
import type { MotionScope } from '../../domain/assembly/index.js';
import { fundsDecider, fundsStreamId, type DecisionFacts, type FundsCommand, type FundState, type UnitFacts } from '../../domain/funds/index.js';
import { findUnit, unitsInScope } from '../../domain/registry/index.js';
import type { DomainError } from '../../domain/shared/errors.js';
import { DECISIONS, type DecisionDoc } from '../../projections/assembly/index.js';
import { fundsDocs, type FundsDocReader, type FundsDocs } from '../../projections/funds/index.js';
import { handleCommand, loadState, type CommandEnvelope, type Handled } from '../commands/handler.js';
import { lruStateCache } from '../commands/stateCache.js';
import type { ReadView } from '../projections/readStore.js';
import type { RegistryReader as RegistryService } from './ports.js';
import type { EventStore } from '../store/port.js';

export interface FundsService {
  run(compoundId: string, command: FundsCommand, cmd: CommandEnvelope): Promise<Handled<FundState> | DomainError>;
  state(compoundId: string): Promise<FundState>;
  /** The decision as the assembly records it now; null when there is none. */
  decision(decisionId: string): DecisionFacts | null;
  unit(compoundId: string, unitId: string): Promise<UnitFacts | null>;
  unitsOf(compoundId: string, scope: MotionScope): Promise<UnitFacts[]>;
  /** Reads of the funds' read model (projections/funds) through the reader handed in; the caller waits for it to catch up first. */
  readonly docs: FundsDocs;
}


/** Compounds whose funds' state is kept between commands. */
const KEPT_STATES = 64;

/** `read`: the documents as this service's caller should see them (live, or as of a past point: `fundsReadingFrom`). */
export function fundsService(deps: { store: EventStore; read: ReadView; registry: RegistryService }): FundsService {
  const { store, read, registry } = deps;
  const kept = lruStateCache<FundState>(KEPT_STATES);
  const facts = (u: { unitId: string; building: string; area: string; developerHeld: boolean }): UnitFacts => ({ unitId: u.unitId, building: u.building, area: u.area, developerHeld: u.developerHeld });
  return {
    docs: fundsDocs(read),
    run(compoundId, command, cmd) {
      const streamId = fundsStreamId(compoundId);
      // handleCommand runs commands on one stream one at a time in this process (services/commands/handler.ts).
      return handleCommand(store, fundsDecider, streamId, command, cmd, {}, { cache: kept }).catch((error: unknown) => {
        // The kept state may be half-evolved (it changes in place): the next command folds afresh.
        kept.delete(streamId);
        throw error;
      });
    },
    state: async (compoundId) => (await loadState(store, fundsDecider, fundsStreamId(compoundId))).state,
    decision(decisionId) {
      const doc = read.get<DecisionDoc>(DECISIONS, decisionId);
      if (!doc) return null;
      return { decisionId: doc.decisionId, compoundId: doc.compoundId, matter: doc.matter, proposal: doc.proposal, revoked: doc.revoked !== null };
    },
    async unit(compoundId, unitId) {
      const u = findUnit(await registry.state(compoundId), unitId);
      return u ? facts(u) : null;
    },
    async unitsOf(compoundId, scope) {
      return unitsInScope(await registry.state(compoundId), scope.kind === 'buildings' ? scope.buildings : undefined).map(facts);
    },
  };
}

/**
 * The same service reading its documents through another reader (the routes': the request's past view when
 * it asked for one); its commands, their kept state and their order, and the decisions they rely on, stay the
 * service's (live).
 */
export function fundsReadingFrom(service: FundsService, read: FundsDocReader): FundsService {
  return { ...service, docs: fundsDocs(read) };
}
