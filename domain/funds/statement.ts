/**
 * A ledger's statement for a period (账目公布: 维修资金办法 Art. 30; 沪规定 Art. 66; 京条例 Art. 85), generated
 * from the ledger itself: the opening balance of the ledger's own accounts, what came in and went out in the
 * period by authority, and the closing balance. Exact: closing = opening + in − out, in fen.
 *
 * "Own" accounts hold the owners' money: the maintenance fund's sub-accounts and `compound`; public income's
 * `income`. Moves between own accounts (none today) would net out; holds (pending transfers) move nothing.
 */
import { formatYuan, type Fen } from '../shared/money.js';
import { fenOf } from './book.js';
import { COMPOUND_ACCOUNT, INCOME, type Authority, type Ledger, type Transfer } from './ledger.js';

export const isOwnAccount = (ledger: Ledger, account: string): boolean => (ledger === 'maintenance' ? account.startsWith('unit:') || account === COMPOUND_ACCOUNT : account === INCOME);

export interface Statement {
  readonly ledger: Ledger;
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly opening: string;
  /** Money in, by the authority of the transfer (deposit, income_contract, income_to_fund, correction...). */
  readonly inflows: Readonly<Record<string, string>>;
  readonly outflows: Readonly<Record<string, string>>;
  readonly closing: string;
  /** Posted transfers of the period that touched an own account. */
  readonly transfers: number;
}

/** `transfers` in log order; only posted ones count. */
export function statementOf(ledger: Ledger, period: string, from: Date, to: Date, transfers: Iterable<Transfer>): Statement {
  let opening: Fen = 0n;
  let count = 0;
  const inflows = new Map<Authority['kind'], Fen>();
  const outflows = new Map<Authority['kind'], Fen>();
  for (const t of transfers) {
    if (t.ledger !== ledger || t.phase !== 'posted') continue;
    const fromOwn = isOwnAccount(ledger, t.from);
    const toOwn = isOwnAccount(ledger, t.to);
    if (fromOwn === toOwn) continue;
    const fen = fenOf(t.amount);
    const at = Date.parse(t.at);
    if (at < from.getTime()) {
      opening += toOwn ? fen : -fen;
      continue;
    }
    if (at >= to.getTime()) continue;
    count++;
    const side = toOwn ? inflows : outflows;
    side.set(t.authority.kind, (side.get(t.authority.kind) ?? 0n) + fen);
  }
  const sum = (m: Map<string, Fen>) => [...m.values()].reduce((s, x) => s + x, 0n);
  const yuan = (m: Map<string, Fen>) => Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, formatYuan(v)]));
  return { ledger, period, from: from.toISOString(), to: to.toISOString(), opening: formatYuan(opening), inflows: yuan(inflows), outflows: yuan(outflows), closing: formatYuan(opening + sum(inflows) - sum(outflows)), transfers: count };
}
