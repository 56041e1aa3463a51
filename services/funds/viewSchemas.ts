/**
 * Response schemas of the funds' reads (services/funds/routes.ts), so /docs documents them. They mirror the
 * views of projections/funds/view.ts (ledgerView, releaseView, subAccountView, disclosureView) field for field,
 * and the compiler holds each schema to its view (services/api/viewMatchesSchema.ts): the serializer drops a
 * field a schema leaves out, so a field added to a view alone fails `tsc`. Amounts are yuan as exact decimal
 * strings with two places (formatYuan: "1500000.00", "-3.50"); never a float, never a person. The parts the
 * supervisory trace shares (an account, a release, a transfer) are in services/api/views/fundsViews.ts.
 */
import { z } from 'zod';
import type { disclosureView, ledgerView, subAccountView } from '../../projections/funds/index.js';
import { asOfSchema } from '../api/views/asOf.js';
import { accountSchema, instant, ledger, releaseSchema, transferSchema, yuan } from '../api/views/fundsViews.js';
import type { ViewMatches } from '../api/viewMatchesSchema.js';

/** Both ledgers (ledgerView). */
export const ledgerSchema = z.object({
  compoundId: z.string(),
  jurisdiction: z.string(),
  ratePerSquareMetre: yuan.describe('the first deposit per m², yuan (维修资金办法 Art. 7)'),
  ledgersBalance: z.record(z.string(), yuan).describe('per ledger, the sum of its posted balances: "0.00" (double entry)'),
  transfers: z.number().int().describe('transfers recorded'),
  accounts: z.array(accountSchema).readonly(),
  topUpDue: z.array(z.string()).readonly().describe('units whose sub-account is due a top-up (below 30% of its first deposit)'),
  releases: z.array(releaseSchema).readonly(),
});

/** One sub-account (分户账) with a page of its transfers (subAccountView and the page's cursor). */
export const subAccountSchema = z.object({
  unitId: z.string(),
  firstDeposit: yuan.nullable(),
  balance: yuan,
  held: yuan,
  available: yuan,
  topUpDue: z.boolean(),
  transfers: z.array(transferSchema).readonly(),
  next: z.string().nullable().describe('the cursor of the next page (?cursor=), or null'),
});

/** A posted statement (账目公布, disclosureView). */
export const disclosureSchema = z.object({
  disclosureId: z.string(),
  ledger,
  period: z.string().describe('YYYY-Qn, YYYY-MM or YYYY (the pack’s cadence)'),
  from: instant,
  to: instant,
  opening: yuan.describe('the own accounts’ balance at the start, yuan'),
  inflows: z.record(z.string(), yuan).describe('money in, by authority kind, yuan'),
  outflows: z.record(z.string(), yuan).describe('money out, by authority kind, yuan'),
  closing: yuan.describe('opening + in − out, yuan'),
  transfers: z.number().int(),
  dueBy: instant,
  publishedAt: instant,
  late: z.boolean(),
});

export const ledgerResponse = ledgerSchema.extend({ asOf: asOfSchema });
export const releaseResponse = releaseSchema.extend({ asOf: asOfSchema });
export const subAccountResponse = subAccountSchema.extend({ asOf: asOfSchema });
export const disclosuresResponse = z.object({ disclosures: z.array(disclosureSchema).readonly(), asOf: asOfSchema });

// The compiler holds each schema to its view.
type SubAccount = ReturnType<typeof subAccountView> & { next: string | null };
export const fundsSchemasMatch: readonly [
  ViewMatches<typeof ledgerSchema, ReturnType<typeof ledgerView>>,
  ViewMatches<typeof subAccountSchema, SubAccount>,
  ViewMatches<typeof disclosureSchema, ReturnType<typeof disclosureView>>,
] = [true, true, true];
