/**
 * The ledgers, double-entry, in fen (domain/shared/money.ts). Two ledgers per compound, never mixed:
 * the maintenance fund (住宅专项维修资金) and public income (公共收益; a separate ledger: 沪规定 Art. 51,
 * 京条例 Art. 74, 杭条例 Arts. 48, 60). Every transfer moves an amount from one account to another of the same
 * ledger, so each ledger's posted balances sum to zero; only the ledger's `sources` account (money from outside:
 * owners' and the developer's payments, contract income) stands below zero, by what the ledger received.
 * Every other account must never go below zero, counting the holds on it.
 */

/** Which ledger (账): the maintenance fund or public income. */
export type Ledger = 'maintenance' | 'public_income';
export const ledgers: readonly Ledger[] = ['maintenance', 'public_income'];

/**
 * An account of a ledger. Maintenance fund: `sources` (the counter-account of money received), `unit:<unitId>`
 * (分户账, an owner sub-account), `compound` (the compound's account: public income paid into the fund, not yet
 * in any sub-account), `disbursed` (paid to contractors). Public income: `sources`, `income` (公共收益账户),
 * `to_fund` (paid into the maintenance fund), `spent` (spent by an owners' decision).
 */
export type AccountId = string;

export const SOURCES = 'sources';
export const COMPOUND_ACCOUNT = 'compound';
export const DISBURSED = 'disbursed';
export const INCOME = 'income';
export const TO_FUND = 'to_fund';
export const SPENT = 'spent';
export const unitAccount = (unitId: string): AccountId => `unit:${unitId}`;
export const unitOfAccount = (account: AccountId): string | null => (account.startsWith('unit:') ? account.slice(5) : null);

/** The only account allowed below zero: the counter-account of money from outside the ledger. */
export const mayGoNegative = (account: AccountId): boolean => account === SOURCES;

/** What a transfer rests on (its authority); evidence references travel beside it. */
export type Authority =
  /** 交存: a deposit into a sub-account; the developer pays for unsold units (维修资金办法 Art. 21). */
  | { readonly kind: 'deposit'; readonly unitId: string; readonly basis: 'first_deposit' | 'top_up'; readonly payer: 'owner' | 'developer' }
  /** 业主大会决定: a final, unrevoked `use_maintenance_fund` decision, for a release (维修资金办法 Arts. 22–23). */
  | { readonly kind: 'decision'; readonly decisionId: string; readonly releaseId: string; readonly budget: string; readonly reapprovalDecisionId?: string }
  /** 应急使用: an emergency certified by the OC's review (and the street office's confirmation where required). */
  | { readonly kind: 'emergency'; readonly releaseId: string; readonly item: string; readonly reviewRef: string; readonly confirmationRef?: string }
  /** 公共收益: income under a contract (parking, advertising, a lease of common premises). */
  | { readonly kind: 'income_contract'; readonly contractId: string }
  /** Public income paid into the maintenance fund (沪规定 Art. 51; 京条例 Art. 74; 杭条例 Art. 60). */
  | { readonly kind: 'income_to_fund'; readonly article: string }
  /** 冲正: the reversal of an earlier transfer, with the reason; a correction is a reversal and a new transfer. */
  | { readonly kind: 'correction'; readonly reverses: string; readonly reason: string };

/**
 * A transfer (记账凭证), immutable. `phase: pending` is a hold (TigerBeetle's pending transfer): it reserves the
 * amount on `from` without moving it, and is later voided (the hold released) by the settlement or the void of
 * its release; `posted` moves the amount.
 */
export interface Transfer {
  readonly transferId: string;
  readonly ledger: Ledger;
  readonly from: AccountId;
  readonly to: AccountId;
  /** Yuan, exact (formatYuan): always positive. */
  readonly amount: string;
  readonly phase: 'posted' | 'pending';
  readonly authority: Authority;
  readonly evidence: readonly string[];
  readonly at: string;
}
