/**
 * Balances from transfers: the one place the ledger arithmetic lives (the decider's state, the projection and
 * the property test all use it). An account's `balance` counts posted transfers (in minus out); `held` counts
 * the pending transfers out of it not yet voided; `available` = balance − held.
 */
import { parseYuan } from '../shared/money.js';
import type { Ledger, Transfer } from './ledger.js';

export interface AccountBalance {
  balance: bigint;
  held: bigint;
}

export const accountKey = (ledger: Ledger, account: string): string => `${ledger}/${account}`;

/** Fen of a transfer's amount (written by formatYuan, so always parseable). */
export const fenOf = (amount: string): bigint => {
  const fen = parseYuan(amount);
  if (fen === null) throw new Error(`not an amount: ${amount}`);
  return fen;
};

/** Fen of a balance as formatYuan writes it: may be negative (a ledger's `sources`) and beyond MAX_FEN (sums). */
export const fenOfBalance = (amount: string): bigint => {
  const m = /^(-?)(\d+)\.(\d{2})$/.exec(amount);
  if (!m) throw new Error(`not a balance: ${amount}`);
  const fen = BigInt(m[2]!) * 100n + BigInt(m[3]!);
  return m[1] ? -fen : fen;
};

export class Book {
  readonly accounts = new Map<string, AccountBalance>();

  account(ledger: Ledger, account: string): AccountBalance {
    const key = accountKey(ledger, account);
    let a = this.accounts.get(key);
    if (!a) {
      a = { balance: 0n, held: 0n };
      this.accounts.set(key, a);
    }
    return a;
  }

  available(ledger: Ledger, account: string): bigint {
    const a = this.accounts.get(accountKey(ledger, account));
    return a ? a.balance - a.held : 0n;
  }

  /** A posted transfer moves the amount; a pending one holds it on `from`. */
  apply(t: Transfer): void {
    const fen = fenOf(t.amount);
    if (t.phase === 'pending') {
      this.account(t.ledger, t.from).held += fen;
      return;
    }
    this.account(t.ledger, t.from).balance -= fen;
    this.account(t.ledger, t.to).balance += fen;
  }

  /** Releases the hold of a pending transfer. */
  void(t: Transfer): void {
    this.account(t.ledger, t.from).held -= fenOf(t.amount);
  }
}
