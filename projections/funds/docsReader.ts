/**
 * Queries over the funds read model (projections/funds), for the funds' and the supervisory board's views: any
 * reader of documents (the read store, or a past view of it).
 */
import { accountDocId, FUNDS_ACCOUNTS, FUNDS_DISCLOSURES, FUNDS_ENTRIES, FUNDS_META, FUNDS_RELEASES, FUNDS_TRANSFERS, seqKey, type AccountDoc, type DisclosureDoc, type EntryDoc, type FundsMetaDoc, type ReleaseDoc, type TransferDoc } from './docs.js';

/** What the queries need of a document reader. */
export interface FundsDocReader {
  get<T = unknown>(collection: string, id: string): T | undefined;
  list<T = unknown>(collection: string, parent: string, options?: { limit?: number; afterSortKey?: string }): T[];
}

export interface FundsDocs {
  meta(compoundId: string): FundsMetaDoc | undefined;
  accounts(compoundId: string): AccountDoc[];
  account(compoundId: string, ledger: string, account: string): AccountDoc | undefined;
  releases(compoundId: string): ReleaseDoc[];
  release(releaseId: string): ReleaseDoc | undefined;
  transfer(transferId: string): TransferDoc | undefined;
  /** Transfers of the compound in log order, after sequence number `after` (0: from the start). */
  transfers(compoundId: string, after: number, limit: number): TransferDoc[];
  /** Transfers touching one account in log order, after sequence number `after`. */
  accountTransfers(compoundId: string, ledger: string, account: string, after: number, limit: number): TransferDoc[];
  disclosures(compoundId: string): DisclosureDoc[];
}

export function fundsDocs(read: FundsDocReader): FundsDocs {
  const from = (after: number) => (after > 0 ? { afterSortKey: seqKey(after) } : {});
  return {
    meta: (compoundId) => read.get<FundsMetaDoc>(FUNDS_META, compoundId),
    accounts: (compoundId) => read.list<AccountDoc>(FUNDS_ACCOUNTS, compoundId),
    account: (compoundId, ledger, account) => read.get<AccountDoc>(FUNDS_ACCOUNTS, accountDocId(compoundId, ledger, account)),
    releases: (compoundId) => read.list<ReleaseDoc>(FUNDS_RELEASES, compoundId),
    release: (releaseId) => read.get<ReleaseDoc>(FUNDS_RELEASES, releaseId),
    transfer: (transferId) => read.get<TransferDoc>(FUNDS_TRANSFERS, transferId),
    transfers: (compoundId, after, limit) => read.list<TransferDoc>(FUNDS_TRANSFERS, compoundId, { limit, ...from(after) }),
    accountTransfers(compoundId, ledger, account, after, limit) {
      const entries = read.list<EntryDoc>(FUNDS_ENTRIES, accountDocId(compoundId, ledger, account), { limit, ...from(after) });
      return entries.map((e) => read.get<TransferDoc>(FUNDS_TRANSFERS, e.transferId)).filter((t): t is TransferDoc => t !== undefined);
    },
    disclosures: (compoundId) => read.list<DisclosureDoc>(FUNDS_DISCLOSURES, compoundId),
  };
}
