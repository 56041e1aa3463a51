/**
 * Response schema of the supervisory trace (监事会查账, `GET /v1/compounds/{compoundId}/supervision`), so /docs
 * documents it. It mirrors projections/supervision/trace.ts (supervisoryTrace) field for field, with the funds'
 * views it embeds (services/api/views/fundsViews.ts), and the compiler holds it to the view
 * (services/api/viewMatchesSchema.ts): a field added to the trace alone fails `tsc`. Declarations show the
 * declarant's role and the relation, never a person id.
 */
import { z } from 'zod';
import type { supervisoryTrace } from '../../projections/supervision/index.js';
import { asOfSchema } from '../api/views/asOf.js';
import { accountSchema, authoritySchema, instant, releaseSchema, transferSchema } from '../api/views/fundsViews.js';
import type { ViewMatches } from '../api/viewMatchesSchema.js';

/** The decision a release or a transfer rests on, as the assembly records it now (DecisionRef). */
const decisionRef = z
  .object({ decisionId: z.string(), motionId: z.string(), matter: z.string(), budget: z.string().nullable().describe('yuan, exact decimal'), revokedAt: instant.nullable() })
  .describe('the owners’ decision, with its budget and revocation');

const flag = z.object({
  kind: z.enum(['split_releases', 'overrun_without_reapproval', 'emergency_review_overdue', 'relies_on_revoked_decision', 'self_approval', 'related_party_contractor', 'income_top_up_missed', 'disclosure_overdue']),
  rule: z.string().describe('the rule broken, with its article'),
  records: z.array(z.object({ type: z.enum(['release', 'decision', 'transfer', 'period', 'disclosure', 'declaration']), id: z.string() })).readonly().describe('the records that show it'),
  detail: z.string(),
});

/** A traced transfer: a decision's authority carries the decision as recorded now. */
const tracedAuthority = z.union([
  authoritySchema.options[1].extend({ decision: decisionRef.nullable() }),
  authoritySchema.options[0],
  authoritySchema.options[2],
  authoritySchema.options[3],
  authoritySchema.options[4],
  authoritySchema.options[5],
]);

export const traceSchema = z.object({
  compoundId: z.string(),
  jurisdiction: z.string(),
  transferCount: z.number().int().describe('transfers recorded in the compound'),
  accounts: z.array(accountSchema.extend({ trace: z.string().describe('<ledger>/<account>: pass as ?account= to page through its transfers') })).readonly(),
  releases: z.array(releaseSchema.extend({ decision: decisionRef.nullable(), reapproval: decisionRef.nullable().describe('the decision re-approving an overrun') })).readonly(),
  transfers: z.object({
    items: z.array(transferSchema.extend({ authority: tracedAuthority })).readonly(),
    next: z.string().nullable().describe('the cursor of the next page (?cursor=), or null'),
  }),
  declarations: z.array(
    z.object({
      declarationId: z.string(),
      role: z.enum(['oc_member', 'supervisor']).describe('the declarant’s role (never who)'),
      relation: z.enum(['relative', 'employment', 'shareholding', 'other']),
      related: z.discriminatedUnion('kind', [z.object({ kind: z.literal('organisation'), name: z.string(), creditCode: z.string().optional() }), z.object({ kind: z.literal('person') })]).describe('an organisation by name, or a person (never who)'),
      declaredAt: instant,
    }),
  ).readonly(),
  flags: z.array(flag).readonly().describe('anomaly flags, each naming the rule it breaks'),
});

export const traceResponse = traceSchema.extend({ asOf: asOfSchema });

// The compiler holds the schema to the view.
export const supervisionSchemasMatch: ViewMatches<typeof traceSchema, NonNullable<ReturnType<typeof supervisoryTrace>>> = true;
