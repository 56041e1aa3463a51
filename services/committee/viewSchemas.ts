/**
 * Response schemas of the committee's reads (services/committee/routes.ts): the notice board, an election and
 * the body in charge where there is no OC, so /docs documents them. They mirror projections/committee/view.ts
 * (renderBoard, renderElection, renderActing) field for field, and the compiler holds each schema to its view
 * (services/api/viewMatchesSchema.ts): the serializer drops a field a schema leaves out, so a field added to a
 * view alone fails `tsc`. Names and unit numbers are posted by law (京条例 Arts. 31, 40, 42, 44, 54); person ids
 * never appear. Where the view types a field as a plain string (a literal widened in an object literal), so
 * does the schema, with its values in the description.
 */
import { z } from 'zod';
import type { renderActing, renderBoard, renderElection } from '../../projections/committee/index.js';
import { asOfSchema } from '../api/views/asOf.js';
import type { ViewMatches } from '../api/viewMatchesSchema.js';
import type { Deadline, DeadlineStatus } from '../platform/deadlines.js';

const instant = z.string().describe('ISO-8601 instant');
const list = <T extends z.ZodType>(item: T) => z.array(item).readonly();
const units = list(z.string()).describe('unit numbers');
const jurisdiction = z.enum(['national', 'beijing', 'shanghai', 'hangzhou']);
const groupMemberKind = z.enum(['owner_representative', 'developer', 'street_office', 'residents_committee', 'party_organisation']);
const pmcMemberKind = z.enum(['owner_representative', 'developer', 'street_office', 'residents_committee', 'party_organisation', 'occupant_representative']);
const groupMember = z.object({ memberId: z.string(), name: z.string(), kind: groupMemberKind, unitId: z.string().optional().describe('owner representatives: their unit') });

/** 筹备组 (or Hangzhou's property-management committee acting as one): its members by kind, posted. */
const preparatoryBody = z.object({
  body: z.enum(['preparatory_group', 'property_management_committee']),
  members: list(groupMember),
  leaderMemberId: z.string(),
  formedAt: instant,
  listPostingDueBy: instant.nullable().describe('the list is posted by then (null: no fixed period)'),
  listPostedAt: instant.nullable(),
  firstAssemblyDueBy: instant.nullable().describe('the first assembly is held by then (null: no fixed period)'),
});

const handover = z.object({ to: z.string(), items: list(z.string()), evidenceRef: z.string(), at: instant, late: z.boolean() }).describe('档案、印章移交');
const electionKind = z.enum(['first', 'by_election', 're_election']);
const electionStatus = z.string().describe('nominating, posted or decided');
const axes = z.object({ area: z.string().describe('m², exact decimal'), headcount: z.number().int() });

const committee = z
  .object({
    termId: z.string(),
    electedAt: instant,
    termEndsAt: instant,
    seats: z.number().int(),
    serving: z.number().int().describe('members still serving'),
    members: list(
      z.object({
        memberId: z.string(),
        name: z.string(),
        role: z.enum(['chair', 'vice_chair', 'member']),
        units,
        status: z.enum(['active', 'ended']),
        ended: z
          .union([z.object({ at: instant, reason: z.literal('no_longer_owner'), unitId: z.string() }), z.object({ at: instant, reason: z.literal('removed'), removalId: z.string() }), z.object({ at: instant, reason: z.enum(['resigned', 'incapacity']), occurredOn: z.string().describe('the day the resignation or incapacity took effect (京条例 Art. 46 para. 1)') })])
          .nullable()
          .describe('no longer an owner (京条例 Art. 46 (一)), removed by the owners, resigned or incapacitated (京条例 Art. 46 para. 1)'),
      }),
    ),
    officers: z.object({ chair: z.string(), viceChairs: list(z.string()), heldAt: instant, late: z.boolean() }).nullable().describe('chair and vice-chairs (member ids), elected at the first meeting'),
    firstMeetingDueBy: instant.nullable(),
    filing: z
      .union([
        z.object({ status: z.string().describe('filed'), certificateRef: z.string(), authority: z.string(), filedAt: instant, late: z.boolean(), dueBy: instant.nullable() }),
        z.object({ status: z.string().describe('pending'), dueBy: instant.nullable() }),
      ])
      .describe('备案 with the street office: filed (with its certificate) or pending'),
    byElectionSeats: z.number().int().describe('seats a by-election is to fill'),
    alternates: list(z.object({ memberId: z.string(), name: z.string(), units })).describe('候补委员 in the order they fill vacancies (京条例 Art. 41 para. 3)'),
    earlyReelection: z.object({ requiredAt: instant, dueBy: instant }).nullable().describe('提前换届: fewer than half the seats filled'),
    reelectionReportDueBy: instant,
    reelection: z.object({
      reported: z.object({ at: instant, late: z.boolean(), groupDueBy: instant }).nullable().describe('换届报告 to the street office'),
      group: z.object({ members: list(groupMember), leaderMemberId: z.string(), formedAt: instant }).nullable().describe('换届改选小组'),
      runningSince: instant.nullable(),
      freeze: z.string().nullable().describe('the article freezing decisions on the firm, fees and major works while the re-election runs (沪规定 Art. 28 para. 4)'),
      handoverDueBy: instant.nullable(),
    }),
    handover: handover.nullable(),
    absences: list(z.object({ memberId: z.string(), name: z.string(), flaggedAt: instant, meetings: z.number().int(), absences: z.number().int() })).describe('累计缺席 flagged (沪规定 Art. 31 (五); 京条例 Art. 46 para. 2)'),
    sealUses: list(z.object({ useId: z.string(), purpose: z.string(), documentRef: z.string(), signedBy: list(z.string()).describe('members’ names'), usedAt: instant })).describe('印章使用 (京条例 Art. 43 para. 4)'),
  })
  .nullable()
  .describe('the seated committee’s current term; null before one is seated');

const removal = z.object({
  removalId: z.string(),
  memberId: z.string(),
  name: z.string(),
  grounds: z.string(),
  groundsCited: list(z.object({ code: z.string(), source: z.string(), established: z.object({ meetings: z.number().int(), absences: z.number().int(), flaggedAt: instant }).optional() })),
  proposer: z
    .union([z.object({ kind: z.string().describe('members'), members: list(z.string()).describe('names'), of: z.number().int() }), z.object({ kind: z.string().describe('owners'), support: axes, totals: axes })])
    .describe('members by name, or owners only as their share of the votes (never who)'),
  proposedAt: instant,
  answerBy: instant,
  answer: z.object({ text: z.string(), at: instant }).nullable(),
  motionId: z.string().nullable(),
  outcome: z.object({ removed: z.boolean(), at: instant, decisionId: z.string().nullable() }).nullable(),
});

/** 业主委员会公示: the committee on the notice board (renderBoard). */
export const boardSchema = z.object({
  compoundId: z.string(),
  jurisdiction,
  preparatoryBody,
  committee,
  removals: list(removal).describe('罢免'),
  convened: list(z.object({ meetingId: z.string(), agenda: list(z.string()), heldAt: instant, convenedAt: instant, demandId: z.string().optional() })).describe('meetings convened, not yet held'),
  demands: list(z.object({ demandId: z.string(), members: list(z.string()).describe('names'), agenda: z.string(), demandedAt: instant, holdBy: instant, heldAt: instant.nullable() })).describe('meetings demanded by at least a third of the members'),
  pastTerms: list(z.object({ termId: z.string(), termEndsAt: instant, handoverDueBy: instant.nullable(), handover: handover.nullable() })),
  meetings: list(
    z.object({
      meetingId: z.string(),
      heldAt: instant,
      members: z.number().int().describe('members in office'),
      present: z.number().int(),
      quorumMet: z.boolean(),
      items: list(z.object({ itemId: z.string(), title: z.string(), inFavour: z.number().int(), signedBy: list(z.string()).describe('names'), adopted: z.boolean() })),
      publicationDueBy: instant,
      published: z.object({ publishedAt: instant, late: z.boolean() }).nullable(),
      decisions: list(z.object({ itemId: z.string(), title: z.string() })).describe('adopted items, once published'),
    }),
  ),
  elections: list(z.object({ electionId: z.string(), kind: electionKind, seats: z.number().int(), status: electionStatus })),
});

const vetting = z.object({ outcome: z.enum(['approved', 'refused']), reason: z.string(), at: instant });

/** 选举: an election (renderElection). */
export const electionSchema = z.object({
  electionId: z.string(),
  compoundId: z.string(),
  kind: electionKind,
  seats: z.number().int(),
  termYears: z.number().int(),
  openedAt: instant,
  status: electionStatus,
  preparatoryBody,
  candidates: list(
    z.object({
      candidateId: z.string(),
      name: z.string(),
      units,
      route: z.enum(['party_organisation', 'residents_committee', 'self', 'owners_jointly']),
      nominatedAt: instant,
      eligible: z.boolean().describe('every condition met (an ineligible nomination is recorded too)'),
      checks: list(
        z.object({
          condition: z.enum(['owner_in_compound', 'full_capacity', 'no_firm_interest', 'no_arrears', 'not_dishonest_debtor']),
          met: z.boolean(),
          source: z.string().describe('the article'),
          reason: z.string().optional().describe('why it is not met'),
          evidenceRef: z.string().optional(),
          pledgeRef: z.string().optional().describe('a written pledge (书面承诺)'),
        }),
      ),
      vetting: z.object({ party_organisation: vetting.optional(), street_office: vetting.optional() }).describe('the Party organisation’s consent, the street office’s review'),
    }),
  ),
  posting: z.object({ postedAt: instant, votingMayOpenAt: instant, candidates: list(z.object({ candidateId: z.string(), name: z.string() })) }).nullable().describe('候选人公示'),
  motionId: z.string().nullable().describe('the assembly motion the owners vote on'),
  result: z
    .object({ decisionId: z.string(), elected: list(z.object({ candidateId: z.string(), name: z.string() })), unfilledSeats: z.number().int(), decidedAt: instant })
    .nullable(),
});

const pmc = z.object({
  kind: z.literal('property_management_committee'),
  pmcId: z.string(),
  members: list(z.object({ memberId: z.string(), name: z.string(), kind: pmcMemberKind, unitId: z.string().optional() })),
  chairMemberId: z.string(),
  viceChairMemberId: z.string().nullable(),
  grounds: z.string(),
  formedAt: instant,
  termEndsAt: instant,
  dissolveDueBy: instant.nullable().describe('once an OC is filed (京条例 Art. 59: within 30 days)'),
  dissolved: z.object({ at: instant, reason: z.string(), late: z.boolean() }).nullable(),
  source: z.string(),
  article: z.string(),
});
const rc = z.object({
  kind: z.literal('residents_committee'),
  since: instant,
  reason: z.string(),
  commissionRef: z.string().nullable().describe('经业主大会委托: the assembly’s commission, where given'),
  ended: z.object({ at: instant }).nullable(),
  source: z.string(),
  article: z.string(),
});
const actingBody = z.discriminatedUnion('kind', [pmc, rc]).describe('物业管理委员会 (京条例 Arts. 52–59; 杭条例 Arts. 38–41) or the residents’ committee acting (沪居委条例 Art. 20)');

/** The body in charge where there is no OC (renderActing). */
export const actingSchema = z.object({
  compoundId: z.string().nullable(),
  jurisdiction: jurisdiction.nullable(),
  inCharge: z.object({ body: z.enum(['owners_committee', 'property_management_committee', 'residents_committee']), article: z.string() }).nullable().describe('as of the last event'),
  body: actingBody.nullable(),
  pastBodies: list(actingBody),
  convened: list(
    z.object({ motionId: z.string(), matter: z.string(), body: z.enum(['property_management_committee', 'residents_committee']), role: z.string(), source: z.string(), convenedAt: instant, article: z.string() }),
  ).describe('owners’ decisions it convened, with the role that acted and the article'),
});

const deadline = z.object({
  deadlineId: z.string(),
  kind: z.string(),
  dueAt: instant,
  status: z.enum(['open', 'met', 'overdue']),
  source: z.object({ article: z.string(), jurisdiction: z.string() }).describe('the rule’s article and the jurisdiction of its pack'),
  record: z.object({ type: z.string(), id: z.string() }).describe('the record the obligation belongs to'),
});
type DeadlineEntry = Pick<Deadline, 'deadlineId' | 'kind' | 'dueAt' | 'source' | 'record'> & { status: DeadlineStatus };

export const boardResponse = boardSchema.extend({ deadlines: list(deadline).describe('the committee’s open deadlines'), asOf: asOfSchema });
export const electionResponse = electionSchema.extend({ asOf: asOfSchema });
export const actingResponse = actingSchema.extend({ asOf: asOfSchema });

// The compiler holds each schema to its view.
export const committeeSchemasMatch: readonly [
  ViewMatches<typeof boardSchema, ReturnType<typeof renderBoard>>,
  ViewMatches<typeof electionSchema, ReturnType<typeof renderElection>>,
  ViewMatches<typeof actingSchema, ReturnType<typeof renderActing>>,
  ViewMatches<typeof deadline, DeadlineEntry>,
] = [true, true, true, true];
