/**
 * Response schemas of the hiring reads (services/hiring/routes.ts), so /docs documents them. They mirror the
 * views of projections/hiring/view.ts (renderTender, renderContract, renderFeeAdjustment, renderSurvey) field
 * for field; `ViewMatches` below makes the compiler hold each schema to its view (the serializer drops a field the
 * schema leaves out, and answers 500 for a view that does not match it).
 */
import { z } from 'zod';
import { HANDOVER_ITEMS, type HandoverItem } from '../../domain/hiring/index.js';
import { jurisdictions, type Jurisdiction } from '../../domain/registry/index.js';
import type { renderContract, renderFeeAdjustment, renderSurvey, renderTender } from '../../projections/hiring/index.js';
import type { ViewMatches } from '../api/viewMatchesSchema.js';

const instant = z.string().describe('ISO-8601 instant');
const chinaDate = z.string().describe('a China date, YYYY-MM-DD');
const yuan = z.string().describe('yuan, an exact decimal string to the fen (e.g. "1.50")');
const feeRate = z.string().describe('yuan per m² of exclusive area per month, exact to the fen');
const area = z.string().describe('m², an exact decimal string to the ten-thousandth');
const percent = z.string().describe('a percentage rounded down to 0.01 (e.g. "66.66"), exact integer arithmetic');
const firmId = z.string().describe('the unified social credit code (统一社会信用代码)');

const scoreRule = z
  .object({ fullAt: z.number().int().describe('a score at or above releases the whole share'), noneBelow: z.number().int().describe('a score under it releases nothing') })
  .describe('湖州 Art. 34: how a period’s held-back fees are released by its assessment score');
const criterion = z.object({ criterionId: z.string(), name: z.string(), weight: z.number().int().describe('the weights sum to 100') });
const assessmentItem = z.object({ itemId: z.string(), name: z.string(), points: z.number().int().describe('the points sum to 100') });
const bidTerms = z.object({
  feePerSquareMetreMonth: feeRate,
  servicePlanRef: z.string().describe('the service plan document (服务方案)'),
  staffing: z.number().describe('staff on site (人员配置)'),
  promises: z.array(z.string()).readonly().describe('public service promises (服务承诺; Civil Code Art. 938 para. 2: they bind the firm)'),
});
const shortlistEntry = z.object({
  firmId,
  name: z.string(),
  feePerSquareMetreMonth: feeRate,
  weightedSum: z.number().int().describe("the sum of the evaluators' weighted scores (each 0–10,000, hundredths of a point)"),
  evaluations: z.number().int().describe('how many evaluators scored it; the average is weightedSum ÷ evaluations'),
});

/** A bid on the board after the deadline (renderTender). */
const bid = z.object({
  firmId,
  firmName: z.string().nullable(),
  submittedAt: instant,
  commitment: z.string().describe('hex SHA-256 of the terms and a salt (domain/hiring/sealedBid.ts)'),
  status: z.enum(['revealed', 'non_compliant', 'awaiting_reveal', 'not_revealed']).describe('non_compliant: revealed with a fee over the ceiling; not_revealed: the reveal window closed without it'),
  terms: bidTerms.nullable().describe('once revealed'),
  nonCompliance: z.string().nullable(),
  evaluations: z.number().int(),
  weightedSum: z.number().int().describe('the sum of the weighted scores (hundredths of a point each)'),
});

/** 招标: a tender on the notice board; before the deadline the number of bids only (renderTender). */
export const tenderView = z.object({
  tenderId: z.string(),
  compoundId: z.string(),
  title: z.string(),
  scope: z.string().describe('服务范围'),
  standards: z.string().describe('服务标准'),
  feeCeiling: feeRate.describe('最高限价: yuan per m² per month'),
  termMonths: z.number().int(),
  bidDeadline: instant,
  revealUntil: instant.describe('the end of the reveal window'),
  criteria: z.array(criterion).readonly(),
  holdBackPercent: z.number().int().describe('the share of the fees held back until assessed (湖州 Art. 34)'),
  scoreRule,
  yellowLine: z.number().int().describe('a quarterly score under it is a yellow card'),
  publishedAt: instant,
  evaluatorsDeclared: z.number().int().describe('evaluators who declared their conflicts of interest (never who)'),
  conflictsDeclared: z.number().int(),
  motionId: z.string().nullable().describe('the shortlist’s motion, once put to the owners'),
  shortlist: z.array(shortlistEntry).readonly(),
  sealed: z.boolean().describe('before the deadline: bids is empty, bidCount alone is shown'),
  bidCount: z.number().int(),
  bids: z.array(bid),
});

const period = z.object({ period: z.number().int().describe('1-based quarter of the term'), from: chinaDate, to: chinaDate, heldBack: yuan.describe("the period's held-back share (yuan)") });
const assessment = z.object({
  period: z.number().int(),
  items: z.array(z.object({ itemId: z.string(), score: z.number() })).readonly(),
  total: z.number().int(),
  scoredAt: instant,
  confirmedAt: instant.nullable().describe("the residents' committee's countersignature"),
  release: z.object({ heldBack: yuan, released: yuan, withheld: yuan, band: z.string() }).nullable().describe('the held-back share released by the score rule, once countersigned (湖州 Art. 34)'),
});

/** 物业服务合同: a contract on the notice board (renderContract). */
export const contractView = z.object({
  contractId: z.string(),
  compoundId: z.string(),
  terms: z.object({
    contractId: z.string(),
    tenderId: z.string(),
    compoundId: z.string(),
    jurisdiction: z.enum(jurisdictions as [Jurisdiction, ...Jurisdiction[]]),
    motionId: z.string(),
    decisionId: z.string(),
    firm: z.object({ firmId, name: z.string(), creditCode: z.string() }),
    feePerSquareMetreMonth: feeRate.describe('收费标准 from the adopted bid'),
    chargeableArea: area.describe('the exclusive area the fee is charged on'),
    termMonths: z.number().int(),
    services: z.object({ scope: z.string(), standards: z.string(), servicePlanRef: z.string(), staffing: z.number(), promises: z.array(z.string()).readonly() }).describe('Civil Code Art. 938'),
    holdBackPercent: z.number().int(),
    heldBackTotal: yuan.describe("the term's held-back total: ⌊fee × area × months × percent⌋ fen"),
    scoreRule,
    yellowLine: z.number().int(),
    assessmentTemplate: z.array(assessmentItem).readonly(),
    nonRenewalNoticeDays: z.number().int().describe('Civil Code Art. 947'),
    dismissalNoticeDays: z.number().int().describe('Civil Code Art. 946'),
    handover: z.object({ days: z.number().int(), article: z.string(), items: z.array(z.enum(HANDOVER_ITEMS as unknown as [HandoverItem, ...HandoverItem[]])).readonly() }).describe('交接 (Civil Code Art. 949)'),
    drawnAt: instant,
  }),
  status: z.enum(['drawn', 'signed', 'indefinite', 'ended']).describe('indefinite: expired with neither decision nor notice (Civil Code Art. 948)'),
  signed: z
    .object({ signedAt: instant, documentRef: z.string(), startsOn: chinaDate, lastDay: chinaDate, expiresAt: instant, managerReportDueBy: instant.describe('京条例 Art. 66: 3 days'), renewalDecisionDueBy: instant.describe('京条例 Art. 75: 6 months before expiry') })
    .nullable()
    .describe('Civil Code Art. 939'),
  periods: z.array(period).readonly(),
  preContractEndedAt: instant.nullable().describe("the developer's pre-contract ended (Civil Code Art. 940)"),
  managerReportedAt: instant.nullable(),
  assessments: z.array(assessment).readonly(),
  yellowCards: z.array(z.object({ period: z.number().int(), year: z.number().int(), score: z.number(), rectifyBy: instant, rectifiedAt: instant.nullable() })).readonly(),
  redCards: z.array(z.object({ year: z.number().int().describe('the contract year'), periods: z.array(z.number().int()), issuedAt: instant })).readonly().describe('three yellow cards in a contract year'),
  renewalDecision: z.object({ decisionId: z.string(), action: z.string(), recordedAt: instant }).nullable(),
  nonRenewalNotice: z
    .object({ givenAt: instant, daysBefore: z.number().int().nullable(), requiredDays: z.number().int(), late: z.boolean().describe('given less than requiredDays before expiry: recorded, not refused'), endsAt: instant, article: z.string() })
    .nullable()
    .describe('Civil Code Art. 947'),
  dismissalNotice: z.object({ decisionId: z.string(), givenAt: instant, days: z.number().int(), endsAt: instant, article: z.string() }).nullable().describe('Civil Code Art. 946 (Art. 948 when indefinite)'),
  indefiniteSince: instant.nullable(),
  ended: z.object({ endedAt: instant, reason: z.string(), handoverDueBy: instant, article: z.string() }).nullable(),
  handover: z.array(z.object({ item: z.string(), confirmedAt: instant.nullable(), overdue: z.boolean().describe('unconfirmed after handoverDueBy') })),
  takenOverAt: instant.nullable(),
  complaints: z.array(
    z.object({
      complaintId: z.string(),
      subject: z.string(),
      filedAt: instant,
      answerDueBy: instant.describe('杭条例 Art. 50: 10 days'),
      answeredAt: instant.nullable(),
      late: z.boolean(),
      responseDays: z.number().int().nullable().describe('China days from filing to answer'),
      overdue: z.boolean(),
    }),
  ),
  disclosures: z.array(z.object({ period: z.number().int(), kinds: z.array(z.string()), filedAt: instant })).readonly(),
  fee: feeRate.describe('the fee in force (杭条例 Art. 53 adjustments applied)'),
  feeChanges: z.array(z.object({ adjustmentId: z.string(), decisionId: z.string(), previousFee: feeRate, fee: feeRate, effectiveFrom: chinaDate, at: instant })).readonly(),
  heldBackSoFar: z.object({ heldBack: yuan, released: yuan, withheld: yuan }).describe('over the countersigned assessments: released + withheld = held back'),
  missingDisclosures: z.array(z.number().int()).describe('ended periods without the firm’s disclosure (Civil Code Art. 943)'),
  servingUntilTakeover: z.boolean().describe('ended, and the old firm serves until the successor takes over (Civil Code Art. 950)'),
});

/** 调价: a fee adjustment on the notice board (杭条例 Art. 53; renderFeeAdjustment). */
export const feeAdjustmentView = z.object({
  adjustmentId: z.string(),
  contractId: z.string(),
  compoundId: z.string(),
  currentFee: feeRate,
  proposedFee: feeRate,
  auditReportRef: z.string().describe("the audit report of last year's accounts (Art. 53 (一))"),
  range: z.string(),
  reasons: z.string(),
  status: z.enum(['proposed', 'posted', 'put_to_owners', 'adopted', 'rejected']),
  proposedAt: instant,
  postedAt: instant.nullable(),
  postedUntil: instant.nullable().describe('30 days or more after posting (Art. 53 (三))'),
  motionId: z.string().nullable().describe('the yes_no motion fee-<adjustmentId> (Art. 53 (四))'),
  decisionId: z.string().nullable(),
  resolvedAt: instant.nullable(),
  postingRunning: z.boolean(),
});

const axis = { area, headcount: z.number().int().describe('voter identities (co-owners once)') };

/** 满意度测评: a survey's results on both axes, no respondent named (renderSurvey). */
export const surveyView = z.object({
  surveyId: z.string(),
  compoundId: z.string(),
  contractId: z.string(),
  title: z.string(),
  questions: z.array(z.object({ questionId: z.string(), text: z.string() })).readonly(),
  opensAt: instant,
  closesAt: instant,
  respondents: z.object(axis),
  status: z.enum(['scheduled', 'open', 'closed']),
  eligible: z.object(axis).describe("every voter identity but the developer's"),
  participation: z.object({ areaPercent: percent, headcountPercent: percent }),
  results: z.array(
    z.object({
      questionId: z.string(),
      text: z.string(),
      levels: z.array(z.object({ ...axis, level: z.number().int().describe('1 (非常不满意) to 5 (非常满意)'), label: z.string() })).readonly(),
      answered: z.object(axis),
      satisfied: z.object({ ...axis, areaPercent: percent, headcountPercent: percent }).describe('levels 4 and 5'),
    }),
  ),
  threshold: z.null().describe('none: a survey informs, it decides nothing'),
});

/** The firm on the notice board (GET /v1/compounds/{compoundId}/property-firm). */
export const propertyFirmView = z.object({
  compoundId: z.string(),
  current: contractView.nullable().describe('the latest contract signed and not yet taken over'),
  contracts: z.array(contractView),
  tenders: z.array(tenderView),
  feeAdjustments: z.array(feeAdjustmentView),
  surveys: z.array(surveyView),
});

type ContractView = ReturnType<typeof renderContract>;
/** What the property-firm route answers. */
export interface PropertyFirmView {
  compoundId: string;
  current: ContractView | null;
  contracts: ContractView[];
  tenders: ReturnType<typeof renderTender>[];
  feeAdjustments: ReturnType<typeof renderFeeAdjustment>[];
  surveys: ReturnType<typeof renderSurvey>[];
}

true satisfies ViewMatches<typeof tenderView, ReturnType<typeof renderTender>>;
true satisfies ViewMatches<typeof contractView, ContractView>;
true satisfies ViewMatches<typeof feeAdjustmentView, ReturnType<typeof renderFeeAdjustment>>;
true satisfies ViewMatches<typeof surveyView, ReturnType<typeof renderSurvey>>;
true satisfies ViewMatches<typeof propertyFirmView, PropertyFirmView>;
