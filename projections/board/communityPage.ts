/**
 * The three parties' page on the notice board (三方联动): joint meetings with their resolutions and the state of
 * each task (沪居委条例 Art. 23: results published within the set period), residents' requests as counts and
 * rows by category and building (never who raised them, never their text), the parties' scores for the last
 * 90 days (domain/joint/scores.ts), dispute statistics by category and outcome (人民调解法; no parties named),
 * and residents' meetings with their decisions as counts (居委会组织法 Arts. 9–10; no one's vote). Pure.
 */
import type { DisputeCategory } from '../../domain/disputes/index.js';
import { partyScores, type Party } from '../../domain/joint/index.js';
import type { DisputeDoc } from '../disputes/index.js';
import type { JointMeetingDoc, RequestDoc as JointRequestDoc } from '../joint/index.js';
import type { MeetingDoc as ResidentsMeetingDoc } from '../residents/index.js';

export const PARTY_LABELS: Readonly<Record<Party, string>> = {
  party_committee: '社区党组织',
  rc: '居民委员会',
  oc: '业主委员会',
  firm: '物业服务企业',
  supervisory_board: '业主监督委员会',
  police_station: '派出所',
  department: '政府职能部门',
  volunteer: '志愿者',
  street_office: '街道办事处',
};

const DISPUTE_CATEGORY: Readonly<Record<DisputeCategory, string>> = {
  fees: '物业费',
  service: '物业服务',
  decision: '业主大会决定',
  ballot: '投票',
  funds: '维修资金与公共收益',
  election: '业委会选举',
  contract: '物业服务合同',
  neighbours: '邻里',
  other: '其他',
};
const DISPUTE_STATUS: Readonly<Record<DisputeDoc['status'], string>> = { filed: '已受理', mediating: '调解中', agreed: '达成调解协议', refused: '一方拒绝调解', failed: '调解不成' };
const REQUEST_STATUS: Readonly<Record<JointRequestDoc['status'], string>> = { raised: '待派单', dispatched: '已派单', accepted: '已接单', completed: '已办结' };

const DAY = 86_400_000;
const label = (p: Party) => PARTY_LABELS[p] ?? p;

export function taskState(task: JointMeetingDoc['tasks'][number], now: Date): { text: string; overdue: boolean } {
  if (task.closedAt) return { text: task.onTime === false ? '逾期完成' : '按期完成', overdue: false };
  return Date.parse(task.dueAt) < now.getTime() ? { text: '逾期未完成', overdue: true } : { text: '办理中', overdue: false };
}

export function communityPage(input: { meetings: readonly JointMeetingDoc[]; requests: readonly JointRequestDoc[]; disputes: readonly DisputeDoc[]; residentsMeetings: readonly ResidentsMeetingDoc[] }, now: Date) {
  const from = new Date(now.getTime() - 90 * DAY);
  const requestRows = [...input.requests].reverse().map((r) => {
    const last = r.dispatches.at(-1);
    return {
      category: r.category,
      building: r.building,
      raisedAt: r.raisedAt,
      status: REQUEST_STATUS[r.status],
      party: last ? label(last.party) : null,
      dueAt: last?.dueAt ?? null,
      onTime: last?.onTime ?? null,
      overdue: r.status !== 'completed' && last !== undefined && Date.parse(last.dueAt) < now.getTime(),
      satisfaction: last?.satisfaction ?? null,
    };
  });
  const byStatus = (status: JointRequestDoc['status']) => input.requests.filter((r) => r.status === status).length;
  const disputeCategories = [...new Set(input.disputes.map((d) => d.category as DisputeCategory))];
  return {
    meetings: [...input.meetings].reverse().map((m) => ({
      meetingId: m.meetingId,
      heldAt: m.heldAt,
      convener: label(m.convener),
      present: m.present ? m.present.map(label).join('、') : null,
      agenda: m.agenda.map((a) => a.title),
      resolutions: m.resolutions.map((r) => ({
        text: r.text,
        agreedBy: r.agreedBy.map(label).join('、'),
        tasks: m.tasks
          .filter((t) => t.resolutionId === r.resolutionId)
          .map((t) => ({ party: label(t.party), description: t.description, dueAt: t.dueAt, ...taskState(t, now), satisfaction: t.satisfaction })),
      })),
      resultsDueBy: m.resultsDueBy,
      results: m.resultsPublishedAt ? (m.resultsLate ? '已公布（逾期）' : '已按期公布') : Date.parse(m.resultsDueBy) < now.getTime() ? '逾期未公布' : '待公布',
      resultsOverdue: !m.resultsPublishedAt && Date.parse(m.resultsDueBy) < now.getTime(),
    })),
    requests: {
      total: input.requests.length,
      counts: (['raised', 'dispatched', 'accepted', 'completed'] as const).map((s) => ({ status: REQUEST_STATUS[s], count: byStatus(s) })),
      overdue: requestRows.filter((r) => r.overdue).length,
      rows: requestRows,
    },
    scores: {
      from: from.toISOString(),
      to: now.toISOString(),
      rows: partyScores(input.requests.flatMap((r) => r.dispatches), { from, to: now }).map((s) => ({ ...s, party: label(s.party) })),
    },
    disputes: {
      total: input.disputes.length,
      open: input.disputes.filter((d) => d.status === 'filed' || d.status === 'mediating').length,
      byCategory: disputeCategories.map((c) => ({
        category: DISPUTE_CATEGORY[c] ?? c,
        counts: (Object.keys(DISPUTE_STATUS) as DisputeDoc['status'][]).map((s) => ({ status: DISPUTE_STATUS[s], count: input.disputes.filter((d) => d.category === c && d.status === s).length })),
      })),
      statuses: Object.values(DISPUTE_STATUS),
    },
    residentsMeetings: [...input.residentsMeetings].reverse().map((m) => ({
      kind: m.kind === 'residents_meeting' ? '居民会议' : '居民代表会议',
      heldAt: m.heldAt,
      size: m.size,
      present: m.present,
      items: m.items.map((i) => ({
        title: i.title,
        decision: i.decision ? { ...i.decision, outcome: i.decision.adopted ? '通过' : i.decision.quorumMet ? '未通过' : '到会人数不足' } : null,
      })),
    })),
  };
}
