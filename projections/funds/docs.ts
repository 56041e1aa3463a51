/**
 * The funds' read model (documents of the `funds` projection). Amounts are yuan strings (exact, formatYuan);
 * no document holds a person's name, ID number or phone. Person ids appear only in a release's `actors`
 * (who requested and who approved each step, for the self-approval check of the supervisory board); no view
 * renders them.
 */
import type { MotionScope, Organisation } from '../../domain/assembly/index.js';
import type { Ledger, Statement, Transfer } from '../../domain/funds/index.js';

export const FUNDS_META = 'funds-meta';
export const FUNDS_ACCOUNTS = 'funds-accounts';
export const FUNDS_TRANSFERS = 'funds-transfers';
/** One row per (account, transfer): an account's transfers in log order. */
export const FUNDS_ENTRIES = 'funds-account-entries';
export const FUNDS_RELEASES = 'funds-releases';
export const FUNDS_DISCLOSURES = 'funds-disclosures';

export const accountDocId = (compoundId: string, ledger: Ledger | string, account: string): string => `${compoundId}|${ledger}/${account}`;
/** Sort keys of transfers and entries: the transfer's sequence number in the compound, zero-padded. */
export const seqKey = (seq: number): string => seq.toString().padStart(12, '0');

/** Public income and what went into the fund, per quarter (China time), for the top-up check. */
export interface QuarterDoc {
  income: string;
  toFund: string;
  /** The fund (sub-accounts and `compound`) below 30% of the first deposits as of the quarter's last event. */
  fundBelowThirtyPercent: boolean;
}

export interface FundsMetaDoc {
  readonly compoundId: string;
  readonly jurisdiction: string;
  readonly ratePerSquareMetre: string;
  readonly openedAt: string;
  /** Transfers recorded so far (the last one's sequence number). */
  readonly seq: number;
  readonly topUpDue: readonly string[];
  readonly firstDepositsTotal: string;
  /** Posted balance of the fund's own accounts (sub-accounts and `compound`). */
  readonly fundTotal: string;
  readonly quarters: Readonly<Record<string, QuarterDoc>>;
  /** `<ledger>/<period>` → the disclosure posted for it. */
  readonly disclosures: Readonly<Record<string, { readonly disclosureId: string; readonly publishedAt: string; readonly dueBy: string; readonly late: boolean }>>;
  /** The last recorded instant of any funds event (the projection's own clock, for periods begun). */
  readonly lastEventAt: string;
}

export interface AccountDoc {
  readonly compoundId: string;
  readonly ledger: Ledger;
  readonly account: string;
  readonly balance: string;
  readonly held: string;
  readonly transfers: number;
  readonly firstDeposit: string | null;
}

export interface TransferDoc {
  readonly seq: number;
  readonly compoundId: string;
  readonly transfer: Transfer;
  readonly reversedBy: string | null;
  readonly voided: boolean;
}

export interface EntryDoc {
  readonly seq: number;
  readonly transferId: string;
}

export type ReleaseStatus = 'awaiting_certification' | 'rejected' | 'authorised' | 'advance_held' | 'accepted' | 'audited' | 'settled' | 'void';

export interface ReleaseDoc {
  readonly compoundId: string;
  readonly releaseId: string;
  readonly kind: 'decision' | 'emergency';
  readonly status: ReleaseStatus;
  readonly decisionId: string | null;
  readonly item: string | null;
  readonly budget: string;
  readonly contractPrice: string;
  readonly contractor: Organisation;
  readonly chargeScope: MotionScope;
  readonly units: number;
  readonly requestedAt: string;
  readonly review: 'pending' | 'approved' | 'rejected';
  readonly needsConfirmation: boolean;
  readonly confirmed: boolean;
  readonly advance: string | null;
  readonly advanceTransfers: readonly string[];
  readonly acceptedAt: string | null;
  readonly audit: { readonly kind: 'audited' | 'waived'; readonly amount: string } | null;
  readonly settled: { readonly amount: string; readonly at: string; readonly postHocReviewDueBy: string | null } | null;
  readonly settlementTransfers: readonly string[];
  readonly reapprovalDecisionId: string | null;
  readonly voidedAt: string | null;
  readonly postHocReviewAt: string | null;
  /** Internal (never rendered): who requested, and who took each approving step (review, acceptance, audit, settlement). */
  readonly actors: { readonly requestedBy: string | null; readonly approvals: readonly { readonly step: string; readonly personId: string }[] };
}

export interface DisclosureDoc {
  readonly compoundId: string;
  readonly disclosureId: string;
  readonly statement: Statement;
  readonly dueBy: string;
  readonly publishedAt: string;
  readonly late: boolean;
}
