/**
 * The motion page of the notice board as data: the motion (公示), its tally as renderTally computes it (the
 * one tally the JSON API shows too), and bars drawn against the thresholds of Civil Code Art. 278 para. 2
 * (or 物业管理条例 Art. 12 for motions dated before 2021). Quorum bars are participation of the eligible;
 * passage bars are support of the base the rule names (those who took part, or everyone eligible).
 * Candidates' names are shown (京条例 Art. 40: the candidates are posted); no voter, no person id.
 */
import { thresholdsFor, type AxesWire, type Threshold } from '../../domain/assembly/index.js';
import { axesOf, type MotionDoc, type TallyView } from '../assembly/index.js';
import { bar, type Bar } from './bars.js';
import { MATTER_LABELS, PHASE_LABELS, RULE_LABELS, STATUS_LABELS } from './labels.js';

export interface BarPair {
  readonly area: Bar;
  readonly heads: Bar;
  /** Both axes: the law requires area AND headcount. */
  readonly met: boolean;
}

export interface ChoiceRow {
  readonly id: string;
  /** An option's label, or a candidate's name. */
  readonly label: string;
  readonly support: AxesWire;
  readonly against: AxesWire | null;
  readonly bars: BarPair;
  /** 已通过 / 当选 once decided, null before. */
  readonly won: boolean | null;
  readonly rank: number | null;
}

export interface MotionPage {
  readonly motionId: string;
  readonly compoundId: string;
  readonly title: string;
  readonly description: string;
  readonly matterLabel: string;
  readonly statusLabel: string;
  readonly phaseLabel: string;
  readonly status: MotionDoc['status'];
  readonly form: TallyView['form'];
  readonly ruleLabel: string;
  readonly basisLabel: string;
  readonly scopeLabel: string;
  readonly dates: readonly { readonly label: string; readonly at: string }[];
  /** Voting has opened: the roll is frozen and the figures count. */
  readonly live: boolean;
  readonly eligible: AxesWire;
  readonly participating: AxesWire;
  /** What the passage bars are drawn against: those who took part, or everyone eligible (物业管理条例 Art. 12). */
  readonly passageBase: AxesWire;
  readonly quorum: BarPair & { readonly thresholdText: string };
  /** yes_no only. */
  readonly passage: (BarPair & { readonly thresholdText: string }) | null;
  readonly counts: readonly { readonly label: string; readonly figures: AxesWire }[];
  readonly rows: readonly ChoiceRow[];
  readonly rowsTitle: string | null;
  readonly outcome: string;
  readonly deemedNote: string | null;
  readonly ballots: TallyView['ballots'];
  readonly cancelReason: string | null;
}

const fraction = (t: Threshold): string =>
  `${t.num === 2n && t.den === 3n ? '三分之二' : t.num === 3n && t.den === 4n ? '四分之三' : t.num === 1n && t.den === 2n ? '二分之一' : `${t.num}/${t.den}`}${t.inclusive ? '以上' : '（过半数）'}`;

function pair(value: AxesWire, base: AxesWire, t: Threshold): BarPair {
  const v = axesOf(value);
  const b = axesOf(base);
  const area = bar('area', v.area, b.area, t);
  const heads = bar('heads', BigInt(v.heads), BigInt(b.heads), t);
  return { area, heads, met: area.met && heads.met };
}

function outcomeText(view: TallyView, doc: MotionDoc): string {
  if (doc.status === 'cancelled') return '已撤回，未表决';
  if (view.passed === null) return doc.status === 'open' ? '投票进行中，以下为实时计票' : '尚未开始投票';
  if (view.form === 'choose_one') return view.adopted ? `采纳：${view.options?.find((o) => o.optionId === view.adopted)?.label ?? view.adopted}` : '无选项获得通过';
  if (view.form === 'elect') return view.elected && view.elected.length > 0 ? `当选 ${view.elected.length} 人${view.unfilledSeats ? `，空缺 ${view.unfilledSeats} 席` : ''}` : '无人当选';
  return view.passed ? '通过' : view.quorumMet ? '未通过（同意未达到法定比例）' : '未通过（参与表决未达到法定比例）';
}

export function motionPage(doc: MotionDoc, view: TallyView): MotionPage {
  const t = thresholdsFor(view.basis, view.rule);
  const passageBase = t.passage.of === 'eligible' ? view.eligible : view.participating;
  const live = doc.eligible !== null;
  const dates = [
    { label: '提出', at: doc.proposedAt },
    { label: '公告', at: doc.noticePublishedAt },
    { label: '开始投票', at: doc.openedAt ?? doc.opensAt },
    { label: '投票截止', at: doc.closedAt ?? doc.closesAt },
    { label: '公布初步结果', at: doc.resultPublishedAt },
    { label: '异议期至', at: doc.objectionsUntil },
    { label: '公布最终结果', at: doc.finalPublishedAt },
    { label: '撤回', at: doc.cancelledAt },
    { label: '决定被撤销', at: doc.decisionRevokedAt },
  ].filter((d): d is { label: string; at: string } => d.at !== null);
  const rows: ChoiceRow[] =
    view.options?.map((o) => ({ id: o.optionId, label: o.label, support: o.support, against: null, bars: pair(o.support, passageBase, t.passage), won: o.adopted, rank: null })) ??
    view.candidates?.map((c) => ({ id: c.candidateId, label: c.name, support: c.for, against: c.against, bars: pair(c.for, passageBase, t.passage), won: c.elected, rank: c.rank })) ??
    [];
  return {
    motionId: doc.motionId,
    compoundId: doc.compoundId,
    title: doc.title,
    description: doc.description,
    matterLabel: MATTER_LABELS[doc.matter],
    statusLabel: STATUS_LABELS[doc.status],
    phaseLabel: PHASE_LABELS[view.phase],
    status: doc.status,
    form: view.form,
    ruleLabel: view.basis === 'civil_code_art278' ? RULE_LABELS[view.rule] : view.rule === 'special' ? '特别事项：全体业主三分之二以上同意' : '一般事项：全体业主过半数同意',
    basisLabel: view.basis === 'civil_code_art278' ? '《民法典》第二百七十八条第二款' : '《物业管理条例》第十二条（2021年前的表决）',
    scopeLabel: doc.scope.kind === 'compound' ? '全体业主' : `${doc.scope.buildings.join('、')} 号楼业主`,
    dates,
    live,
    eligible: view.eligible,
    participating: view.participating,
    passageBase,
    quorum: { ...pair(view.participating, view.eligible, t.quorum), thresholdText: `参与表决：专有部分面积与人数均占${fraction(t.quorum)}` },
    passage:
      view.form === 'yes_no'
        ? { ...pair(view.for, passageBase, t.passage), thresholdText: `同意：占${t.passage.of === 'eligible' ? '全体业主' : '参与表决者'}专有部分面积与人数均${fraction(t.passage)}` }
        : null,
    counts:
      view.form === 'yes_no'
        ? [
            { label: '同意', figures: view.for },
            { label: '反对', figures: view.against },
            { label: '弃权', figures: view.abstain },
            { label: '废票', figures: view.invalid },
          ]
        : [
            { label: '弃权', figures: view.abstain },
            { label: '废票', figures: view.invalid },
          ],
    rows,
    rowsTitle: view.form === 'choose_one' ? `各选项得票（同意线：${fraction(t.passage)}）` : view.form === 'elect' ? `候选人得票（应选 ${view.seats ?? 0} 人；同意线：${fraction(t.passage)}）` : null,
    outcome: outcomeText(view, doc),
    deemedNote: view.deemedVotes ? `依管理规约（${view.deemedVotes.basis}），已送达未表决的业主视为同意多数意见；计入后${view.deemedVotes.passed === null ? '' : view.deemedVotes.passed ? '通过' : '未通过'}` : null,
    ballots: view.ballots,
    cancelReason: doc.cancelReason,
  };
}
