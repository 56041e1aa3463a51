/**
 * The committee's application service: runs commands on `committee-<compoundId>` through the generic handler,
 * with the facts other contexts lend (the registry's units of a person, the compound's size), and proposes the
 * election motion through the assembly's own service and decider (never a copy of its rules).
 */
import type { ActorFacts, Matter, MotionState } from '../../domain/assembly/index.js';
import {
  actingConvenor,
  chargeOf,
  committeeDecider,
  committeeStreamId,
  refuse,
  removalReady,
  type CommitteeCommand,
  type CommitteeState,
} from '../../domain/committee/index.js';
import { allUnits, electorate, voterIdentities, type RegistryState } from '../../domain/registry/index.js';
import { formatArea, parseArea } from '../../domain/shared/area.js';
import { isDomainError, type DomainError } from '../../domain/shared/errors.js';
import { commandIds, handleCommand, loadState, type CommandEnvelope, type Handled } from '../commands/handler.js';
import { lruStateCache } from '../commands/stateCache.js';
import type { AssemblyMotions as AssemblyService, RegistryReader as RegistryService } from './ports.js';
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

/** An owners' decision the acting body convenes: the motion as the assembly takes it. */
export interface ActingMotionInput extends ElectionMotionInput {
  readonly title: string;
  readonly description: string;
  readonly matter: Matter;
  readonly form?: unknown;
  readonly proposal?: unknown;
}

const BODY_LABEL = { property_management_committee: '物业管理委员会', residents_committee: '居民委员会' } as const;

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
  /** The votes of the owners holding `units` (each voter identity once, with all its area) against the compound's. */
  ownerSupport(compoundId: string, units: readonly string[]): Promise<{ support: { area: string; headcount: number }; totals: { area: string; headcount: number } }>;
  /**
   * Puts a removal to the owners: proposes a yes_no motion (matter elect_committee, Civil Code Art. 278 (三):
   * 更换业主委员会成员) through the assembly's decider, with the grounds and the member's answer in its
   * description, then records it on the committee's stream.
   */
  proposeRemovalMotion(compoundId: string, removalId: string, input: ElectionMotionInput, by: ActorFacts, cmd: CommandEnvelope): Promise<Handled<CommitteeState> | DomainError>;
  /**
   * An owners' decision convened by the body acting where there is no OC (Beijing/Hangzhou: the
   * property-management committee; Shanghai: the residents' committee): checked first (the body in charge, the
   * caller's role), proposed through the assembly's decider with the body and article in its description, then
   * recorded on the committee's stream (`OwnersDecisionConvened`).
   */
  proposeActingMotion(compoundId: string, input: ActingMotionInput, by: ActorFacts, cmd: CommandEnvelope): Promise<(Handled<CommitteeState> & { readonly motionId: string }) | DomainError>;
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
    async ownerSupport(compoundId, units) {
      const registry = await deps.registry.state(compoundId);
      const wanted = new Set(units);
      let area = 0n;
      let headcount = 0;
      let totalArea = 0n;
      const identities = voterIdentities(registry);
      for (const v of identities) {
        const a = parseArea(v.area) ?? 0n;
        totalArea += a;
        if (v.units.some((u) => wanted.has(u.unitId))) {
          area += a;
          headcount += 1;
        }
      }
      return { support: { area: formatArea(area), headcount }, totals: { area: formatArea(totalArea), headcount: identities.length } };
    },
    async proposeRemovalMotion(compoundId, removalId, input, by, cmd) {
      const committee = await state(compoundId);
      if (committee.status !== 'active') return refuse('group_not_found', 'no preparatory body is formed for this compound');
      const removal = removalReady(committee, removalId, cmd.now);
      if (isDomainError(removal)) return removal;
      const member = committee.members.find((m) => m.memberId === removal.memberId)!;
      const motionId = commandIds(cmd.commandId)();
      const answer = removal.answer ? `委员申辩意见：${removal.answer.text}` : '委员未在期限内提出申辩意见。';
      const proposed = await deps.assembly.handleMotion(
        motionId,
        {
          type: 'ProposeMotion',
          data: {
            motionId,
            compoundId,
            jurisdiction: committee.jurisdiction,
            title: input.title ?? `罢免业主委员会委员 ${member.name}`,
            description: input.description ?? `罢免理由：${removal.grounds}\n${answer}`,
            matter: 'elect_committee',
            scope: { kind: 'compound' },
            opensAt: input.opensAt,
            closesAt: input.closesAt,
            form: { form: 'yes_no' },
          },
          by,
        },
        cmd,
      );
      // A retry of the same command finds its motion proposed: go on and record it.
      if (isDomainError(proposed) && proposed.code !== 'motion_already_exists') return proposed;
      return handleCommand(deps.store, committeeDecider, committeeStreamId(compoundId), { type: 'PutRemovalToOwners', data: { removalId, motionId }, by }, cmd, {}, { cache });
    },
    async proposeActingMotion(compoundId, input, by, cmd) {
      const committee = await state(compoundId);
      const charge = actingConvenor(chargeOf(committee, cmd.now), by);
      if (isDomainError(charge)) return charge;
      const motionId = commandIds(cmd.commandId)();
      const proposed = await deps.assembly.handleMotion(
        motionId,
        {
          type: 'ProposeMotion',
          data: {
            motionId,
            compoundId,
            jurisdiction: committee.jurisdiction!,
            title: input.title,
            description: `${input.description}${input.description ? '\n' : ''}（由${BODY_LABEL[charge.body]}召集：${charge.source}）`,
            matter: input.matter,
            scope: { kind: 'compound' },
            opensAt: input.opensAt,
            closesAt: input.closesAt,
            ...(input.form !== undefined ? { form: input.form } : {}),
            ...(input.proposal !== undefined ? { proposal: input.proposal } : {}),
          },
          by,
        },
        cmd,
      );
      // A retry of the same command finds its motion proposed: go on and record it.
      if (isDomainError(proposed) && proposed.code !== 'motion_already_exists') return proposed;
      const recorded = await handleCommand(deps.store, committeeDecider, committeeStreamId(compoundId), { type: 'RecordActingConvening', data: { motionId, matter: input.matter }, by }, cmd, {}, { cache });
      return isDomainError(recorded) ? recorded : { ...recorded, motionId };
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
          data: {
            motionId,
            compoundId,
            jurisdiction: committee.jurisdiction,
            title: input.title ?? '选举业主委员会',
            description: input.description ?? `选举业主委员会委员 ${election.seats} 名${election.alternates > 0 ? `、候补委员 ${election.alternates} 名（按得票排序，京条例 Art. 41）` : ''}`,
            matter: 'elect_committee',
            scope: { kind: 'compound' },
            opensAt: input.opensAt,
            closesAt: input.closesAt,
            // 京条例 Art. 41 para. 3: alternates are elected in the same ballot, ranked after the members.
            form: { form: 'elect', candidates: election.posted.candidates, seats: election.seats + election.alternates },
            proposal: { seats: election.seats + election.alternates, electionId },
          },
          by,
        },
        cmd,
      );
    },
  };
}

