/**
 * The hiring context's rule data: every number with the article it comes from. Deciders read them from here,
 * never as literals.
 */
import type { Jurisdiction } from '../registry/index.js';

export const HIRING_RULES = {
  /** 京条例 Art. 66: the project manager reports to the residents' committee within 3 days of taking up the post. */
  managerReportDays: { days: 3, article: '京条例 Art. 66' },
  /** 京条例 Art. 75 para. 1: the OC organises the renew-or-replace decision 6 months before the term ends. */
  renewalDecisionMonthsBefore: { months: 6, article: '京条例 Art. 75' },
  /** Civil Code Art. 947 para. 2: a firm not renewing gives 90 days' written notice before expiry (unless agreed otherwise). */
  nonRenewalNoticeDays: { days: 90, article: 'Civil Code Art. 947' },
  /** Civil Code Art. 946: dismissal by the owners' decision takes effect on 60 days' written notice (unless agreed otherwise). */
  dismissalNoticeDays: { days: 60, article: 'Civil Code Art. 946' },
  /** Civil Code Art. 948 para. 2: either side ends an indefinite contract on 60 days' written notice. */
  indefiniteNoticeDays: { days: 60, article: 'Civil Code Art. 948' },
  /** 杭条例 Art. 50: the firm answers a complaint within 10 days of receiving it. */
  complaintAnswerDays: { days: 10, article: '杭条例 Art. 50' },
  /** Qingdao practice (青岛 住宅小区物业服务量化考核办法): three yellow cards in a calendar year make a red card. */
  yellowCardsForRed: { count: 3, article: '青岛 量化考核办法 (practice)' },
  /** Days to rectify after a yellow card: not fixed by statute; the contract's default (Qingdao practice: 限期整改). */
  rectificationDays: { days: 30, article: '青岛 量化考核办法 (practice; days are the contract default)' },
  /** 杭条例 Art. 53 (三): the OC posts the audit report and the adjustment plan for 30 days or more before the owners decide. */
  feeAdjustmentPostingDays: { days: 30, article: '杭条例 Art. 53' },
  /** Days after the deadline during which a firm may reveal its sealed bid (the tender's default). */
  revealDays: { days: 3, article: 'tender rules (commit-reveal)' },
} as const;

/**
 * Handover (Civil Code Art. 949: within the agreed or a reasonable period). Local clocks: 京条例 Art. 76: 30 days
 * from the notice of dismissal; 杭条例 Art. 57: 15 days from termination; 沪规定 Art. 50: 10 days for records and
 * property (incl. the public-income balance). National: the Civil Code fixes no number; 30 days is this
 * system's default of a "reasonable period".
 */
export const HANDOVER_DAYS: Readonly<Record<Jurisdiction, { readonly days: number; readonly article: string }>> = {
  beijing: { days: 30, article: '京条例 Art. 76' },
  hangzhou: { days: 15, article: '杭条例 Art. 57' },
  shanghai: { days: 10, article: '沪规定 Art. 50' },
  national: { days: 30, article: 'Civil Code Art. 949 (reasonable period; 30 days by default)' },
};

/** 移交清单: what the old firm hands back (Civil Code Art. 949; 京条例 Art. 76; 沪规定 Art. 50; 湖州 Art. 34 for the deposit). */
export const HANDOVER_ITEMS = ['records', 'premises', 'keys', 'equipment', 'public_income_balance', 'held_back_deposit'] as const;
export type HandoverItem = (typeof HANDOVER_ITEMS)[number];

/** One item of an assessment template: its id, its name and its weight in points (the points sum to 100). */
export interface AssessmentItem {
  readonly itemId: string;
  readonly name: string;
  readonly points: number;
}

/**
 * The default assessment template (考核表): the eight areas of the Qingdao model (青岛 住宅小区物业服务量化考核办法,
 * 8 areas / 100 points, domain-rules §6.5). The split of points between areas is this system's default, not the
 * city's table; a tender may bring its own template.
 */
export const DEFAULT_ASSESSMENT_TEMPLATE: readonly AssessmentItem[] = [
  { itemId: 'basic_management', name: '基础管理', points: 15 },
  { itemId: 'building_maintenance', name: '房屋管理与维修养护', points: 15 },
  { itemId: 'common_facilities', name: '共用设施设备管理', points: 15 },
  { itemId: 'order_and_safety', name: '秩序维护与安全防范', points: 15 },
  { itemId: 'cleaning', name: '环境卫生', points: 10 },
  { itemId: 'greening', name: '绿化养护', points: 10 },
  { itemId: 'fire_safety', name: '消防管理', points: 10 },
  { itemId: 'owner_service', name: '业主服务与满意度', points: 10 },
];

/**
 * The score rule of the held-back fees (湖州 Art. 34: a share of the fees is kept in the OC's account and paid by
 * the quality assessment). A period's held-back fees are released: all at `fullAt` or more; none under
 * `noneBelow`; in between, the score's share of them (score / 100), rounded down to the fen, the rest withheld.
 */
export interface ScoreRule {
  readonly fullAt: number;
  readonly noneBelow: number;
}
export const DEFAULT_SCORE_RULE: ScoreRule = { fullAt: 90, noneBelow: 60 };

/** A score under this line earns a yellow card (Qingdao practice); the contract may set its own. */
export const DEFAULT_YELLOW_LINE = 70;

/** Quarterly assessments (季度考核): a period is three months of the term. */
export const PERIOD_MONTHS = 3;
