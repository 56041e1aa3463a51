/**
 * Response schemas of three-party work's reads (services/joint/routes.ts), so /docs documents them. They mirror
 * the views in projections/joint (JointMeetingDoc, RequestDoc) and domain/joint/scores.ts (PartyScore) field for
 * field; `ViewMatches` below makes the compiler hold each schema to its view (the serializer drops a field the
 * schema leaves out, and answers 500 for a view that does not match it).
 */
import { z } from 'zod';
import { jointParties, type Party, type PartyScore } from '../../domain/joint/index.js';
import type { JointMeetingDoc, RequestDoc } from '../../projections/joint/index.js';
import type { ViewMatches } from '../api/viewMatchesSchema.js';

const instant = z.string().describe('ISO-8601 instant');
const party = z.enum(jointParties as [Party, ...Party[]]).describe('a party of three-party work (三方联动)');
const satisfaction = z.number().int().nullable().describe('1–5, once rated');

/** A task of a resolution (TaskView). */
const task = z.object({
  taskId: z.string(),
  resolutionId: z.string(),
  party,
  description: z.string(),
  dueAt: instant.describe('the deadline'),
  closedAt: instant.nullable(),
  onTime: z.boolean().nullable().describe('closed by its due date; null while open'),
  outcome: z.string().nullable(),
  satisfaction,
});

/** 联席会议: a joint meeting with its resolutions and the status of their tasks (JointMeetingDoc). */
export const jointMeetingView = z.object({
  meetingId: z.string(),
  compoundId: z.string(),
  convener: party,
  invited: z.array(party).readonly(),
  agenda: z.array(z.object({ itemId: z.string(), title: z.string() })).readonly(),
  heldAt: instant,
  present: z.array(party).readonly().nullable().describe('the parties present, once recorded'),
  resolutions: z.array(z.object({ resolutionId: z.string(), text: z.string(), agreedBy: z.array(party).readonly() })).readonly(),
  tasks: z.array(task).readonly(),
  resultsDueBy: instant.describe('results are published by then (沪居委条例 Art. 23)'),
  resultsPublishedAt: instant.nullable(),
  resultsLate: z.boolean().nullable().describe('published after resultsDueBy; null until published'),
});

/** One dispatch of a request and its outcome (DispatchRecord). */
const dispatch = z.object({
  party,
  dispatchedAt: instant,
  dueAt: instant,
  answer: z.enum(['accepted', 'declined']).nullable(),
  answeredAt: instant.nullable(),
  completedAt: instant.nullable(),
  onTime: z.boolean().nullable().describe('completed by dueAt; null until completed'),
  satisfaction,
});

/** 居民点单: a request with each dispatch and its outcome, never who raised it (RequestDoc). */
export const requestView = z.object({
  requestId: z.string(),
  compoundId: z.string(),
  category: z.string(),
  building: z.string().nullable(),
  unitId: z.string().nullable(),
  description: z.string(),
  raisedAt: instant,
  status: z.enum(['raised', 'dispatched', 'accepted', 'completed']).describe('declined goes back to raised, to be dispatched again'),
  dispatches: z.array(dispatch).readonly(),
  progress: z.array(z.object({ note: z.string(), at: instant })).readonly(),
});

/** A party's score for the period (PartyScore). */
export const partyScoreView = z.object({
  party,
  dispatched: z.number().int(),
  answeredInTime: z.number().int().describe('answered (accepted or declined) within 24 h of dispatch'),
  accepted: z.number().int(),
  completedOnTime: z.number().int(),
  rated: z.number().int(),
  satisfactionSum: z.number().int(),
  score: z.string().describe('0.00 to 100.00, exact decimal'),
});

export const jointMeetingList = z.object({ meetings: z.array(jointMeetingView) });
export const requestList = z.object({ requests: z.array(requestView) });
export const partyScoreList = z.object({ from: z.string(), to: z.string(), formula: z.string(), scores: z.array(partyScoreView) });

true satisfies ViewMatches<typeof jointMeetingView, JointMeetingDoc>;
true satisfies ViewMatches<typeof requestView, RequestDoc>;
true satisfies ViewMatches<typeof partyScoreView, PartyScore>;
