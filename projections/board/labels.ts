/** Chinese labels the notice board prints for the codes of the read model. */
import type { Matter, MotionStatus } from '../../domain/assembly/index.js';
import type { ResultPhase } from '../assembly/index.js';

export const MATTER_LABELS: Readonly<Record<Matter, string>> = {
  rules_of_procedure: '制定和修改业主大会议事规则',
  management_rules: '制定和修改管理规约',
  elect_committee: '选举业主委员会或者更换业主委员会成员',
  hire_or_dismiss_firm: '选聘和解聘物业服务企业或者其他管理人',
  use_maintenance_fund: '使用建筑物及其附属设施的维修资金',
  raise_maintenance_fund: '筹集建筑物及其附属设施的维修资金',
  rebuild: '改建、重建建筑物及其附属设施',
  change_common_use: '改变共有部分的用途或者利用共有部分从事经营活动',
  other_major: '有关共有和共同管理权利的其他重大事项',
};

export const STATUS_LABELS: Readonly<Record<MotionStatus, string>> = {
  proposed: '已提出',
  noticed: '已公告',
  open: '投票中',
  closed: '投票已截止',
  result_published: '初步结果公示中',
  final: '最终结果已公布',
  cancelled: '已撤回',
};

export const PHASE_LABELS: Readonly<Record<ResultPhase, string>> = {
  open: '表决前或表决中',
  closed: '已截止，待公布结果',
  preliminary: '初步统计结果（异议期）',
  final: '最终结果',
};

export const RULE_LABELS: Readonly<Record<'ordinary' | 'special', string>> = {
  ordinary: '一般事项：参与表决者过半数同意',
  special: '特别事项：参与表决者四分之三以上同意',
};

/** Deadline kinds across the contexts (services/<ctx>/deadlines.ts); unknown kinds are shown as they are. */
const DEADLINE_LABELS: Readonly<Record<string, string>> = {
  voting_opens: '开始投票',
  voting_closes: '投票截止',
  result_publication: '公布表决结果',
  extraordinary_meeting: '召开临时会议',
  mediation_limit: '调解期限',
  judicial_confirmation: '申请司法确认',
  emergency_post_hoc_review: '应急使用事后审核',
  sub_account_top_up: '分户账续筹',
  bid_reveal: '投标揭示',
  manager_report: '项目经理报告',
  renewal_decision: '续聘决定',
  contract_expiry: '合同期满',
  service_end: '服务终止',
  handover: '交接',
  rectification: '整改',
  complaint_answer: '答复投诉',
  residents_meeting: '召开居民会议',
  // pages16: the funds' and the committee's kinds (services/funds, services/supervision, services/committee deadlines.ts)
  funds_disclosure: '公布维修资金或公共收益账目',
  supervisory_board_meeting: '监事会年度会议',
  group_list_posting: '公示筹备组名单',
  first_assembly: '召开首次业主大会会议',
  committee_first_meeting: '业委会首次会议（推选主任、副主任）',
  committee_filing: '业委会备案',
  reelection_report: '报告换届',
  early_reelection: '提前换届',
  committee_decision_publication: '公示业委会会议决定',
  committee_term_end: '业委会任期届满',
  reelection_group: '成立换届小组',
  committee_handover: '业委会移交资料',
  committee_demanded_meeting: '召开委员提议的会议',
  committee_regular_meeting: '召开业委会定期会议',
};

export const deadlineLabel = (kind: string): string => DEADLINE_LABELS[kind] ?? kind;

export const DEADLINE_STATUS_LABELS: Readonly<Record<'open' | 'met' | 'overdue', string>> = { open: '未到期', met: '已完成', overdue: '已逾期' };
