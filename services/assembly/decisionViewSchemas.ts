/**
 * Response schemas of the reads after the vote (services/assembly/decisionRoutes.ts), so /docs documents them:
 * objections and their answers, decisions (业主大会决定) with their proposal and revocation, petitions for an
 * extraordinary meeting. They mirror projections/assembly/docs.ts (ObjectionDoc, DecisionDoc, PetitionDoc) and
 * the typed proposal (domain/assembly/proposals.ts) field for field; `ViewMatches` below makes the compiler hold
 * each schema to its view (the serializer drops a field the schema leaves out, and answers 500 for a view that
 * does not match it). Never who objected or who signed.
 */
import { z } from 'zod';
import { matters, revokingAuthorities, type Matter } from '../../domain/assembly/index.js';
import type { DecisionDoc, ObjectionDoc, PetitionDoc } from '../../projections/assembly/index.js';
import type { ViewMatches } from '../api/viewMatchesSchema.js';
import { proposalView } from './proposalSchema.js';

const instant = z.string().describe('ISO-8601 instant');
const axes = z.object({ area: z.string().describe('m², exact decimal'), headcount: z.number().int() }).describe('the two axes of Civil Code Art. 278');
const scope = z
  .discriminatedUnion('kind', [z.object({ kind: z.literal('compound') }), z.object({ kind: z.literal('buildings'), buildings: z.array(z.string()).readonly() })])
  .describe('the whole compound, or the owners of some buildings (沪规定 Art. 69)');
/** 异议及答复: an objection to the preliminary result and its answer, never who filed it (ObjectionDoc). */
export const objectionView = z.object({
  motionId: z.string(),
  objectionId: z.string(),
  reason: z.string(),
  receipts: z.array(z.string()).readonly().describe('the ballot receipts objected to'),
  units: z.array(z.string()).readonly().describe('the units objected about'),
  filedAt: instant,
  status: z.enum(['open', 'upheld', 'dismissed']),
  answer: z.object({ reason: z.string(), answeredAt: instant }).nullable(),
  ruledInvalid: z.array(z.string()).readonly().describe('receipts ruled invalid on this objection'),
});

/** 业主大会决定: what was adopted on which motion, its notification and revocation (DecisionDoc). */
export const decisionView = z.object({
  decisionId: z.string(),
  motionId: z.string(),
  compoundId: z.string(),
  matter: z.enum(matters as [Matter, ...Matter[]]).describe('one of the nine matters of Civil Code Art. 278'),
  scope,
  proposal: proposalView.nullable().describe('null: decided without a typed proposal (it then authorises nothing that needs its terms)'),
  adopted: z
    .discriminatedUnion('kind', [
      z.object({ kind: z.literal('motion') }),
      z.object({ kind: z.literal('option'), optionId: z.string(), label: z.string() }),
      z.object({ kind: z.literal('elected'), candidates: z.array(z.object({ candidateId: z.string(), name: z.string() })).readonly(), unfilledSeats: z.number().int() }),
    ])
    .describe('yes_no: the motion; choose_one: the option; elect: the candidates elected'),
  decidedAt: instant,
  revoked: z
    .object({
      authority: z.string().describe(`who ordered it: ${revokingAuthorities.join(', ')} (物业管理条例 Art. 19; Civil Code Art. 280)`),
      documentRef: z.string(),
      reason: z.string(),
      revokedAt: instant,
    })
    .nullable()
    .describe('撤销: the decision stays in the record, marked'),
  notifiedToResidentsCommitteeAt: instant.nullable(),
});

/** 提议召开临时会议: a petition's totals against 20% of area and headcount, never who signed (PetitionDoc). */
export const petitionView = z.object({
  petitionId: z.string(),
  compoundId: z.string(),
  purpose: z.string(),
  openedAt: instant,
  eligible: axes,
  signatures: axes,
  threshold: z.string().describe('the rule, in words'),
  reachedAt: instant.nullable(),
  conveneBy: instant.nullable().describe('the OC must convene the extraordinary meeting by then'),
});

export const objectionList = z.object({ objections: z.array(objectionView) });
export const decisionList = z.object({ decisions: z.array(decisionView) });

true satisfies ViewMatches<typeof objectionView, ObjectionDoc>;
true satisfies ViewMatches<typeof decisionView, DecisionDoc>;
true satisfies ViewMatches<typeof petitionView, PetitionDoc>;
