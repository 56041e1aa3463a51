/**
 * Response schemas of the disputes' reads (services/disputes/routes.ts), so /docs documents them. They mirror
 * projections/disputes (DisputeDoc, disputeStatistics) field for field; `ViewMatches` below makes the compiler
 * hold each schema to its view (the serializer drops a field the schema leaves out, and answers 500 for a view
 * that does not match it). No person: parties are kinds (owner, oc, firm, rc).
 */
import { z } from 'zod';
import { linkedRecordTypes, type LinkedRecordType } from '../../domain/disputes/index.js';
import type { DisputeDoc, DisputeOutcome } from '../../projections/disputes/index.js';
import type { ViewMatches } from '../api/viewMatchesSchema.js';

const instant = z.string().describe('ISO-8601 instant');
const recordType = z.enum(linkedRecordTypes as [LinkedRecordType, ...LinkedRecordType[]]);

/** 纠纷: a dispute by category, parties (by kind), mediator and outcome (DisputeDoc). */
export const disputeView = z.object({
  disputeId: z.string(),
  compoundId: z.string(),
  category: z.string().describe('fees, service, decision, ballot, funds, election, contract, neighbours or other'),
  filedBy: z.string().describe('the kind of party that filed: owner, oc, firm or rc (never a person)'),
  respondents: z.array(z.string()).readonly().describe('kinds of party'),
  links: z.array(z.object({ type: recordType, id: z.string() })).readonly().describe('the records disputed: they show "under dispute" while the dispute is open'),
  filedAt: instant,
  status: z.enum(['filed', 'mediating', 'agreed', 'refused', 'failed']),
  mediator: z.string().nullable().describe('party_committee, mediation_committee, joint_meeting or street_office, once mediation started'),
  dueBy: instant.nullable().describe('the one-month limit of mediation, extended at most once by 30 days'),
  sessions: z.number().int().describe('mediation sessions recorded (人民调解法 Art. 27)'),
  agreement: z
    .object({ signedAt: instant, confirmationDueBy: instant.describe('judicial confirmation within 30 days (人民调解法 Art. 33)'), confirmationApplied: z.boolean() })
    .nullable(),
  refusedBy: z.string().nullable().describe('the kind of party that refused mediation (Art. 17)'),
  routesTold: z.array(z.string()).readonly().nullable().describe('failed: the routes the parties were told of (arbitration, administrative, judicial; Art. 26)'),
});

const outcomeCounts = z.object({ open: z.number().int(), agreed: z.number().int(), refused: z.number().int(), failed: z.number().int() });

/** Statistics: per category, the disputes by outcome (open = filed or mediating). */
export const disputeStatisticsView = z.record(z.string(), outcomeCounts).describe('per category: counts by outcome');

export const disputeList = z.object({ disputes: z.array(disputeView), statistics: disputeStatisticsView });

/** Whether a record is under dispute, and by which open disputes of this compound. */
export const disputedRecordView = z.object({
  type: recordType,
  id: z.string(),
  underDispute: z.boolean(),
  disputes: z.array(z.string()).readonly().describe('ids of the open disputes naming the record'),
});

true satisfies ViewMatches<typeof disputeView, DisputeDoc>;
true satisfies ViewMatches<typeof disputeStatisticsView, Record<string, Record<DisputeOutcome, number>>>;
