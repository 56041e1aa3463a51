/**
 * The results of a satisfaction survey on both axes, exactly: per question and level the summed exclusive area
 * (ten-thousandths of m², bigint) and the headcount of voter identities; shares as exact fractions, shown as
 * percentages rounded down to 0.01 % (integer arithmetic). No threshold: a survey informs, it decides nothing.
 */
import { formatArea, parseArea, type Area } from '../shared/area.js';
import type { VoterIdentity } from '../registry/index.js';
import { SATISFACTION_LEVELS, type SurveyRespondedData } from './events.js';

export interface AxisCount {
  readonly area: string;
  readonly headcount: number;
}

export interface QuestionResult {
  readonly questionId: string;
  /** Level 1 (非常不满意) to 5 (非常满意). */
  readonly levels: readonly (AxisCount & { readonly level: number; readonly label: string })[];
  readonly answered: AxisCount;
  /** Levels 4 and 5 (满意, 非常满意). */
  readonly satisfied: AxisCount & { readonly areaPercent: string; readonly headcountPercent: string };
}

/** Running sums a projection keeps: per question, per level, area and headcount. */
export type SurveyTally = Record<string, { area: string; headcount: number }[]>;

export function emptyTally(questionIds: readonly string[]): SurveyTally {
  return Object.fromEntries(questionIds.map((q) => [q, SATISFACTION_LEVELS.map(() => ({ area: formatArea(0n), headcount: 0 }))]));
}

/** The tally with one response added (levels are 1-based). */
export function addResponse(tally: SurveyTally, response: Pick<SurveyRespondedData, 'area' | 'answers'>): SurveyTally {
  const area = parseArea(response.area)!;
  const next: SurveyTally = { ...tally };
  for (const [questionId, level] of Object.entries(response.answers)) {
    const row = next[questionId];
    if (!row) continue;
    next[questionId] = row.map((cell, i) => (i === level - 1 ? { area: formatArea(parseArea(cell.area)! + area), headcount: cell.headcount + 1 } : cell));
  }
  return next;
}

/** `part / whole` as a percentage rounded down to 0.01 %, exact: ⌊part × 10,000 / whole⌋ hundredths. */
export function percentDown(part: bigint, whole: bigint): string {
  if (whole === 0n) return '0.00';
  const hundredths = (part * 10_000n) / whole;
  return `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`;
}

export function questionResults(tally: SurveyTally): QuestionResult[] {
  return Object.entries(tally).map(([questionId, cells]) => {
    let area: Area = 0n;
    let headcount = 0;
    let satisfiedArea: Area = 0n;
    let satisfiedHeads = 0;
    cells.forEach((c, i) => {
      const a = parseArea(c.area)!;
      area += a;
      headcount += c.headcount;
      if (i >= 3) {
        satisfiedArea += a;
        satisfiedHeads += c.headcount;
      }
    });
    return {
      questionId,
      levels: cells.map((c, i) => ({ level: i + 1, label: SATISFACTION_LEVELS[i]!, area: c.area, headcount: c.headcount })),
      answered: { area: formatArea(area), headcount },
      satisfied: {
        area: formatArea(satisfiedArea),
        headcount: satisfiedHeads,
        areaPercent: percentDown(satisfiedArea, area),
        headcountPercent: percentDown(BigInt(satisfiedHeads), BigInt(headcount)),
      },
    };
  });
}

/** Who may answer a survey, as totals: every voter identity but the developer's (survey.ts). */
export function surveyEligible(identities: readonly VoterIdentity[]): AxisCount {
  const owners = identities.filter((v) => !v.developerHeld);
  return { area: formatArea(owners.reduce((sum, v) => sum + parseArea(v.area)!, 0n)), headcount: owners.length };
}
