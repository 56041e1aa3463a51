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
  feeAdjustmentDecider,
  feeAdjustmentMotionId,
  feeAdjustmentOfMotion,
  feeAdjustmentStreamId,
  surveyDecider,
  surveyStreamId,
  type FeeAdjustmentCommand,
  type FeeAdjustmentState,
  type SurveyCommand,
  type SurveyState,
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
import { electorate, voterIdentities } from '../../domain/registry/index.js';
import { holdsAny } from '../../domain/assembly/index.js';
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

  feeAdjustment(adjustmentId: string): Promise<FeeAdjustmentState>;
  handleFeeAdjustment(adjustmentId: string, command: FeeAdjustmentCommand, cmd: CommandEnvelope): Result<FeeAdjustmentState>;
  /** The firm's plan (杭条例 Art. 53 (一)(二)) on a contract it serves, by a person acting for it. */
  proposeFeeAdjustment(contractId: string, input: { adjustmentId: string; proposedFee: string; auditReportRef: string; range: string; reasons: string }, by: ActorFacts, cmd: CommandEnvelope): Result<FeeAdjustmentState>;
  /** After the posting (杭条例 Art. 53 (三)): the yes_no motion `fee-<adjustmentId>` through the assembly, then recorded. */
  putFeeAdjustmentToOwners(adjustmentId: string, input: { opensAt: string; closesAt: string; title?: string }, by: ActorFacts, cmd: CommandEnvelope): Result<FeeAdjustmentState>;
  /** The reactor's step on a final result: adopted (decision standing) or not. Null when the motion is not an adjustment's or not final. */
  resolveFeeAdjustment(motionId: string, cmd: CommandEnvelope): Promise<Handled<FeeAdjustmentState> | DomainError | null>;
  /** The reactor's step on an adopted adjustment: the contract's fee changes, re-checking the decision stands. */
  applyFeeAdjustment(adjustmentId: string, cmd: CommandEnvelope): Promise<Handled<ContractState> | DomainError | null>;

  survey(surveyId: string): Promise<SurveyState>;
  openSurvey(contractId: string, input: { surveyId: string; title: string; questions: readonly { questionId: string; text: string }[]; opensAt?: string; closesAt: string }, by: ActorFacts, cmd: CommandEnvelope): Result<SurveyState>;
  /** An owner answers for the voter identity they belong to (the one holding `unitId`, if they belong to several). */
  respondToSurvey(surveyId: string, input: { unitId?: string; answers: Readonly<Record<string, number>> }, by: ActorFacts, cmd: CommandEnvelope): Result<SurveyState>;
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
  const adjustments = lruStateCache<FeeAdjustmentState>(200);
  const surveys = lruStateCache<SurveyState>(200);
  const feeAdjustment = async (id: string) => (await loadState(store, feeAdjustmentDecider, feeAdjustmentStreamId(id), adjustments)).state;
  const survey = async (id: string) => (await loadState(store, surveyDecider, surveyStreamId(id), surveys)).state;
  const handleFeeAdjustment = (id: string, command: FeeAdjustmentCommand, cmd: CommandEnvelope) =>
    handleCommand(store, feeAdjustmentDecider, feeAdjustmentStreamId(id), command, cmd, {}, { cache: adjustments });
  const handleSurvey = (id: string, command: SurveyCommand, cmd: CommandEnvelope) => handleCommand(store, surveyDecider, surveyStreamId(id), command, cmd, {}, { cache: surveys });
  const SYSTEM: ActorFacts = { personId: 'system', grants: ['system'] };

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
    handleFirm: (id, command, cmd) => handleCommand(store, firmDecider, firmStreamId(id), command.type === 'RegisterFirm' ? { ...command, data: { ...command.data, firmId: id } } : command, cmd, {}, { cache: firms }),
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
          data: {
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
          },
          by,
        },
        cmd,
      );
      // A retry of the same command finds its motion proposed: go on and record it on the tender.
      if (isDomainError(proposed) && proposed.code !== 'motion_already_exists') return proposed;
      return handleTender(tenderId, { type: 'PutToOwners', data: { motionId, shortlist }, by }, cmd);
    },
    feeAdjustment,
    handleFeeAdjustment,
    async proposeFeeAdjustment(contractId, input, by, cmd) {
      const c = await contract(contractId);
      if (c.status === 'none') return refuse('contract_not_found', `no contract ${contractId}`);
      if (c.term === null) return refuse('contract_not_signed', 'the contract is not signed');
      if (c.status === 'ended') return refuse('contract_ended', 'the contract has ended');
      const refused = await agentCheck(c.terms.firm.firmId, by);
      if (refused) return refused;
      return handleFeeAdjustment(
        input.adjustmentId,
        { type: 'ProposeFeeAdjustment', data: { ...input, contractId, compoundId: c.terms.compoundId, firmId: c.terms.firm.firmId, currentFee: c.fee }, by },
        cmd,
      );
    },
    async putFeeAdjustmentToOwners(adjustmentId, input, by, cmd) {
      const a = await feeAdjustment(adjustmentId);
      if (a.status === 'none') return refuse('adjustment_not_found', `no fee adjustment ${adjustmentId}`);
      const motionId = feeAdjustmentMotionId(adjustmentId);
      // The decider's own checks first (posted, posting over), so no motion is proposed that it would refuse.
      const check = feeAdjustmentDecider.decide({ type: 'PutFeeAdjustmentToOwners', data: { motionId }, by }, a, { now: cmd.now, newId: () => '', actor: cmd.actor });
      if (isDomainError(check)) return check;
      const registry = await deps.registry.state(a.proposal.compoundId);
      if (registry.status !== 'registered') return refuse('adjustment_not_found', 'the compound is not registered');
      const p = a.proposal;
      const proposed = await deps.assembly.handleMotion(
        motionId,
        {
          type: 'ProposeMotion',
          data: {
            motionId,
            compoundId: p.compoundId,
            jurisdiction: registry.compound.jurisdiction,
            title: input.title ?? `调整物业服务收费标准：¥${p.currentFee} → ¥${p.proposedFee}/m²·月`,
            description: `物业服务人提交的收费标准调整方案（审计报告 ${p.auditReportRef}）。调整范围：${p.range}。理由：${p.reasons}`,
            matter: 'other_major',
            scope: { kind: 'compound' },
            opensAt: input.opensAt,
            closesAt: input.closesAt,
            proposal: { text: `将物业服务收费标准由每月每平方米 ${p.currentFee} 元调整为 ${p.proposedFee} 元（合同 ${p.contractId}，调整方案 ${adjustmentId}）` },
          },
          by,
        },
        cmd,
      );
      if (isDomainError(proposed) && proposed.code !== 'motion_already_exists') return proposed;
      return handleFeeAdjustment(adjustmentId, { type: 'PutFeeAdjustmentToOwners', data: { motionId }, by }, cmd);
    },
    async resolveFeeAdjustment(motionId, cmd) {
      const adjustmentId = feeAdjustmentOfMotion(motionId);
      if (adjustmentId === null) return null;
      const a = await feeAdjustment(adjustmentId);
      if (a.status !== 'put_to_owners' || a.motionId !== motionId) return null;
      const motion = await deps.assembly.motion(motionId);
      if (motion.status !== 'final') return null;
      const standing = motion.decision && motion.decision.revokedAt === null && motion.decision.record.adopted.kind === 'motion' ? motion.decision.record.decisionId : null;
      return handleFeeAdjustment(adjustmentId, { type: 'ResolveFeeAdjustment', data: { motionId, decisionId: standing }, by: SYSTEM }, cmd);
    },
    async applyFeeAdjustment(adjustmentId, cmd) {
      const a = await feeAdjustment(adjustmentId);
      if (a.status !== 'adopted' || a.motionId === null) return null;
      const motion = await deps.assembly.motion(a.motionId);
      // Re-checked when acting: final, not revoked.
      if (motion.status !== 'final' || !motion.decision || motion.decision.revokedAt !== null) return null;
      return handleContract(a.proposal.contractId, { type: 'ApplyFeeStandard', data: { adjustmentId, decisionId: motion.decision.record.decisionId, fee: a.proposal.proposedFee }, by: SYSTEM }, cmd);
    },
    survey,
    async openSurvey(contractId, input, by, cmd) {
      const c = await contract(contractId);
      if (c.status === 'none') return refuse('contract_not_found', `no contract ${contractId}`);
      return handleSurvey(input.surveyId, { type: 'OpenSurvey', data: { ...input, compoundId: c.terms.compoundId, contractId }, by }, cmd);
    },
    async respondToSurvey(surveyId, input, by, cmd) {
      const s = await survey(surveyId);
      if (s.status === 'none') return refuse('survey_not_found', `no survey ${surveyId}`);
      if (!holdsAny(by, ['owner'])) return refuse('not_entitled', 'owners answer the survey');
      // 区分所有权解释 Art. 9: the identity is the owner set of the person's units (co-owners answer once).
      const mine = voterIdentities(await deps.registry.state(s.survey.compoundId)).filter(
        (v) => !v.developerHeld && v.ownerPersonIds.includes(by.personId) && (input.unitId === undefined || v.units.some((u) => u.unitId === input.unitId)),
      );
      if (mine.length === 0) return refuse('not_a_respondent', input.unitId === undefined ? 'you own no unit in this compound' : `you are not an owner of unit ${input.unitId}`);
      if (mine.length > 1) return refuse('invalid_survey', 'you belong to several owner sets (e.g. one unit alone, another with a co-owner): name the unitId you answer for');
      return handleSurvey(surveyId, { type: 'RespondToSurvey', data: { voterId: mine[0]!.voterId, area: mine[0]!.area, answers: input.answers }, by }, cmd);
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
          data: {
            contractId: tenderId,
            tender: t.tender,
            motionId,
            decisionId: motion.decision.record.decisionId,
            firm: { firmId: f.firmId, name: f.name, creditCode: f.firmId },
            terms: bid.revealed.terms,
            chargeableArea: area,
          },
          by: { personId: 'system', grants: ['system'] },
        },
        cmd,
      );
    },
  };
}
