/**
 * The rules one motion follows, resolved once when it is proposed and recorded in `MotionProposed`, so the log
 * alone says how the motion was counted (a later correction of the pack data changes no past motion).
 */
import type { DomainError } from '../shared/errors.js';
import { chinaDateOf, type ChinaDate } from '../time/legalPeriod.js';
import { refuse } from './errors.js';
import type { Matter, RuleKind } from './matters.js';
import { builtinRulePacks, selectRulePack, type RulePackVersion } from './rulePacks/index.js';
import type { SeatRanking } from './formTally.js';
import { ruleKindFor, thresholdsFor, type ThresholdBasis, type ThresholdSet } from './thresholds.js';

/** 从众 as a motion uses it: on, with the clause that provides it; or null (off). */
export type DeemedVotesSetting = { readonly basis: string } | null;

export interface MotionRules {
  /** The pack version used, e.g. `hangzhou@2022-03-01`. */
  readonly rulePack: string;
  readonly jurisdiction: string;
  /** The date that chose the pack: the China date voting is scheduled to open. */
  readonly referenceDate: ChinaDate;
  readonly thresholds: ThresholdBasis;
  readonly rule: RuleKind;
  readonly noticeDays: number;
  readonly votingWindowDays: { readonly min: number | null; readonly max: number | null };
  readonly revoteAllowed: boolean;
  readonly proxyLimit: number | null;
  readonly resultPublicationDays: number | null;
  readonly deemedVotes: DeemedVotesSetting;
  /**
   * 定期会议 / 临时会议. The next three are in every `MotionProposed` of schema version 2; version 1 events
   * recorded before they were modelled lack them and read as regular, 0 and headcount-then-area (upcasters.ts).
   */
  readonly meeting: MeetingKind;
  /** Days of the objection window after the preliminary result (询异公示). */
  readonly objectionWindowDays: number;
  /** How elected candidates are ranked for the seats. */
  readonly seatRanking: SeatRanking;
}

/** 业主大会定期会议 / 临时会议 (物业管理条例 Art. 13). */
export type MeetingKind = 'regular' | 'extraordinary';

export interface ResolveRulesInput {
  readonly jurisdiction: string;
  readonly matter: Matter;
  readonly opensAt: Date;
  /** The motion's request to count non-voters with the majority, citing its covenant clause. */
  readonly deemedVotes?: { readonly basis: string } | null;
  readonly meeting?: MeetingKind;
}

/**
 * Chooses the pack by the motion's own date (never today's): the China date of its scheduled opening. A motion
 * opening before 2021-01-01 is thus counted under 物业管理条例 Art. 12, one opening later under the Civil Code.
 */
export function resolveMotionRules(
  input: ResolveRulesInput,
  packs: readonly RulePackVersion[] = builtinRulePacks,
): MotionRules | DomainError {
  const referenceDate = chinaDateOf(input.opensAt);
  const pack = selectRulePack(input.jurisdiction, referenceDate, packs);
  if (!pack) {
    return refuse('no_rule_pack', `no rule pack for ${input.jurisdiction} on ${referenceDate}`, {
      jurisdiction: input.jurisdiction,
      referenceDate,
    });
  }
  let deemedVotes: DeemedVotesSetting = null;
  const asked = input.deemedVotes ?? null;
  if (asked !== null && (typeof asked.basis !== 'string' || asked.basis.trim() === '')) {
    return refuse('invalid_motion', 'deemed votes must cite the clause that provides them', { field: 'deemedVotes' });
  }
  switch (pack.deemedVotes) {
    case 'off':
      if (asked) return refuse('deemed_votes_not_allowed', `${pack.id} does not allow counting non-voters with the majority`);
      break;
    case 'by_covenant':
      deemedVotes = asked ? { basis: asked.basis.trim() } : null;
      break;
    case 'on':
      deemedVotes = asked ? { basis: asked.basis.trim() } : { basis: pack.sources.deemedVotes };
      break;
  }
  return {
    rulePack: pack.id,
    jurisdiction: input.jurisdiction,
    referenceDate,
    thresholds: pack.thresholds,
    rule: ruleKindFor(pack.thresholds, input.matter),
    // e.g. 杭条例 Art. 19 para. 1: 15 days before a regular meeting, 7 before an extraordinary one.
    noticeDays: input.meeting === 'extraordinary' && pack.extraordinaryNoticeDays !== null ? pack.extraordinaryNoticeDays : pack.noticeDays,
    votingWindowDays: { ...pack.votingWindowDays },
    revoteAllowed: pack.revoteAllowed,
    proxyLimit: pack.proxyLimit,
    resultPublicationDays: pack.resultPublicationDays,
    deemedVotes,
    meeting: input.meeting ?? 'regular',
    objectionWindowDays: pack.objectionWindowDays,
    seatRanking: pack.seatRanking,
  };
}

export function thresholdsOf(rules: Pick<MotionRules, 'thresholds' | 'rule'>): ThresholdSet {
  return thresholdsFor(rules.thresholds, rules.rule);
}
