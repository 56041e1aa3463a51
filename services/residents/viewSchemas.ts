/**
 * Response schemas of residents' self-governance reads (services/residents/routes.ts), so /docs documents them.
 * They mirror projections/residents (RollDoc, MeetingDoc, RequestDoc) field for field; `ViewMatches` below makes
 * the compiler hold each schema to its view (the serializer drops a field the schema leaves out, and answers
 * 500 for a view that does not match it). Totals only: never a household's details.
 */
import { z } from 'zod';
import type { MeetingDoc, RequestDoc, RollDoc } from '../../projections/residents/index.js';
import type { ViewMatches } from '../api/viewMatchesSchema.js';

const instant = z.string().describe('ISO-8601 instant');
const totals = z.object({ households: z.number().int(), adults: z.number().int(), groups: z.number().int() }).describe('counts from the residents\u2019 roll');
const fraction = z.object({ num: z.number().int(), den: z.number().int(), inclusive: z.boolean().describe('at least (true) or more than (false) num/den') });

/** 居民名册: the roll's totals and the representatives per residents' group (RollDoc). */
export const rollView = z.object({
  compoundId: z.string(),
  totals,
  recordedAt: instant,
  representatives: z.record(z.string(), z.array(z.string()).readonly()).readonly().describe('per residents\u2019 group: its representatives\u2019 ids (居委会组织法 Art. 9)'),
});

/** Who the members of a residents' meeting are (居委会组织法 Art. 9 para. 1: all adults, a representative per household, or 2–3 per group). */
const constituency = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all_adults') }),
  z.object({ kind: z.literal('household_representatives') }),
  z.object({ kind: z.literal('group_representatives'), perGroup: z.union([z.literal(2), z.literal(3)]) }),
]);
/** A representative meeting's rules, as the community set them. */
const representativeRules = z.object({ householdsPerRepresentative: z.number().int(), quorum: fraction, majority: fraction });

const item = z.object({
  itemId: z.string(),
  title: z.string(),
  decision: z
    .object({
      present: z.number().int(),
      inFavour: z.number().int(),
      against: z.number().int(),
      abstain: z.number().int(),
      quorumMet: z.boolean(),
      adopted: z.boolean(),
      rule: z.string().describe('the rule the item was decided by'),
      decidedAt: instant,
    })
    .nullable()
    .describe('null until decided'),
  votes: z.record(z.string(), z.enum(['for', 'against', 'abstain'])).readonly().describe('representative meetings: each representative\u2019s open vote, by representative id'),
});

/** 居民会议 / 居民代表会议: a meeting with its items and decisions (MeetingDoc). */
export const residentsMeetingView = z.object({
  meetingId: z.string(),
  compoundId: z.string(),
  kind: z.enum(['residents_meeting', 'representatives_meeting']),
  constituency: z.union([constituency, representativeRules]).nullable().describe('residents\u2019 meetings: who the members are; representative meetings: the community\u2019s rules'),
  size: z.number().int().describe('members, from the roll when convened'),
  heldAt: instant,
  present: z.number().int().nullable().describe('attendance, once recorded'),
  items: z.array(item).readonly(),
  requestId: z.string().nullable().describe('the residents\u2019 request to convene it, if any'),
});

/** A request to convene a residents' meeting: signatures against the roll (RequestDoc). */
export const conveneRequestView = z.object({
  requestId: z.string(),
  compoundId: z.string(),
  purpose: z.string(),
  totals: totals.describe('the roll when the request was opened'),
  signed: totals.describe('households, adults and groups that signed'),
  reachedBy: z.array(z.string()).readonly().nullable().describe('which threshold(s) were reached (居委会组织法 Art. 10 para. 2: a fifth of the adults, a fifth of the households or a third of the residents\u2019 groups)'),
  conveneBy: instant.nullable().describe('the meeting must be convened by then, once reached'),
});

export const residentsMeetingList = z.object({ meetings: z.array(residentsMeetingView) });

true satisfies ViewMatches<typeof rollView, RollDoc>;
true satisfies ViewMatches<typeof residentsMeetingView, MeetingDoc>;
true satisfies ViewMatches<typeof conveneRequestView, RequestDoc>;
