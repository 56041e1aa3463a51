/**
 * The committee's reactors, acting as the server (SYSTEM_FACTS), each command's id derived from the triggering
 * event (services/platform/reactor.ts), so a replay or a crash before the checkpoint never acts twice:
 * - the elected take their seats when the owners' election is FINAL (FinalResultPublished with a decision
 *   whose proposal is `elect_committee` naming an election), re-checked at the moment it acts: the motion is
 *   final and its decision not revoked;
 * - a member who no longer owns a unit in the compound leaves the committee (京条例 Art. 46 (一); 指导规则
 *   Art. 43) on the registry's `UnitTransferred` or `UnitReturnedToDeveloper`; an alternate leaves the
 *   alternates' list the same way (京条例 Art. 39 para. 1: alternates are owners too).
 */
import type { FinalResultPublishedData } from '../../domain/assembly/index.js';
import { activeMembers, committeeStreamId } from '../../domain/committee/index.js';
import { SYSTEM_FACTS, type Reactor, type ReactorCommand } from '../platform/reactor.js';
import type { AssemblyMotions as AssemblyService, RegistryReader as RegistryService } from './ports.js';
import { unitsOwnedBy, type CommitteeService } from './service.js';

const COMPOUND_STREAM = /^compound-(.+)$/;

export function seatElected(deps: { committee: CommitteeService; assembly: AssemblyService }): Reactor {
  return {
    name: 'committee.seat-elected',
    handles: ['FinalResultPublished'],
    async react(event): Promise<readonly ReactorCommand[]> {
      const { motionId, decision } = event.data as FinalResultPublishedData;
      if (!decision || decision.proposal?.kind !== 'elect_committee' || !decision.proposal.electionId) return [];
      if (decision.adopted.kind !== 'elected') return [];
      // A consumer re-checks, when it acts, that the decision is final and stands.
      const motion = await deps.assembly.motion(motionId);
      if (motion.status !== 'final' || !motion.decision || motion.decision.record.decisionId !== decision.decisionId || motion.decision.revokedAt !== null) return [];
      const electionId = decision.proposal.electionId;
      const adopted = decision.adopted;
      return [
        {
          streamId: committeeStreamId(decision.compoundId),
          execute: (cmd) =>
            deps.committee.handle(
              decision.compoundId,
              {
                type: 'SeatCommittee',
                data: { electionId, motionId, decisionId: decision.decisionId, elected: adopted.candidates.map((c) => c.candidateId), unfilledSeats: adopted.unfilledSeats, decidedAt: decision.decidedAt },
                by: SYSTEM_FACTS,
              },
              cmd,
            ),
        },
      ];
    },
  };
}

/**
 * A removal's motion reached its FINAL result: the member is removed when the owners adopted it (re-checked:
 * the motion is final and its decision not revoked), or the removal is recorded as not adopted.
 */
export function removalDecided(deps: { committee: CommitteeService; assembly: AssemblyService }): Reactor {
  return {
    name: 'committee.removal-decided',
    handles: ['FinalResultPublished'],
    async react(event): Promise<readonly ReactorCommand[]> {
      const { motionId, decision, publishedAt } = event.data as FinalResultPublishedData;
      const motion = await deps.assembly.motion(motionId);
      if (motion.status !== 'final' || motion.matter !== 'elect_committee') return [];
      const committee = await deps.committee.state(motion.compoundId);
      if (committee.status !== 'active') return [];
      const removal = committee.removals.find((r) => r.motionId === motionId);
      if (!removal || removal.outcome) return [];
      const stands = decision !== null && decision.adopted.kind === 'motion' && motion.decision?.record.decisionId === decision.decisionId && motion.decision.revokedAt === null;
      return [
        {
          streamId: committeeStreamId(motion.compoundId),
          execute: (cmd) =>
            deps.committee.handle(
              motion.compoundId,
              { type: 'DecideRemoval', data: { removalId: removal.removalId, motionId, decisionId: stands ? decision.decisionId : null, decidedAt: stands ? decision.decidedAt : publishedAt }, by: SYSTEM_FACTS },
              cmd,
            ),
        },
      ];
    },
  };
}

export function membershipEnds(deps: { committee: CommitteeService; registry: RegistryService }): Reactor {
  return {
    name: 'committee.membership-ends',
    handles: ['UnitTransferred', 'UnitReturnedToDeveloper'],
    async react(event): Promise<readonly ReactorCommand[]> {
      const compoundId = COMPOUND_STREAM.exec(event.streamId)?.[1];
      if (!compoundId) return [];
      const { unitId, previousOwnerPersonIds } = event.data as { unitId: string; previousOwnerPersonIds: readonly string[] };
      const committee = await deps.committee.state(compoundId);
      if (committee.status !== 'active') return [];
      const members = new Set([...activeMembers(committee).map((m) => m.personId), ...(committee.term?.alternates ?? []).map((a) => a.personId)]);
      const leaving = [...previousOwnerPersonIds].sort().filter((p) => members.has(p));
      if (leaving.length === 0) return [];
      const registry = await deps.registry.state(compoundId);
      return leaving.map((personId) => ({
        streamId: committeeStreamId(compoundId),
        execute: (cmd) =>
          deps.committee.handle(
            compoundId,
            // The decider ends nothing if the person still owns a unit here, or has already left.
            { type: 'EndMembership', data: { personId, unitId, causeEventId: event.eventId, stillOwnsUnits: unitsOwnedBy(registry, personId) }, by: SYSTEM_FACTS },
            cmd,
          ),
      }));
    },
  };
}
