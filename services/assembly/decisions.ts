/**
 * The assembly's after-the-vote service: notice deliveries, objections and their answers, the final result,
 * decisions and their revocation, and owners' petitions for an extraordinary meeting. It does what the
 * deciders cannot: it reads the registry (who holds a unit before the roll is frozen), the read model (the
 * corrected tally, a ballot by its receipt) and the log (the voter behind a receipt, never shown publicly).
 */
import {
  motionStreamId,
  petitionDecider,
  petitionStreamId,
  type ActorFacts,
  type DeliveryMethod,
  type MotionState,
  type PetitionState,
  type RevokingAuthority,
} from '../../domain/assembly/index.js';
import { voterIdentities } from '../../domain/registry/index.js';
import { isDomainError, notFound, type DomainError } from '../../domain/shared/errors.js';
import { DECISIONS, MOTION_BALLOTS, MOTION_TALLIES, PETITIONS, totalsOfTally, type BallotDoc, type DecisionDoc, type PetitionDoc, type TallyDoc } from '../../projections/assembly/index.js';
import { HttpProblem } from '../api/problem.js';
import { requireProjected } from '../api/projected.js';
import { handleCommand, type CommandEnvelope, type Handled } from '../commands/handler.js';
import type { ProjectionRunner } from '../projections/runner.js';
import type { ReadView } from '../projections/readStore.js';
import type { RegistryReader } from './registryReader.js';
import type { EventStore } from '../store/port.js';
import type { AssemblyService } from './service.js';

type Result<S> = Promise<Handled<S> | DomainError>;

export interface DecisionsService {
  recordDelivery(motionId: string, input: { unitId: string; method: DeliveryMethod; evidenceRef?: string }, by: ActorFacts, cmd: CommandEnvelope): Result<MotionState>;
  fileObjection(motionId: string, objectionId: string, input: { reason: string; receipts?: readonly string[]; units?: readonly string[] }, by: ActorFacts, cmd: CommandEnvelope): Result<MotionState>;
  answerObjection(
    motionId: string,
    objectionId: string,
    input: { outcome: 'upheld' | 'dismissed'; reason: string; invalidate?: readonly { receipt: string; evidenceRef: string }[] },
    by: ActorFacts,
    cmd: CommandEnvelope,
  ): Result<MotionState>;
  /** The preliminary (`result`) or the final result, from the tally as corrected so far. */
  publish(motionId: string, phase: 'preliminary' | 'final', by: ActorFacts, cmd: CommandEnvelope): Result<MotionState>;
  revoke(decisionId: string, input: { authority: RevokingAuthority; documentRef: string; reason: string }, by: ActorFacts, cmd: CommandEnvelope): Result<MotionState>;
  decision(decisionId: string): DecisionDoc | undefined;
  decisions(compoundId: string): DecisionDoc[];
  openPetition(compoundId: string, petitionId: string, purpose: string, by: ActorFacts, cmd: CommandEnvelope): Result<PetitionState>;
  signPetition(petitionId: string, unitId: string, by: ActorFacts, cmd: CommandEnvelope): Result<PetitionState>;
  petition(petitionId: string): PetitionDoc | undefined;
}

export interface DecisionsDeps {
  readonly store: EventStore;
  readonly read: ReadView;
  readonly runner: Pick<ProjectionRunner, 'waitFor'>;
  readonly assembly: AssemblyService;
  readonly registry: RegistryReader;
}

/** One code, one status (services/api/errorCodes.ts): a read model behind is 504 here as on every read. */
const behind = (what: string): HttpProblem => new HttpProblem(504, 'read_model_behind', `${what} has not caught up yet; retry`);

export function decisionsService(deps: DecisionsDeps): DecisionsService {
  const { store, read, runner, assembly, registry } = deps;

  /** Waits until the read model has applied the motion's stream as it stands (the close, and every ruling since). */
  async function tallyCaughtUp(motionId: string): Promise<TallyDoc | DomainError> {
    const { revision } = await assembly.motionAt(motionId);
    if (revision >= 0n) {
      const [last] = await store.readStream(motionStreamId(motionId), { fromRevision: revision, maxCount: 1 });
      if (last && !(await runner.waitFor(last.position, 5_000))) throw behind('The tally');
    }
    const doc = read.get<TallyDoc>(MOTION_TALLIES, motionId);
    // A tally stopped at an event publishes no result: 503 projection_failed, as every view of it answers.
    if (doc) requireProjected(read, 'assembly', doc.compoundId);
    if (!doc || doc.eligible === null) return { error: 'conflict', code: 'motion_not_closed', message: 'Voting has not been held on this motion' };
    return doc;
  }

  /** The voter identity behind a receipt, read from the ballot event in the log (the public list has none). */
  async function voterOfReceipt(motionId: string, receipt: string): Promise<string | DomainError> {
    const doc = read.get<BallotDoc>(MOTION_BALLOTS, receipt);
    if (!doc || doc.motionId !== motionId) return notFound('ballot_not_found', 'No ballot with that receipt on this motion', { receipt });
    const [event] = await store.readAll({ after: BigInt(doc.position) - 1n, maxCount: 1 });
    const data = event?.data as { receipt?: string; voterId?: string } | undefined;
    if (!event || event.type !== 'BallotCast' || data?.receipt !== receipt || !data.voterId) return notFound('ballot_not_found', 'No ballot with that receipt on this motion', { receipt });
    return data.voterId;
  }

  return {
    async recordDelivery(motionId, input, by, cmd) {
      const motion = await assembly.motion(motionId);
      let voterId = '';
      if (motion.status !== 'none' && motion.roll === null) {
        // Before opening: the identity that holds the unit today (the roll frozen at opening decides after).
        const voter = voterIdentities(await registry.state(motion.compoundId)).find((v) => v.units.some((u) => u.unitId === input.unitId));
        voterId = voter?.voterId ?? '';
      }
      return assembly.handleMotion(motionId, { type: 'RecordDelivery', data: { motionId, unitId: input.unitId, voterId, method: input.method, ...(input.evidenceRef !== undefined ? { evidenceRef: input.evidenceRef } : {}) }, by }, cmd);
    },
    fileObjection(motionId, objectionId, input, by, cmd) {
      return assembly.handleMotion(motionId, { type: 'FileObjection', data: { motionId, objectionId, reason: input.reason, ...(input.receipts ? { receipts: input.receipts } : {}), ...(input.units ? { units: input.units } : {}) }, by }, cmd);
    },
    async answerObjection(motionId, objectionId, input, by, cmd) {
      const invalidate = [];
      for (const ruling of input.invalidate ?? []) {
        const voterId = await voterOfReceipt(motionId, ruling.receipt);
        if (isDomainError(voterId)) return voterId;
        invalidate.push({ receipt: ruling.receipt, voterId, evidenceRef: ruling.evidenceRef });
      }
      return assembly.handleMotion(motionId, { type: 'AnswerObjection', data: { motionId, objectionId, outcome: input.outcome, reason: input.reason, invalidate }, by }, cmd);
    },
    async publish(motionId, phase, by, cmd) {
      const doc = await tallyCaughtUp(motionId);
      if (isDomainError(doc)) return doc;
      const totals = totalsOfTally(doc);
      return assembly.handleMotion(motionId, phase === 'preliminary' ? { type: 'PublishResult', data: { motionId, totals }, by } : { type: 'PublishFinal', data: { motionId, totals }, by }, cmd);
    },
    async revoke(decisionId, input, by, cmd) {
      const decision = read.get<DecisionDoc>(DECISIONS, decisionId);
      if (!decision) return notFound('decision_not_found', `No decision ${decisionId}`);
      return assembly.handleMotion(decision.motionId, { type: 'RevokeDecision', data: { motionId: decision.motionId, decisionId, ...input }, by }, cmd);
    },
    ...decisionReads(read),
    async openPetition(compoundId, petitionId, purpose, by, cmd) {
      const roll = voterIdentities(await registry.state(compoundId));
      return handleCommand(store, petitionDecider, petitionStreamId(petitionId), { type: 'OpenPetition', data: { petitionId, compoundId, purpose, roll }, by }, cmd, {});
    },
    signPetition(petitionId, unitId, by, cmd) {
      return handleCommand(store, petitionDecider, petitionStreamId(petitionId), { type: 'SignPetition', data: { petitionId, unitId }, by }, cmd, {});
    },
  };
}

/**
 * The service's reads of the read model: decisions and petitions. The module answers a `?asOf=` request with
 * them over the time-travelling reader (module.ts `timeTravel`), so the compound's decisions are those of then.
 */
export function decisionReads(read: Pick<ReadView, 'get' | 'list'>): Pick<DecisionsService, 'decision' | 'decisions' | 'petition'> {
  return {
    decision: (decisionId) => read.get<DecisionDoc>(DECISIONS, decisionId),
    decisions: (compoundId) => read.list<DecisionDoc>(DECISIONS, compoundId),
    petition: (petitionId) => read.get<PetitionDoc>(PETITIONS, petitionId),
  };
}
