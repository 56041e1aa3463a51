/**
 * The built-in rule packs and how a motion's rules are chosen: by the motion's own date, never today's.
 */
import { parseChinaDate, type ChinaDate } from '../../time/legalPeriod.js';
import { beijingPacks } from './beijing.js';
import { hangzhouPacks } from './hangzhou.js';
import { nationalPacks } from './national.js';
import { shanghaiPacks } from './shanghai.js';
import type { RulePackVersion } from './types.js';

export type { DeemedVotesPolicy, RulePackParameters, RulePackVersion } from './types.js';

export const builtinRulePacks: readonly RulePackVersion[] = [
  ...nationalPacks,
  ...beijingPacks,
  ...shanghaiPacks,
  ...hangzhouPacks,
];

function latestInForce(packs: readonly RulePackVersion[], jurisdiction: string, date: ChinaDate): RulePackVersion | null {
  let best: RulePackVersion | null = null;
  for (const p of packs) {
    if (p.jurisdiction !== jurisdiction || p.effectiveFrom > date) continue;
    if (!best || p.effectiveFrom > best.effectiveFrom) best = p;
  }
  return best;
}

/**
 * The pack version that governs a motion of `jurisdiction` dated `date` (its reference date, see
 * decide.ts: the China date voting is scheduled to open): the jurisdiction's latest version in force on that
 * date; if the jurisdiction has none yet, the national version in force then; null if there is none at all.
 * (Dates compare as text: `YYYY-MM-DD` orders like the calendar.)
 */
export function selectRulePack(
  jurisdiction: string,
  date: ChinaDate,
  packs: readonly RulePackVersion[] = builtinRulePacks,
): RulePackVersion | null {
  if (parseChinaDate(date) === null) return null;
  return latestInForce(packs, jurisdiction, date) ?? latestInForce(packs, 'national', date);
}
