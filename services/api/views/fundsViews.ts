/**
 * schemasA: response schemas of the funds' read model's views (projections/funds/view.ts: an account, a
 * release, a transfer), shared by the funds' reads (services/funds/viewSchemas.ts) and the supervisory trace
 * (services/supervision/viewSchemas.ts), which renders the same views; here, outside both contexts, so that
 * neither imports the other's internals (.dependency-cruiser.cjs). Amounts are yuan as exact decimal strings
 * with two places (formatYuan: "1500000.00", "-3.50"); never a float, never a person.
 */
import { z } from 'zod';
import type { accountView, releaseView, transferView } from '../../../projections/funds/index.js';
import type { ViewMatches } from '../viewMatchesSchema.js';

export const instant = z.string().describe('ISO-8601 instant');
export const yuan = z.string().describe('yuan, exact decimal with two places ("1500000.00"); the `sources` account is the only one below zero');
export const ledger = z.enum(['maintenance', 'public_income']).describe('住宅专项维修资金 or 公共收益, never mixed');
const account = z.string().describe('maintenance: sources, unit:<unitId> (分户账), compound, disbursed; public_income: sources, income, to_fund, spent');
const scope = z.discriminatedUnion('kind', [z.object({ kind: z.literal('compound') }), z.object({ kind: z.literal('buildings'), buildings: z.array(z.string()).readonly() })]).describe('who bears the cost (分摊范围): the whole compound or some buildings');
/** A contractor or firm: its name and unified social credit code (统一社会信用代码). */
export const organisation = z.object({ name: z.string(), creditCode: z.string().optional().describe('统一社会信用代码, 18 characters') });

/** What a transfer rests on (domain/funds/ledger.ts Authority). */
export const authoritySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('deposit'), unitId: z.string(), basis: z.enum(['first_deposit', 'top_up']), payer: z.enum(['owner', 'developer']) }).describe('交存 into a sub-account (维修资金办法 Art. 21: the developer pays for unsold units)'),
  z.object({ kind: z.literal('decision'), decisionId: z.string(), releaseId: z.string(), budget: yuan, reapprovalDecisionId: z.string().optional() }).describe('业主大会决定: a final use_maintenance_fund decision (维修资金办法 Arts. 22–23)'),
  z.object({ kind: z.literal('emergency'), releaseId: z.string(), item: z.string(), reviewRef: z.string(), confirmationRef: z.string().optional() }).describe('应急使用: certified by the OC’s review (and the street office’s confirmation where required)'),
  z.object({ kind: z.literal('income_contract'), contractId: z.string() }).describe('公共收益 under a contract'),
  z.object({ kind: z.literal('income_to_fund'), article: z.string() }).describe('public income paid into the fund'),
  z.object({ kind: z.literal('correction'), reverses: z.string(), reason: z.string() }).describe('冲正: the reversal of an earlier transfer'),
]);

/** A transfer (记账凭证) as shown: whether it was reversed (by which) or its hold voided (transferView). */
export const transferSchema = z.object({
  transferId: z.string(),
  ledger,
  from: account,
  to: account,
  amount: yuan.describe('yuan, exact decimal, always positive'),
  phase: z.enum(['posted', 'pending']).describe('pending: a hold reserving the amount on `from`, later voided'),
  authority: authoritySchema,
  evidence: z.array(z.string()).readonly().describe('evidence references'),
  at: instant,
  seq: z.number().int().describe('the transfer’s sequence number in the compound'),
  reversedBy: z.string().nullable().describe('the correction that reversed it'),
  voided: z.boolean().describe('a hold released by its release’s settlement or void'),
});

/** One account's balances (AccountView). */
export const accountSchema = z.object({
  ledger: z.string().describe('maintenance or public_income'),
  account,
  balance: yuan.describe('posted balance, yuan'),
  held: yuan.describe('held by pending transfers (holds), yuan'),
  available: yuan.describe('balance − held, yuan'),
  transfers: z.number().int(),
});

/** A release and its phases (releaseView). */
export const releaseSchema = z.object({
  releaseId: z.string(),
  kind: z.enum(['decision', 'emergency']).describe('on an owners’ decision (维修资金办法 Arts. 22–23) or an emergency (Art. 24)'),
  status: z.enum(['awaiting_certification', 'rejected', 'authorised', 'advance_held', 'accepted', 'audited', 'settled', 'void']),
  decisionId: z.string().nullable().describe('the decision it rests on; null for an emergency'),
  item: z.string().nullable().describe('an emergency’s catalogue item'),
  budget: yuan.describe('the decision’s budget (an emergency: its estimate), yuan'),
  contractPrice: yuan,
  contractor: organisation,
  chargeScope: scope,
  units: z.number().int().describe('sub-accounts charged'),
  requestedAt: instant,
  advance: yuan.nullable().describe('the advance held (预付款), yuan'),
  acceptedAt: instant.nullable(),
  audit: z.object({ kind: z.enum(['audited', 'waived']), amount: yuan }).nullable().describe('the settlement audit (审价), or its waiver'),
  settled: z.object({ amount: yuan, at: instant, postHocReviewDueBy: instant.nullable() }).nullable(),
  reapprovalDecisionId: z.string().nullable().describe('a new decision for a settlement ≥ 10% over the budget'),
  voidedAt: instant.nullable(),
  postHocReviewAt: instant.nullable(),
});

// The compiler holds each schema to its view.
export const fundsViewPartsMatch: readonly [
  ViewMatches<typeof accountSchema, ReturnType<typeof accountView>>,
  ViewMatches<typeof releaseSchema, ReturnType<typeof releaseView>>,
  ViewMatches<typeof transferSchema, ReturnType<typeof transferView>>,
] = [true, true, true];
