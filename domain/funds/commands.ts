/**
 * Commands on a compound's funds (`funds-<compoundId>`). `by` carries the actor's grants on the compound
 * (domain/assembly/actor.ts). Facts the decider cannot read itself come in the command, read by the service at
 * the moment it acts: the unit from the registry, the decision from the assembly's record.
 */
import type { ActorFacts, MotionScope, Organisation, Proposal } from '../assembly/index.js';
import type { Jurisdiction } from '../registry/index.js';
import type { EmergencyItem, EvidenceKind } from './rules.js';

/** A unit as the registry holds it when the command is sent. */
export interface UnitFacts {
  readonly unitId: string;
  readonly building: string;
  /** Exact decimal string (domain/shared/area.ts). */
  readonly area: string;
  readonly developerHeld: boolean;
}

/** An owners' decision as the assembly records it now (its read model), re-checked at every step. */
export interface DecisionFacts {
  readonly decisionId: string;
  readonly compoundId: string;
  readonly matter: string;
  readonly proposal: Proposal | null;
  readonly revoked: boolean;
}

export interface EvidenceRef {
  readonly kind: EvidenceKind;
  readonly ref: string;
}

type Cmd<Type extends string, Data> = { readonly type: Type; readonly data: Data; readonly by: ActorFacts };

export type FundsCommand =
  | Cmd<'OpenFund', { compoundId: string; jurisdiction: Jurisdiction; ratePerSquareMetre: string; evidenceRef: string }>
  | Cmd<'RecordDeposit', { depositId: string; unit: UnitFacts; basis: 'first_deposit' | 'top_up'; amount?: string; evidence: readonly string[] }>
  | Cmd<'RecordIncome', { entryId: string; contractId: string; amount: string; evidence: readonly string[] }>
  | Cmd<'PayIncomeIntoFund', { entryId: string; amount: string; evidence: readonly string[] }>
  | Cmd<'ReverseTransfer', { transferId: string; reversalId: string; reason: string; evidence: readonly string[] }>
  | Cmd<
      'RequestRelease',
      {
        releaseId: string;
        decision: DecisionFacts | null;
        decisionId: string;
        contractPrice: string;
        contractor: Organisation;
        chargeScope: MotionScope;
        units: readonly UnitFacts[];
        evidence: readonly string[];
      }
    >
  | Cmd<
      'RequestEmergencyRelease',
      {
        releaseId: string;
        item: EmergencyItem;
        description: string;
        evidence: readonly EvidenceRef[];
        estimate: string;
        contractor: Organisation;
        chargeScope: MotionScope;
        units: readonly UnitFacts[];
      }
    >
  | Cmd<'ReviewEmergency', { releaseId: string; outcome: 'approved' | 'rejected'; reviewRef: string }>
  | Cmd<'ConfirmEmergency', { releaseId: string; confirmationRef: string }>
  | Cmd<'HoldAdvance', { releaseId: string; amount: string; decision: DecisionFacts | null; evidence: readonly string[] }>
  | Cmd<'AcceptWorks', { releaseId: string; acceptanceRef: string }>
  | Cmd<'RecordSettlementAudit', { releaseId: string; auditedAmount: string; auditRef: string }>
  | Cmd<'WaiveSettlementAudit', { releaseId: string; amount: string; approvalRef: string }>
  | Cmd<'SettleRelease', { releaseId: string; decision: DecisionFacts | null; newDecision: DecisionFacts | null; evidence: readonly string[] }>
  | Cmd<'VoidRelease', { releaseId: string; reason: string }>
  | Cmd<'RecordPostHocReview', { releaseId: string; reviewRef: string; findings: string }>
  /** 账目公布: the statement of a ledger for an ended period, generated from the ledger and posted. */
  | Cmd<'PublishDisclosure', { disclosureId: string; ledger: 'maintenance' | 'public_income'; period: string }>;

export type FundsCommandType = FundsCommand['type'];
