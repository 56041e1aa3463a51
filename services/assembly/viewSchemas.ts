/**
 * Response schemas of the assembly's notice-board reads (services/api/routes/motions.ts), so /docs documents
 * them. They mirror the views' types in projections/assembly (MotionDoc, TallyView, BallotView) field for field,
 * and the compiler holds each route's answer to its schema (the serializer would drop a field left out). A
 * motion's proposal is typed per matter (services/assembly/proposalSchema.ts).
 */
import { z } from 'zod';
import { proposalView } from './proposalSchema.js';

const instant = z.string().describe('ISO-8601 instant');
const axes = z.object({ area: z.string().describe('m², exact decimal'), headcount: z.number().int() }).describe('the two axes of Civil Code Art. 278');
const basis = z.enum(['civil_code_art278', 'property_regulation_art12']).describe('the statute whose thresholds apply: the Civil Code, or 物业管理条例 Art. 12 for motions dated before 2021');
const scope = z.discriminatedUnion('kind', [z.object({ kind: z.literal('compound') }), z.object({ kind: z.literal('buildings'), buildings: z.array(z.string()).readonly() })]).describe('the whole compound, or the owners of some buildings (沪规定 Art. 69)');
const form = z.discriminatedUnion('form', [
  z.object({ form: z.literal('yes_no') }),
  z.object({ form: z.literal('choose_one'), options: z.array(z.object({ optionId: z.string(), label: z.string() })).readonly() }),
  z.object({ form: z.literal('elect'), candidates: z.array(z.object({ candidateId: z.string(), name: z.string() })).readonly(), seats: z.number().int() }),
]);
const deemed = z.object({ basis: z.string(), majority: z.string().nullable(), added: axes, participating: axes, for: axes, against: axes, quorumMet: z.boolean(), passed: z.boolean().nullable() });
const candidate = z.object({ candidateId: z.string(), name: z.string(), for: axes, against: axes, abstain: axes, meetsRule: z.boolean(), rank: z.number().int().nullable(), elected: z.boolean().nullable(), needed: axes });
const signedHead = z.object({ treeSize: z.string(), rootHash: z.string(), timestamp: instant, keyId: z.string(), signature: z.string() }).describe("the log's signed tree head (GET /v1/log/head)");
const outcome = z
  .object({
    basis: z.enum(['raw', 'deemed']),
    quorumMet: z.boolean(),
    passed: z.boolean().describe('yes_no: passed; choose_one: an option was adopted; elect: a candidate was elected'),
    adopted: z.string().nullable().optional(),
    elected: z.array(z.string()).readonly().optional(),
    unfilledSeats: z.number().int().optional(),
  })
  .describe('the posted result');
const option = z.object({ optionId: z.string(), label: z.string(), support: axes, meetsRule: z.boolean(), adopted: z.boolean().nullable(), needed: axes });
const motionStatus = z.enum(['proposed', 'noticed', 'open', 'closed', 'result_published', 'final', 'cancelled']);
const choice = z.enum(['for', 'against', 'abstain']);

/** 公示: a motion as the notice board shows it (MotionDoc). */
export const motionView = z.object({
  motionId: z.string(),
  compoundId: z.string(),
  title: z.string(),
  description: z.string(),
  matter: z.string().describe('one of the nine matters of Civil Code Art. 278'),
  rule: z.string().describe('the majority rule of the matter'),
  thresholds: basis,
  rulePack: z.string(),
  status: motionStatus,
  scope,
  opensAt: instant,
  closesAt: instant,
  proposedAt: instant,
  noticePublishedAt: instant.nullable(),
  noticeRunsUntil: instant.nullable(),
  noticeCalendar: z.string().nullable().optional().describe('the holiday calendar the notice period was counted with'),
  openedAt: instant.nullable(),
  closedAt: instant.nullable(),
  resultDueBy: instant.nullable(),
  resultPublishedAt: instant.nullable(),
  cancelledAt: instant.nullable(),
  cancelReason: z.string().nullable(),
  eligible: axes.nullable().describe('from the frozen roll, once voting has opened'),
  deemedVotes: z.object({ basis: z.string() }).nullable(),
  outcome: outcome.nullable(),
  resultLate: z.boolean().nullable(),
  form,
  proposal: proposalView.nullable().describe('null: none given (the description says it all)'),
  meeting: z.enum(['regular', 'extraordinary']),
  objectionsUntil: instant.nullable(),
  finalPublishedAt: instant.nullable(),
  decisionId: z.string().nullable(),
  decisionRevokedAt: instant.nullable(),
  deliveries: z.number().int().describe('voter identities the notice is recorded as delivered to'),
});

/** The compound's motions, with the log's signed tree head when the store keeps one. */
export const motionList = z.object({ motions: z.array(motionView), logHead: signedHead.optional() });

/** The exact two-axis tally (TallyView). */
export const tallyView = z.object({
  motionId: z.string(),
  status: motionStatus,
  form: z.enum(['yes_no', 'choose_one', 'elect']),
  phase: z.enum(['open', 'closed', 'preliminary', 'final']),
  matter: z.string(),
  rule: z.string(),
  basis,
  eligible: axes,
  participating: axes,
  for: axes,
  against: axes,
  abstain: axes,
  invalid: axes.describe('废票: entered invalid or ruled invalid'),
  quorumMet: z.boolean(),
  passed: z.boolean().nullable().describe('null until voting has closed'),
  outcomeBasis: z.enum(['raw', 'deemed']),
  raw: z.object({ quorumMet: z.boolean(), passed: z.boolean().nullable() }),
  needed: z.object({ quorum: axes, passage: axes }).describe('least additional participation for the quorum, least additional "for" for passage'),
  deemedVotes: deemed.nullable().describe('从众: present when the motion counts notified non-voters with the majority'),
  options: z.array(option).readonly().nullable().describe('choose_one: every option'),
  adopted: z.string().nullable(),
  nothingAdopted: z.string().nullable(),
  candidates: z.array(candidate).readonly().nullable().describe('elect: every candidate'),
  seats: z.number().int().nullable(),
  elected: z.array(z.string()).readonly().nullable(),
  unfilledSeats: z.number().int().nullable(),
  unfilledBecause: z.string().nullable(),
  ballots: z.object({ counted: z.number().int(), late: z.number().int(), superseded: z.number().int(), ruledInvalid: z.number().int() }),
  asOf: z.object({ requested: z.object({ position: z.string().optional(), instant: instant.optional() }), position: z.string(), recordedAt: instant.nullable() }).optional().describe('with ?asOf=: the point the tally was computed at'),
});

/** 投票公示: one ballot, never a name or a person id (BallotView). */
export const ballotView = z.object({
  receipt: z.string(),
  unitIds: z.array(z.string()).readonly(),
  area: z.string(),
  choice: choice.nullable(),
  option: z.string().optional(),
  candidates: z.record(z.string(), choice).readonly().optional(),
  invalid: z.boolean(),
  channel: z.enum(['electronic', 'paper']),
  castAt: instant,
  status: z.enum(['counted', 'superseded', 'late', 'ruled_invalid']),
});

export const ballotPage = z.object({ ballots: z.array(ballotView), next: z.string().nullable() });

/** One ballot by its receipt, and whether a dispute names it. */
export const ballotCheck = ballotView.extend({ underDispute: z.boolean() });
