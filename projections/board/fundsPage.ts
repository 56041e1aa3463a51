/**
 * The funds' page on the notice board (维修资金与公共收益), as data: the maintenance fund's sub-accounts as totals
 * per building (never one unit's figures: an owner sees their own sub-account with their token, and nobody
 * else's), the releases with the authority each rests on (the owners' decision, linked to its motion, or the
 * emergency's certification), the posted statements of both ledgers and public income per quarter, each
 * period's disclosure (posted, late, due or overdue) and the supervisory flags. Everything comes from the
 * funds' read model (projections/funds) and its views; nothing is re-derived from the ledger.
 *
 * Exact: amounts stay yuan strings and fen bigints; the bars' SVG user space is fen, so a bar's width is the
 * amount itself (projections/board/bars.ts); the flows chart shares one scale, the largest flow in it.
 *
 * Legal basis of what is shown: 区分所有权解释 Art. 13 (1), (3) (the fund's raising and use; the income of common
 * parts); 维修资金办法 Art. 30 (totals deposited, used and remaining; each charged project with its cost and
 * allocation); Art. 17 (the 30% line for top-ups); 沪规定 Art. 66, 京条例 Art. 85 (statements per period).
 */
import { disclosureDueBy, emergencyItems, fenOfBalance, fundRulePacks, nextPeriod, periodBounds, periodOf, type EmergencyItem, type Ledger } from '../../domain/funds/index.js';
import { formatYuan } from '../../domain/shared/money.js';
import type { AccountDoc, DisclosureDoc, FundsMetaDoc, ReleaseDoc, ReleaseStatus, TransferDoc } from '../funds/index.js';
import { subAccountView } from '../funds/index.js';
import type { DecisionRef, Flag, FlagKind } from '../supervision/index.js';
import { bar, cutDecimal, type Bar } from './bars.js';

export const LEDGER_LABELS: Readonly<Record<Ledger, string>> = { maintenance: '专项维修资金', public_income: '公共收益' };

export const RELEASE_STATUS_LABELS: Readonly<Record<ReleaseStatus, string>> = {
  awaiting_certification: '待审核确认',
  rejected: '审核未通过',
  authorised: '已批准',
  advance_held: '已预留预付款',
  accepted: '已验收',
  audited: '已审价',
  settled: '已结算',
  void: '已作废',
};

/** What a flow is, by the authority of its transfers (domain/funds/ledger.ts). */
export const AUTHORITY_LABELS: Readonly<Record<string, string>> = {
  deposit: '业主交存',
  decision: '业主大会决定使用',
  emergency: '应急使用',
  income_contract: '公共收益收入',
  income_to_fund: '公共收益转入维修资金',
  correction: '冲正',
};
const authorityLabel = (kind: string): string => AUTHORITY_LABELS[kind] ?? kind;

export const FLAG_LABELS: Readonly<Record<FlagKind, string>> = {
  split_releases: '疑似拆分支取',
  overrun_without_reapproval: '结算超出预算而未重新表决',
  emergency_review_overdue: '应急使用未按期事后审核',
  relies_on_revoked_decision: '所依据的决定已被撤销',
  self_approval: '申请与审批未分离',
  related_party_contractor: '施工单位与业委会委员或监事存在申报的关联关系',
  income_top_up_missed: '公共收益未按规定补充维修资金',
  disclosure_overdue: '账目未按期公布',
};

/** A unit's place in the compound, from the registry: its building. */
export interface UnitPlace {
  readonly unitId: string;
  readonly building: string;
}

export interface BuildingRow {
  readonly building: string;
  readonly units: number;
  readonly firstDeposits: string;
  readonly balance: string;
  readonly held: string;
  readonly topUpDue: number;
  /** The balance against the first deposits, the line at 30% (维修资金办法 Art. 17). */
  readonly bar: Bar;
}

export interface FlowRow {
  readonly ledger: Ledger;
  readonly period: string;
  readonly inflow: string;
  readonly outflow: string;
  /** Widths in the chart's user space (fen), against `scale`. */
  readonly inWidth: string;
  readonly outWidth: string;
}

export interface PeriodRow {
  readonly ledger: Ledger;
  readonly ledgerLabel: string;
  readonly period: string;
  readonly from: string;
  readonly to: string;
  readonly dueBy: string;
  readonly status: 'posted' | 'posted_late' | 'due' | 'overdue' | 'running';
  readonly statusLabel: string;
  readonly publishedAt: string | null;
}

const PERIOD_STATUS: Readonly<Record<PeriodRow['status'], string>> = { posted: '已公布', posted_late: '逾期公布', due: '待公布（未到期）', overdue: '逾期未公布', running: '本期进行中' };

/** The releases as shown: the authority named (a decision, with its motion; or the emergency's certification). */
export interface ReleaseRow {
  readonly releaseId: string;
  readonly kind: 'decision' | 'emergency';
  readonly statusLabel: string;
  readonly authority: string;
  readonly motionId: string | null;
  readonly reapprovalMotionId: string | null;
  readonly revoked: boolean;
  readonly contractor: string;
  readonly scope: string;
  readonly units: number;
  readonly budget: string;
  readonly contractPrice: string;
  readonly advance: string | null;
  readonly audit: string | null;
  readonly settled: string | null;
  readonly settledAt: string | null;
  readonly requestedAt: string;
  readonly acceptedAt: string | null;
}

export interface FundsPageInputs {
  readonly meta: FundsMetaDoc;
  readonly accounts: readonly AccountDoc[];
  readonly releases: readonly ReleaseDoc[];
  readonly disclosures: readonly DisclosureDoc[];
  readonly units: readonly UnitPlace[];
  readonly decisions: (decisionId: string) => DecisionRef | null;
  readonly flags: readonly Flag[];
  readonly now: Date;
}

const sumFen = (xs: Iterable<string>): bigint => {
  let s = 0n;
  for (const x of xs) s += fenOfBalance(x);
  return s;
};

export function fundsPage(i: FundsPageInputs) {
  const rules = fundRulePacks[i.meta.jurisdiction as keyof typeof fundRulePacks] ?? fundRulePacks.national;
  const maintenance = i.accounts.filter((a) => a.ledger === 'maintenance');
  const byUnit = new Map(maintenance.filter((a) => a.account.startsWith('unit:')).map((a) => [a.account.slice(5), a]));
  const topUp = new Set(i.meta.topUpDue);

  // Sub-accounts as totals per building (维修资金办法 Art. 30 (1)); units with no account yet count as zero.
  const buildings = new Map<string, UnitPlace[]>();
  for (const u of i.units) buildings.set(u.building, [...(buildings.get(u.building) ?? []), u]);
  const buildingRows: BuildingRow[] = [...buildings.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'zh-CN', { numeric: true }))
    .map(([building, units]) => {
      const accounts = units.map((u) => byUnit.get(u.unitId)).filter((a): a is AccountDoc => a !== undefined);
      const first = sumFen(accounts.map((a) => a.firstDeposit ?? '0.00'));
      const balance = sumFen(accounts.map((a) => a.balance));
      return {
        building,
        units: units.length,
        firstDeposits: formatYuan(first),
        balance: formatYuan(balance),
        held: formatYuan(sumFen(accounts.map((a) => a.held))),
        topUpDue: units.filter((u) => topUp.has(u.unitId)).length,
        // The line is the top-up threshold: below 30% of the first deposit (维修资金办法 Art. 17).
        bar: bar('area', balance, first, { num: 3n, den: 10n, inclusive: true }),
      };
    });

  const subAccounts = maintenance.filter((a) => a.account.startsWith('unit:'));
  const compoundAccount = maintenance.find((a) => a.account === 'compound');
  const disbursed = maintenance.find((a) => a.account === 'disbursed');
  const income = i.accounts.filter((a) => a.ledger === 'public_income');
  const incomeAccount = (name: string) => income.find((a) => a.account === name)?.balance ?? '0.00';
  const totals = {
    firstDeposits: i.meta.firstDepositsTotal,
    fund: i.meta.fundTotal,
    subAccounts: formatYuan(sumFen(subAccounts.map((a) => a.balance))),
    compoundAccount: compoundAccount?.balance ?? '0.00',
    held: formatYuan(sumFen(maintenance.map((a) => a.held))),
    disbursed: disbursed?.balance ?? '0.00',
    subAccountCount: subAccounts.length,
    topUpDue: i.meta.topUpDue.length,
    // The whole fund against its first deposits, the line at 30% (京条例 Art. 74 reads the same line).
    bar: bar('area', fenOfBalance(i.meta.fundTotal), fenOfBalance(i.meta.firstDepositsTotal), { num: 3n, den: 10n, inclusive: true }),
    income: { balance: incomeAccount('income'), toFund: incomeAccount('to_fund'), spent: incomeAccount('spent') },
  };

  // Flows per posted statement, in and out of the owners' own accounts; one scale: the largest flow.
  const statements = [...i.disclosures].sort((a, b) => a.statement.ledger.localeCompare(b.statement.ledger) || a.statement.period.localeCompare(b.statement.period));
  const flowsFen = statements.map((d) => ({ d, inFen: sumFen(Object.values(d.statement.inflows)), outFen: sumFen(Object.values(d.statement.outflows)) }));
  let scale = 1n;
  for (const f of flowsFen) for (const x of [f.inFen, f.outFen]) if (x > scale) scale = x;
  const flows: FlowRow[] = flowsFen.map(({ d, inFen, outFen }) => ({ ledger: d.statement.ledger, period: d.statement.period, inflow: formatYuan(inFen), outflow: formatYuan(outFen), inWidth: inFen.toString(), outWidth: outFen.toString() }));

  const disclosureRows = statements.map((d) => ({
    disclosureId: d.disclosureId,
    ledger: d.statement.ledger,
    ledgerLabel: LEDGER_LABELS[d.statement.ledger],
    period: d.statement.period,
    from: d.statement.from,
    to: d.statement.to,
    opening: d.statement.opening,
    closing: d.statement.closing,
    inflows: Object.entries(d.statement.inflows).map(([k, v]) => ({ label: authorityLabel(k), amount: v })),
    outflows: Object.entries(d.statement.outflows).map(([k, v]) => ({ label: authorityLabel(k), amount: v })),
    transfers: d.statement.transfers,
    publishedAt: d.publishedAt,
    dueBy: d.dueBy,
    late: d.late,
  }));

  return {
    jurisdiction: i.meta.jurisdiction,
    ratePerSquareMetre: i.meta.ratePerSquareMetre,
    openedAt: i.meta.openedAt,
    transfers: i.meta.seq,
    totals,
    buildings: buildingRows,
    releases: i.releases.map((r) => releaseRow(r, i.decisions)),
    flows: { scale: scale.toString(), rows: flows },
    disclosures: disclosureRows,
    periods: periodRows(i.meta, rules, i.now),
    disclosureSource: rules.disclosure.source,
    quarters: Object.entries(i.meta.quarters)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([quarter, q]) => ({ quarter, income: q.income, toFund: q.toFund, fundBelowThirtyPercent: q.fundBelowThirtyPercent })),
    incomeTopUpRule: rules.incomeTopUp.kind === 'none' ? null : rules.incomeTopUp.source,
    flags: i.flags.map((f) => ({ kind: f.kind, label: FLAG_LABELS[f.kind], rule: f.rule, detail: f.detail, releases: f.records.filter((r) => r.type === 'release').map((r) => r.id), periods: f.records.filter((r) => r.type === 'period').map((r) => r.id) })),
  };
}

function releaseRow(r: ReleaseDoc, decisions: FundsPageInputs['decisions']): ReleaseRow {
  const decision = r.decisionId ? decisions(r.decisionId) : null;
  const reapproval = r.reapprovalDecisionId ? decisions(r.reapprovalDecisionId) : null;
  const item = r.item && r.item in emergencyItems ? emergencyItems[r.item as EmergencyItem].label : r.item;
  const authority =
    r.kind === 'decision'
      ? '业主大会决定（维修资金办法第二十二条、第二十三条）'
      : `应急使用：${item ?? '—'}；业主委员会审核${r.review === 'approved' ? '通过' : r.review === 'rejected' ? '未通过' : '中'}${r.needsConfirmation ? `，街道办事处（或受委托的居委会）${r.confirmed ? '已确认' : '待确认'}` : ''}（维修资金办法第二十四条）`;
  return {
    releaseId: r.releaseId,
    kind: r.kind,
    statusLabel: RELEASE_STATUS_LABELS[r.status],
    authority,
    motionId: decision?.motionId ?? null,
    reapprovalMotionId: reapproval?.motionId ?? null,
    revoked: Boolean(decision?.revokedAt || reapproval?.revokedAt),
    contractor: r.contractor.name,
    scope: r.chargeScope.kind === 'compound' ? '全体业主' : `${r.chargeScope.buildings.join('、')} 号楼`,
    units: r.units,
    budget: r.budget,
    contractPrice: r.contractPrice,
    advance: r.advance,
    audit: r.audit ? `${r.audit.kind === 'audited' ? '审价' : '经批准免于审价'} ${r.audit.amount} 元` : null,
    settled: r.settled?.amount ?? null,
    settledAt: r.settled?.at ?? null,
    requestedAt: r.requestedAt,
    acceptedAt: r.acceptedAt,
  };
}

/** Every period since the fund opened, per ledger: its statement posted (on time or late), due, overdue, or running. */
function periodRows(meta: FundsMetaDoc, rules: (typeof fundRulePacks)[keyof typeof fundRulePacks], now: Date): PeriodRow[] {
  const rows: PeriodRow[] = [];
  for (const ledger of ['maintenance', 'public_income'] as const) {
    const cadence = rules.disclosure[ledger];
    for (let period = periodOf(new Date(meta.openedAt), cadence), guard = 0; guard < 400; period = nextPeriod(period), guard++) {
      const bounds = periodBounds(period)!;
      if (bounds.from.getTime() > now.getTime()) break;
      const dueBy = disclosureDueBy(bounds.to, rules);
      const posted = meta.disclosures[`${ledger}/${period}`];
      const status: PeriodRow['status'] = posted ? (posted.late ? 'posted_late' : 'posted') : bounds.to.getTime() > now.getTime() ? 'running' : now.getTime() > dueBy.getTime() ? 'overdue' : 'due';
      rows.push({ ledger, ledgerLabel: LEDGER_LABELS[ledger], period, from: bounds.from.toISOString(), to: bounds.to.toISOString(), dueBy: dueBy.toISOString(), status, statusLabel: PERIOD_STATUS[status], publishedAt: posted?.publishedAt ?? null });
    }
  }
  return rows;
}

/** One owner's own sub-account (维修资金办法 Art. 31: an owner may query their own), for that owner's eyes only. */
export function ownSubAccount(unitId: string, account: AccountDoc | undefined, topUpDue: boolean, transfers: readonly TransferDoc[]) {
  const v = subAccountView(unitId, account, topUpDue, transfers);
  return {
    unitId: v.unitId,
    firstDeposit: v.firstDeposit,
    balance: v.balance,
    held: v.held,
    available: v.available,
    topUpDue: v.topUpDue,
    // The share of the first deposit still there, percent with 2 decimals, cut.
    share: v.firstDeposit && fenOfBalance(v.firstDeposit) > 0n ? `${cutDecimal(fenOfBalance(v.balance) < 0n ? 0n : fenOfBalance(v.balance) * 100n, fenOfBalance(v.firstDeposit), 2)}%` : '—',
    transfers: v.transfers.map((t) => ({
      at: t.at,
      label: authorityLabel(t.authority.kind),
      amount: t.amount,
      direction: t.to === `unit:${unitId}` ? '存入' : t.phase === 'pending' ? '预留' : '支出',
      note: t.reversedBy ? '已冲正' : t.voided ? '预留已解除' : '',
    })),
  };
}
