/**
 * The firm's page on the notice board (公示栏): the contract in force and its terms (Civil Code Art. 938; 区分所有权解释
 * Art. 13 (四) 物业服务合同), the quarterly assessments and the held-back fees they released (湖州 Art. 34), cards,
 * complaint response times (杭条例 Art. 50), the firm's disclosures (Civil Code Art. 943), fee adjustments (杭条例
 * Art. 53), satisfaction surveys, and the history of contracts and tenders with every bid's terms after its
 * deadline. Pure: shaped from the rendered views. Firms are organisations and are named; no person appears:
 * complaints show dates and response days, not their text (a complaint may name its author or a neighbour).
 */
import type { renderContract, renderFeeAdjustment, renderSurvey, renderTender } from './view.js';

type ContractView = ReturnType<typeof renderContract>;
type TenderView = ReturnType<typeof renderTender>;
type AdjustmentView = ReturnType<typeof renderFeeAdjustment>;
type SurveyView = ReturnType<typeof renderSurvey>;

const CONTRACT_STATUS: Readonly<Record<ContractView['status'], string>> = { drawn: '已拟定，待签订', signed: '履行中', indefinite: '不定期合同（民法典第九百四十八条）', ended: '已终止' };
const END_REASON: Readonly<Record<string, string>> = { dismissed: '解聘', expired: '期满', not_renewed: '期满不续聘' };
const BAND: Readonly<Record<string, string>> = { full: '全额返还', pro_rata: '按得分比例返还', none: '不予返还' };
const ADJUSTMENT_STATUS: Readonly<Record<AdjustmentView['status'], string>> = { proposed: '已提交，待公示', posted: '公示中', put_to_owners: '提交业主大会表决', adopted: '业主大会通过', rejected: '业主大会未通过' };
const HANDOVER: Readonly<Record<string, string>> = { records: '资料档案', premises: '物业服务用房', keys: '钥匙', equipment: '共用设施设备', public_income_balance: '公共收益结余', held_back_deposit: '保留的物业费' };
const DISCLOSURE: Readonly<Record<string, string>> = { service_items: '服务事项', staff: '负责人员', fees: '收费项目和标准', maintenance_fund_use: '维修资金使用', common_part_income: '共有部分经营收益' };
const SURVEY_STATUS: Readonly<Record<SurveyView['status'], string>> = { scheduled: '未开始', open: '进行中', closed: '已结束' };

/** A share as an SVG bar: the fill's width is the percentage in hundredths (0–10,000), exactly. */
const share = (percent: string) => ({ percent: `${percent}%`, width: percent.replace('.', '').replace(/^0+(?=\d)/, '') });

export function contractSummary(c: ContractView) {
  return {
    contractId: c.contractId,
    firm: c.terms.firm.name,
    creditCode: c.terms.firm.creditCode,
    status: CONTRACT_STATUS[c.status],
    fee: c.fee,
    feeChanges: c.feeChanges,
    term: c.signed ? { startsOn: c.signed.startsOn, lastDay: c.signed.lastDay } : null,
    termMonths: c.terms.termMonths,
    scope: c.terms.services.scope,
    standards: c.terms.services.standards,
    staffing: c.terms.services.staffing,
    promises: c.terms.services.promises,
    holdBackPercent: c.terms.holdBackPercent,
    heldBackTotal: c.terms.heldBackTotal,
    heldBackSoFar: c.heldBackSoFar,
    scoreRule: c.terms.scoreRule,
    yellowLine: c.terms.yellowLine,
    handoverDays: `${c.terms.handover.days} 日（${c.terms.handover.article}）`,
    managerReported: c.managerReportedAt,
    preContractEnded: c.preContractEndedAt,
    assessments: c.periods.map((p) => {
      const a = c.assessments.find((x) => x.period === p.period);
      return { period: p.period, from: p.from, to: p.to, heldBack: p.heldBack, score: a?.total ?? null, confirmed: a?.confirmedAt != null, released: a?.release?.released ?? null, withheld: a?.release?.withheld ?? null, band: a?.release ? BAND[a.release.band] ?? a.release.band : null };
    }),
    yellowCards: c.yellowCards,
    redCards: c.redCards,
    complaints: {
      filed: c.complaints.length,
      answered: c.complaints.filter((x) => x.answeredAt !== null).length,
      late: c.complaints.filter((x) => x.late).length,
      overdue: c.complaints.filter((x) => x.overdue).length,
      rows: c.complaints.map((x) => ({ filedAt: x.filedAt, answerDueBy: x.answerDueBy, responseDays: x.responseDays, late: x.late, overdue: x.overdue })),
    },
    disclosures: c.disclosures.map((d) => ({ period: d.period, kinds: d.kinds.map((k) => DISCLOSURE[k] ?? k).join('、'), filedAt: d.filedAt })),
    missingDisclosures: c.missingDisclosures,
    notices: [
      ...(c.renewalDecision ? [`业主大会续聘/选聘决定已记录（${c.renewalDecision.recordedAt.slice(0, 10)}）`] : []),
      ...(c.nonRenewalNotice ? [`物业服务企业不续聘通知：提前 ${c.nonRenewalNotice.daysBefore ?? '—'} 日，应提前 ${c.nonRenewalNotice.requiredDays} 日${c.nonRenewalNotice.late ? '（逾期通知）' : ''}（${c.nonRenewalNotice.article}）`] : []),
      ...(c.dismissalNotice ? [`解聘通知：${c.dismissalNotice.days} 日后终止（${c.dismissalNotice.article}）`] : []),
    ],
    ended: c.ended ? { endedAt: c.ended.endedAt, reason: END_REASON[c.ended.reason] ?? c.ended.reason, handoverDueBy: c.ended.handoverDueBy, article: c.ended.article } : null,
    handover: c.handover.map((h) => ({ item: HANDOVER[h.item] ?? h.item, confirmedAt: h.confirmedAt, overdue: h.overdue })),
    servingUntilTakeover: c.servingUntilTakeover,
  };
}

export function firmPage(input: { contracts: readonly ContractView[]; tenders: readonly TenderView[]; adjustments: readonly AdjustmentView[]; surveys: readonly SurveyView[] }) {
  const current = [...input.contracts].reverse().find((c) => c.status !== 'drawn' && c.takenOverAt === null) ?? null;
  return {
    current: current ? contractSummary(current) : null,
    history: [...input.contracts].reverse().filter((c) => c !== current).map(contractSummary),
    tenders: [...input.tenders].reverse().map((t) => ({
      tenderId: t.tenderId,
      title: t.title,
      feeCeiling: t.feeCeiling,
      termMonths: t.termMonths,
      bidDeadline: t.bidDeadline,
      sealed: t.sealed,
      bidCount: t.bidCount,
      motionId: t.motionId,
      bids: t.bids.map((b) => ({
        firm: b.firmName ?? b.firmId,
        fee: b.terms?.feePerSquareMetreMonth ?? null,
        staffing: b.terms?.staffing ?? null,
        status: b.status === 'revealed' ? '已开标' : b.status === 'non_compliant' ? `不符合招标要求：${b.nonCompliance ?? ''}` : b.status === 'awaiting_reveal' ? '待开标' : '未按时开标',
        average: b.evaluations > 0 ? (b.weightedSum / b.evaluations / 100).toFixed(2) : null,
      })),
    })),
    adjustments: [...input.adjustments].reverse().map((a) => ({
      adjustmentId: a.adjustmentId,
      from: a.currentFee,
      to: a.proposedFee,
      status: ADJUSTMENT_STATUS[a.status],
      auditReportRef: a.auditReportRef,
      range: a.range,
      reasons: a.reasons,
      postedUntil: a.postedUntil,
      postingRunning: a.postingRunning,
      motionId: a.motionId,
    })),
    surveys: [...input.surveys].reverse().map((s) => ({
      surveyId: s.surveyId,
      title: s.title,
      status: SURVEY_STATUS[s.status],
      closesAt: s.closesAt,
      respondents: s.respondents,
      eligible: s.eligible,
      participation: s.participation,
      questions: s.results.map((r) => ({ text: r.text, answered: r.answered, satisfied: r.satisfied, areaBar: share(r.satisfied.areaPercent), headBar: share(r.satisfied.headcountPercent) })),
    })),
  };
}
