/**
 * The fund rules per jurisdiction: data, each figure with its source. The first-deposit rate per m² is not
 * here: each city's government sets it (维修资金办法 Art. 7: 5%–8% of the local construction cost per m²), so a
 * compound's fund is opened with its city's rate.
 */
import type { Jurisdiction } from '../registry/index.js';
import type { Cadence } from './periods.js';

/**
 * How much public income must go into the maintenance fund per quarter: Shanghai more than half of it every
 * quarter (沪规定 Art. 51); Beijing at least half while the fund stands below 30% of the first deposits
 * (京条例 Art. 74); elsewhere no figure (杭条例 Art. 60 says "mainly", without a number).
 */
export type IncomeTopUpRule =
  | { readonly kind: 'none' }
  | { readonly kind: 'more_than_half_each_quarter'; readonly source: string }
  | { readonly kind: 'half_while_fund_below'; readonly fundBelowPercent: bigint; readonly source: string };

export interface FundRules {
  readonly jurisdiction: Jurisdiction;
  /** An advance (预付款) is at most this percentage of the contract price. */
  readonly advanceMaxPercent: bigint;
  /** A settlement this far over the budget, or further, needs a new owners' decision; percent of the budget. */
  readonly overrunPercent: bigint;
  /** A settlement at or below this (fen) may skip the settlement audit (审价) with the OC's approval; null: never. */
  readonly auditWaiverMaxFen: bigint | null;
  /** A sub-account below this percentage of its first deposit must be topped up (续交). */
  readonly topUpBelowPercent: bigint;
  /** ... to this percentage of the first deposit, within `topUpDays` (the unit's deadline). */
  readonly topUpToPercent: bigint;
  readonly topUpDays: number;
  /** Emergency use needs the street office's confirmation after the OC's review. */
  readonly emergencyNeedsStreetConfirmation: boolean;
  /** Days after settlement by which an emergency release's post-hoc review is due. */
  readonly postHocReviewDays: number;
  /** Disclosure cadence per ledger (statements posted to the notice board), and the days after a period to post it. */
  readonly disclosure: { readonly maintenance: Cadence; readonly public_income: Cadence; readonly dueDays: number; readonly source: string };
  readonly incomeTopUp: IncomeTopUpRule;
  readonly sources: Readonly<Record<'advance' | 'overrun' | 'auditWaiver' | 'topUp' | 'emergency' | 'postHocReview', string>>;
}

const national: FundRules = {
  jurisdiction: 'national',
  // No national text fixes the advance; 30% of the contract price is the common local practice (domain-rules §3.2).
  advanceMaxPercent: 30n,
  // No national figure; the Hangzhou figure is applied as the default.
  overrunPercent: 110n,
  auditWaiverMaxFen: null,
  topUpBelowPercent: 30n,
  topUpToPercent: 30n,
  topUpDays: 90,
  emergencyNeedsStreetConfirmation: false,
  postHocReviewDays: 30,
  // 维修资金办法 Art. 30: the balances are published to the owners at least once a year; the days after the
  // period: no statute, 30 by default.
  disclosure: { maintenance: 'year', public_income: 'year', dueDays: 30, source: '维修资金办法 Art. 30: at least yearly (days after the period: no statute; 30 by default)' },
  incomeTopUp: { kind: 'none' },
  sources: {
    advance: 'local practice (domain-rules §3.2): 30% of the contract price',
    overrun: '杭条例 Art. 72 (2) applied as the default',
    auditWaiver: '沪规定 Art. 67 / 维修资金办法: no waiver',
    topUp: '维修资金办法 Art. 17: below 30% of the first deposit (days: no statute; 90 by default)',
    emergency: '维修资金办法 Art. 24; 建办房〔2015〕52号',
    postHocReview: '维修资金办法 Art. 24 (days: no statute; 30 by default)',
  },
};

export const fundRulePacks: Readonly<Record<Jurisdiction, FundRules>> = {
  national,
  beijing: {
    ...national,
    jurisdiction: 'beijing',
    // 京条例 Art. 85: self-managed accounts are disclosed quarterly.
    disclosure: { maintenance: 'quarter', public_income: 'quarter', dueDays: 30, source: '京条例 Art. 85: quarterly (days after the quarter: no statute; 30 by default)' },
    // 京条例 Art. 74: while the fund is below 30% of the first deposits, at least half of public income goes into it.
    incomeTopUp: { kind: 'half_while_fund_below', fundBelowPercent: 30n, source: '京条例 Art. 74: ≥ 50% of public income into the fund while it is below 30% of the first deposits' },
    sources: { ...national.sources, topUp: '京条例 Art. 83; 维修资金办法 Art. 17' } },
  shanghai: {
    ...national,
    jurisdiction: 'shanghai',
    // 沪规定 Art. 65: top up to 50% of the first deposit within 90 days of the bank's notice.
    topUpToPercent: 50n,
    topUpDays: 90,
    // 沪规定 Art. 66: the fund at least half-yearly, public income quarterly.
    disclosure: { maintenance: 'half', public_income: 'quarter', dueDays: 30, source: '沪规定 Art. 66: the fund half-yearly, public income quarterly (days after the period: no statute; 30 by default)' },
    // 沪规定 Art. 51: more than half of public income tops up the fund, quarterly.
    incomeTopUp: { kind: 'more_than_half_each_quarter', source: '沪规定 Art. 51: more than 50% of each quarter\u2019s public income into the fund' },
    sources: { ...national.sources, topUp: '沪规定 Art. 65: to 50% of the first deposit within 90 days', emergency: '沪规定 Art. 73 (the OC reviews within 7 days)' },
  },
  hangzhou: {
    ...national,
    jurisdiction: 'hangzhou',
    // 杭条例 Art. 72 (2): 决（结）算金额在三万元以下 (以下 includes the figure, Civil Code Art. 1259).
    auditWaiverMaxFen: 3_000_000n,
    emergencyNeedsStreetConfirmation: true,
    sources: {
      ...national.sources,
      overrun: '杭条例 Art. 72 (2): 超出预算金额百分之十以上 (以上 includes the figure, Civil Code Art. 1259)',
      auditWaiver: '杭条例 Art. 72 (2): ≤ ¥30,000 with the OC\u2019s approval',
      topUp: '杭条例 Art. 71; 维修资金办法 Art. 17',
      emergency: '杭条例 Art. 73: the OC reviews, the street office confirms',
    },
  },
};

/**
 * The emergency catalogue (应急使用): the six items of 建办房〔2015〕52号, which 沪规定 Art. 73 and 杭条例 Art. 73
 * restate with local wording. Each names the evidence it needs.
 */
export const emergencyItems = {
  roof_leak: { label: '屋面防水损坏造成渗漏', evidence: 'appraisal' },
  lift_failure: { label: '电梯故障危及人身安全', evidence: 'inspection_notice' },
  water_pump_failure: { label: '高层住宅水泵损坏导致供水中断', evidence: 'appraisal' },
  facade_falling: { label: '楼体单侧外立面五分之一以上有脱落危险', evidence: 'appraisal' },
  drainage_failure: { label: '专用排水设施因坍塌、堵塞、爆裂等造成功能障碍', evidence: 'appraisal' },
  fire_system_failure: { label: '消防系统出现功能障碍，消防管理部门要求对消防设施设备维修、更新、改造', evidence: 'fire_authority_notice' },
} as const;
export type EmergencyItem = keyof typeof emergencyItems;
export const emergencyItemIds = Object.keys(emergencyItems) as EmergencyItem[];
export type EvidenceKind = 'appraisal' | 'inspection_notice' | 'fire_authority_notice' | 'photo' | 'other';
export const evidenceKinds: readonly EvidenceKind[] = ['appraisal', 'inspection_notice', 'fire_authority_notice', 'photo', 'other'];
