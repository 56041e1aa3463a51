/**
 * 议案内容: the schema of a motion's typed proposal (domain/assembly/proposals.ts), shared by the motion's and
 * the decision's response schemas; `ViewMatches` holds it to the `Proposal` type.
 */
import { z } from 'zod';
import type { Proposal } from '../../domain/assembly/index.js';
import type { ViewMatches } from '../api/viewMatchesSchema.js';

const scope = z
  .discriminatedUnion('kind', [z.object({ kind: z.literal('compound') }), z.object({ kind: z.literal('buildings'), buildings: z.array(z.string()).readonly() })])
  .describe('the whole compound, or the owners of some buildings');
const organisation = z.object({ name: z.string(), creditCode: z.string().optional().describe('统一社会信用代码, 18 characters') });
const yuan = z.string().describe('yuan, exact decimal to the fen');

/** A motion's proposal, typed per matter. */
export const proposalView = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('use_maintenance_fund'),
      plan: z.string(),
      budget: yuan,
      chargeScope: scope.describe('分摊范围: who bears the cost, and so who decides (维修资金办法 Arts. 22–23)'),
      works: z.array(z.object({ item: z.string(), estimate: yuan.optional() })).readonly(),
      contractor: organisation.optional(),
    }),
    z.object({ kind: z.literal('raise_maintenance_fund'), ratePerSquareMetre: yuan.describe('yuan per m² of exclusive area') }),
    z.object({ kind: z.literal('hire_or_dismiss_firm'), action: z.enum(['hire', 'dismiss', 'renew']), firm: organisation.optional() }),
    z.object({ kind: z.literal('elect_committee'), electionId: z.string().optional(), seats: z.number().int() }),
    z.object({ kind: z.literal('change_common_use'), what: z.string(), where: z.string(), incomeUse: z.string() }),
    z.object({ kind: z.literal('text'), text: z.string() }),
  ])
  .describe('typed per matter');

true satisfies ViewMatches<typeof proposalView, Proposal>;
