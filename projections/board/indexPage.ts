/**
 * The index of a compound's notice board as data: its motions with status and phase, its decisions, the open
 * and overdue deadlines, and the 区分所有权解释 Art. 13 checklist of what the board publishes and what it does
 * not yet (domain/board/rules.ts). Pure: the route gathers the documents, this shapes them.
 */
import type { DecisionDoc, MotionDoc } from '../assembly/index.js';
import { ART13_CHECKLIST, type DisclosureItem } from '../../domain/board/index.js';
import { DEADLINE_STATUS_LABELS, deadlineLabel, MATTER_LABELS, PHASE_LABELS, STATUS_LABELS } from './labels.js';
import { phaseOf } from '../assembly/index.js';

export interface DeadlineRow {
  readonly kind: string;
  readonly dueAt: string;
  readonly status: 'open' | 'met' | 'overdue';
  readonly article: string;
  readonly record: { readonly type: string; readonly id: string };
}

/** What this service holds for each Art. 13 item, as the route found it. */
export interface DisclosureFacts {
  /** The maintenance fund's ledgers are open (services/funds). */
  readonly fundOpen: boolean;
  /** A service contract signed and in force (services/hiring). */
  readonly contractInForce: boolean;
  /** The current contract's periods that ended without the firm's disclosure (Civil Code Art. 943); null without a contract. */
  readonly missingFirmDisclosures: readonly number[] | null;
  /** Final decisions adopting management rules or rules of procedure. */
  readonly decisions: readonly DecisionDoc[];
  /** pages16: the committee's decisions published so far (its page); null when the compound has no committee record. */
  readonly committeeDecisions?: number | null;
}

export interface ChecklistRow {
  readonly item: DisclosureItem;
  readonly label: string;
  readonly article: string;
  readonly published: boolean;
  /** Where on the board, or why it is missing. */
  readonly note: string;
  readonly href: string | null;
}

export function checklist(compoundId: string, facts: DisclosureFacts): ChecklistRow[] {
  const standing = facts.decisions.filter((d) => d.revoked === null);
  const rules = standing.filter((d) => d.matter === 'management_rules' || d.matter === 'rules_of_procedure');
  const base = `/board/${encodeURIComponent(compoundId)}`;
  const row = (item: DisclosureItem): Omit<ChecklistRow, 'published' | 'note' | 'href'> => {
    const rule = ART13_CHECKLIST.find((r) => r.item === item)!;
    return { item, label: rule.label, article: rule.article };
  };
  return ART13_CHECKLIST.map(({ item }): ChecklistRow => {
    switch (item) {
      case 'maintenance_fund':
        // pages16: the funds' page publishes the raising (deposits by building) and the use (releases, statements).
        return { ...row(item), published: facts.fundOpen, note: facts.fundOpen ? '各楼栋交存与结存、每笔使用及其依据、各期账目' : '尚未建立维修资金账目', href: facts.fundOpen ? `${base}/funds` : null };
      case 'covenant_and_procedure':
        return { ...row(item), published: rules.length > 0, note: rules.length > 0 ? `业主大会决定 ${rules.length} 项` : '本系统尚无管理规约或议事规则的决定', href: null };
      case 'decisions':
        return { ...row(item), published: true, note: `业主大会决定 ${facts.decisions.length} 项（含被撤销的）${facts.committeeDecisions != null ? `；业主委员会已公示的决定 ${facts.committeeDecisions} 项（见业主委员会页）` : ''}`, href: `${base}#decisions` };
      case 'minutes':
        return { ...row(item), published: false, note: '会议记录尚未在本系统公示', href: null };
      case 'service_contract':
        return { ...row(item), published: facts.contractInForce, note: facts.contractInForce ? '合同条款、考核与保留物业费' : '本系统尚无生效的物业服务合同', href: facts.contractInForce ? `${base}/firm` : null };
      case 'common_parts_income':
        // pages16: public income per quarter and its statements, on the funds' page.
        return { ...row(item), published: facts.fundOpen, note: facts.fundOpen ? '公共收益的收入、转入维修资金与支出，各期账目' : '尚未建立公共收益账目', href: facts.fundOpen ? `${base}/funds#income` : null };
      case 'parking':
        return { ...row(item), published: false, note: '车位、车库处分情况尚未在本系统公示', href: null };
      case 'firm_disclosures': {
        const missing = facts.missingFirmDisclosures;
        return {
          ...row(item),
          published: missing !== null && missing.length === 0,
          note: missing === null ? '无生效合同' : missing.length === 0 ? '各期均已公开' : `缺少第 ${missing.join('、')} 期`,
          href: missing === null ? null : `${base}/firm#disclosures`,
        };
      }
    }
  });
}

export interface MotionRow {
  readonly motionId: string;
  readonly title: string;
  readonly matterLabel: string;
  readonly statusLabel: string;
  readonly phaseLabel: string;
  readonly opensAt: string;
  readonly closesAt: string;
}

export const motionRow = (m: MotionDoc): MotionRow => ({
  motionId: m.motionId,
  title: m.title,
  matterLabel: MATTER_LABELS[m.matter],
  statusLabel: STATUS_LABELS[m.status],
  phaseLabel: m.status === 'cancelled' ? '—' : PHASE_LABELS[phaseOf(m.status)],
  opensAt: m.opensAt,
  closesAt: m.closesAt,
});

export interface DecisionRow {
  readonly decisionId: string;
  readonly motionId: string;
  readonly matterLabel: string;
  readonly adopted: string;
  readonly decidedAt: string;
  readonly revoked: string | null;
}

export function decisionRow(d: DecisionDoc): DecisionRow {
  const adopted =
    d.adopted.kind === 'motion'
      ? '通过'
      : d.adopted.kind === 'option'
        ? `采纳：${d.adopted.label}`
        : `当选：${d.adopted.candidates.map((c) => c.name).join('、')}${d.adopted.unfilledSeats > 0 ? `（空缺 ${d.adopted.unfilledSeats} 席）` : ''}`;
  return {
    decisionId: d.decisionId,
    motionId: d.motionId,
    matterLabel: MATTER_LABELS[d.matter],
    adopted,
    decidedAt: d.decidedAt,
    revoked: d.revoked ? `${d.revoked.revokedAt.slice(0, 10)} 依 ${d.revoked.documentRef} 撤销：${d.revoked.reason}` : null,
  };
}

export const deadlineRows = (rows: readonly DeadlineRow[]) =>
  rows
    .filter((d) => d.status !== 'met')
    .sort((a, b) => (a.dueAt < b.dueAt ? -1 : 1))
    .map((d) => ({ ...d, kindLabel: deadlineLabel(d.kind), statusLabel: DEADLINE_STATUS_LABELS[d.status] }));
