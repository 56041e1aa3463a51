/**
 * The committee's application service: runs commands on `committee-<compoundId>` through the generic handler,
 * with the facts other contexts lend (the registry's units of a person, the compound's size), and proposes the
 * election motion through the assembly's own service and decider (never a copy of its rules).
 */
import type { ActorFacts, MotionState } from '../../domain/assembly/index.js';
import {
  committeeDecider,
  committeeStreamId,
  refuse,
  type CommitteeCommand,
  type CommitteeState,
} from '../../domain/committee/index.js';
import { allUnits, electorate, type RegistryState } from '../../domain/registry/index.js';
import type { DomainError } from '../../domain/shared/errors.js';
import type { AssemblyService } from '../assembly/service.js';
import { commandIds, handleCommand, loadState, type CommandEnvelope, type Handled } from '../commands/handler.js';
import { lruStateCache } from '../commands/stateCache.js';
import type { RegistryService } from '../registry/service.js';
import type { EventStore } from '../store/port.js';

/** Units a person owns (alone or with others) in a compound today, from the registry. */
export function unitsOwnedBy(registry: RegistryState, personId: string): string[] {
  if (registry.status !== 'registered') return [];
  const out: string[] = [];
  for (const unit of allUnits(registry.units)) if (unit.owners.some((o) => o.personId === personId)) out.push(unit.unitId);
  return out;
}

export interface ElectionMotionInput {
  readonly title?: string;
  readonly description?: string;
  readonly opensAt: string;
  readonly closesAt: string;
}

export interface CommitteeService {
  state(compoundId: string): Promise<CommitteeState>;
  handle(compoundId: string, command: CommitteeCommand, cmd: CommandEnvelope): Promise<Handled<CommitteeState> | DomainError>;
  /** Registry facts for a nomination: the person's units in the compound on the day. */
  ownedUnits(compoundId: string, personId: string): Promise<string[]>;
  /** The compound's size for the small-compound seats: total exclusive area and households (units). */
  size(compoundId: string): Promise<{ totalArea: string; households: number }>;
  /**
   * Proposes the election as an assembly motion (matter `elect_committee`, form `elect` with the posted
   * candidates, proposal `{seats, electionId}`), through the assembly's decider, once the posting period has run.
   */
  proposeElectionMotion(compoundId: string, electionId: string, input: ElectionMotionInput, by: ActorFacts, cmd: CommandEnvelope): Promise<Handled<MotionState> | DomainError>;
}

export function committeeService(deps: { store: EventStore; registry: RegistryService; assembly: AssemblyService }): CommitteeService {
  const cache = lruStateCache<CommitteeState>(500);
  const state = async (compoundId: string) => (await loadState(deps.store, committeeDecider, committeeStreamId(compoundId), cache)).state;
  return {
    state,
    handle(compoundId, command, cmd) {
      return handleCommand(deps.store, committeeDecider, committeeStreamId(compoundId), command, cmd, {}, { cache });
    },
    async ownedUnits(compoundId, personId) {
      return unitsOwnedBy(await deps.registry.state(compoundId), personId);
    },
    async size(compoundId) {
      const registry = await deps.registry.state(compoundId);
      if (registry.status !== 'registered') return { totalArea: '0', households: 0 };
      const { totalArea, units } = electorate(registry);
      return { totalArea, households: units };
    },
    async proposeElectionMotion(compoundId, electionId, input, by, cmd) {
      const committee = await state(compoundId);
      if (committee.status !== 'active') return refuse('group_not_found', 'no preparatory body is formed for this compound');
      const election = committee.elections[electionId];
      if (!election) return refuse('election_not_found', `no election ${electionId}`);
      if (!election.posted) return refuse('candidates_not_posted', 'the candidate list is posted before the election is called');
      if (election.decided) return refuse('election_already_decided', 'this election is decided');
      // The candidates are posted at least the pack's days before voting opens (京条例 Art. 32; 杭条例 Art. 26).
      const opensAt = Date.parse(input.opensAt);
      if (!Number.isFinite(opensAt)) return refuse('invalid_election_motion', 'opensAt is an instant');
      if (opensAt < Date.parse(election.posted.votingMayOpenAt)) {
        return refuse('posting_period_not_run', `voting may open from ${election.posted.votingMayOpenAt}, once the candidates have been posted long enough`, { votingMayOpenAt: election.posted.votingMayOpenAt });
      }
      const motionId = commandIds(cmd.commandId)();
      return deps.assembly.handleMotion(
        motionId,
        {
          type: 'ProposeMotion',
          motionId,
          compoundId,
          jurisdiction: committee.jurisdiction,
          title: input.title ?? '选举业主委员会',
          description: input.description ?? `选举业主委员会委员 ${election.seats} 名`,
          matter: 'elect_committee',
          scope: { kind: 'compound' },
          opensAt: input.opensAt,
          closesAt: input.closesAt,
          form: { form: 'elect', candidates: election.posted.candidates, seats: election.seats },
          proposal: { seats: election.seats, electionId },
          by,
        },
        cmd,
      );
    },
  };
}

