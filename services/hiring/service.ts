/**
 * The hiring context's application service: runs firm, tender and contract commands on their streams
 * (`firm-<creditCode>`, `tender-<id>`, `contract-<tenderId>`), and does what the deciders cannot: checks that a
 * person acts for the firm, proposes the shortlist's motion through the assembly, reads the owners' decision
 * (final and not revoked at the moment it acts) and the compound's area.
 */
import type { ActorFacts, DecisionRecord } from '../../domain/assembly/index.js';
import {
  contractDecider,
  contractStreamId,
  firmDecider,
  firmStreamId,
  isFirmAgent,
  refuse,
  shortlistOf,
  tenderDecider,
  tenderMotionId,
  tenderOfMotion,
  tenderStreamId,
  type ContractCommand,
  type ContractState,
  type FirmCommand,
  type FirmState,
  type TenderCommand,
  type TenderState,
} from '../../domain/hiring/index.js';
import { electorate } from '../../domain/registry/index.js';
import { isDomainError, type DomainError } from '../../domain/shared/errors.js';
import { handleCommand, loadState, type CommandEnvelope, type Handled } from '../commands/handler.js';
import { lruStateCache } from '../commands/stateCache.js';
import type { AssemblyMotions, RegistryReader } from './ports.js';
import type { EventStore } from '../store/port.js';

type Result<S> = Promise<Handled<S> | DomainError>;

/** A decision of the owners that is final and stands (not revoked), read from its motion at the moment of use. */
export type StandingDecision = DecisionRecord;

export interface HiringService {
  firm(firmId: string): Promise<FirmState>;
  tender(tenderId: string): Promise<TenderState>;
  contract(contractId: string): Promise<ContractState>;
  handleFirm(firmId: string, command: FirmCommand, cmd: CommandEnvelope): Result<FirmState>;
  handleTender(tenderId: string, command: TenderCommand, cmd: CommandEnvelope): Result<TenderState>;
  handleContract(contractId: string, command: ContractCommand, cmd: CommandEnvelope): Result<ContractState>;
  /** A tender command by a person acting for `firmId` (bid, reveal). */
  asFirmOnTender(tenderId: string, firmId: string, command: TenderCommand, cmd: CommandEnvelope): Result<TenderState>;
  /** A contract command by a person acting for the contract's firm. */
  asFirmOnContract(contractId: string, command: ContractCommand, cmd: CommandEnvelope): Result<ContractState>;
  /** Shortlist the best `size` bids and propose the choose_one motion through the assembly; then record it on the tender. */
  putToOwners(tenderId: string, input: { size: number; opensAt: string; closesAt: string; title?: string }, by: ActorFacts, cmd: CommandEnvelope): Result<TenderState>;
  /** The reactor's step: the contract from the adopted bid, if the motion is a tender's and its decision stands. */
  drawFromDecision(motionId: string, cmd: CommandEnvelope): Promise<Handled<ContractState> | DomainError | null>;
  /** The motion behind a decision, if the decision is final and stands. */
  standingDecision(motionId: string, decisionId: string): Promise<StandingDecision | DomainError>;
}

export function hiringService(store: EventStore, deps: { assembly: AssemblyMotions; registry: RegistryReader }): HiringService {
  const firms = lruStateCache<FirmState>(500);
  const tenders = lruStateCache<TenderState>(500);
  const contracts = lruStateCache<ContractState>(500);
  const firm = async (id: string) => (await loadState(store, firmDecider, firmStreamId(id), firms)).state;
  const tender = async (id: string) => (await loadState(store, tenderDecider, tenderStreamId(id), tenders)).state;
  const contract = async (id: string) => (await loadState(store, contractDecider, contractStreamId(id), contracts)).state;
  const handleTender = (id: string, command: TenderCommand, cmd: CommandEnvelope) => handleCommand(store, tenderDecider, tenderStreamId(id), command, cmd, {}, { cache: tenders });
  const handleContract = (id: string, command: ContractCommand, cmd: CommandEnvelope) => handleCommand(store, contractDecider, contractStreamId(id), command, cmd, {}, { cache: contracts });

  const agentCheck = async (firmId: string, by: ActorFacts): Promise<DomainError | null> => {
    const f = await firm(firmId);
    if (f.status === 'none') return refuse('firm_not_found', `no firm ${firmId}`);
    return isFirmAgent(f, by.personId) ? null : refuse('not_firm_agent', 'this person does not act for the firm');
  };

  async function standingDecision(motionId: string, decisionId: string): Promise<StandingDecision | DomainError> {
    const motion = await deps.assembly.motion(motionId);
    if (motion.status !== 'final' || !motion.decision || motion.decision.record.decisionId !== decisionId)
      return refuse('decision_not_final', 'the owners\u2019 decision is not final');
    if (motion.decision.revokedAt !== null) return refuse('decision_not_final', 'the owners\u2019 decision was revoked');
    return motion.decision.record;
  }

  return {
    firm,
    tender,
    contract,
    standingDecision,
    handleTender,
    handleContract,
    handleFirm: (id, command, cmd) => handleCommand(store, firmDecider, firmStreamId(id), { ...command, firmId: id } as FirmCommand, cmd, {}, { cache: firms }),
    async asFirmOnTender(tenderId, firmId, command, cmd) {
      const refused = await agentCheck(firmId, command.by);
      return refused ?? handleTender(tenderId, command, cmd);
    },
    async asFirmOnContract(contractId, command, cmd) {
      const c = await contract(contractId);
      if (c.status === 'none') return refuse('contract_not_found', `no contract ${contractId}`);
      const refused = await agentCheck(c.terms.firm.firmId, command.by);
      return refused ?? handleContract(contractId, command, cmd);
    },
    async putToOwners(tenderId, input, by, cmd) {
      const t = await tender(tenderId);
      if (t.status === 'none') return refuse('tender_not_found', `no tender ${tenderId}`);
      if (t.motionId !== null) return refuse('already_put_to_owners', `motion ${t.motionId} has the shortlist`);
      const names = new Map<string, string>();
      for (const firmId of t.bids.keys()) {
        const f = await firm(firmId);
        if (f.status === 'registered') names.set(firmId, f.name);
      }
      const shortlist = shortlistOf(t, input.size, cmd.now, names);
      if (isDomainError(shortlist)) return shortlist;
      const motionId = tenderMotionId(tenderId);
      const registry = await deps.registry.state(t.tender.compoundId);
      if (registry.status !== 'registered') return refuse('tender_not_found', 'the compound is not registered');
      const proposed = await deps.assembly.handleMotion(
        motionId,
        {
          type: 'ProposeMotion',
          motionId,
          compoundId: t.tender.compoundId,
          jurisdiction: registry.compound.jurisdiction,
          title: input.title ?? `选聘物业服务企业：${t.tender.title}`,
          description: `招标 ${tenderId} 的入围投标：${shortlist.map((s) => `${s.name}（¥${s.feePerSquareMetreMonth}/m²·月）`).join('；')}`,
          matter: 'hire_or_dismiss_firm',
          scope: { kind: 'compound' },
          opensAt: input.opensAt,
          closesAt: input.closesAt,
          form: { form: 'choose_one', options: shortlist.map((s) => ({ optionId: s.firmId, label: `${s.name} ¥${s.feePerSquareMetreMonth}/m²·月` })) },
          proposal: { action: 'hire' },
          by,
        },
        cmd,
      );
      // A retry of the same command finds its motion proposed: go on and record it on the tender.
      if (isDomainError(proposed) && proposed.code !== 'motion_already_exists') return proposed;
      return handleTender(tenderId, { type: 'PutToOwners', motionId, shortlist, by }, cmd);
    },
    async drawFromDecision(motionId, cmd) {
      const tenderId = tenderOfMotion(motionId);
      if (tenderId === null) return null;
      const t = await tender(tenderId);
      if (t.status === 'none' || t.motionId !== motionId) return null;
      const motion = await deps.assembly.motion(motionId);
      // Re-checked when acting: final, adopted an option, not revoked.
      if (motion.status !== 'final' || !motion.decision || motion.decision.revokedAt !== null) return null;
      const adopted = motion.decision.record.adopted;
      if (adopted.kind !== 'option') return null;
      const bid = t.bids.get(adopted.optionId);
      const f = await firm(adopted.optionId);
      if (!bid?.revealed || f.status !== 'registered') return null;
      const area = electorate(await deps.registry.state(t.tender.compoundId)).totalArea;
      return handleContract(
        tenderId,
        {
          type: 'DrawContract',
          contractId: tenderId,
          tender: t.tender,
          motionId,
          decisionId: motion.decision.record.decisionId,
          firm: { firmId: f.firmId, name: f.name, creditCode: f.firmId },
          terms: bid.revealed.terms,
          chargeableArea: area,
          by: { personId: 'system', grants: ['system'] },
        },
        cmd,
      );
    },
  };
}
