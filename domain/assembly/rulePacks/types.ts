/**
 * Jurisdiction rule packs (地方规则包): the numbers a motion's procedure follows, as data, each with its source.
 * A jurisdiction has versions, each in force from `effectiveFrom` (a China date, inclusive) until the next.
 */
import type { ChinaDate } from '../../time/legalPeriod.js';
import type { ThresholdBasis } from '../thresholds.js';

/**
 * 从众 policy (deemed votes: owners notified who did not vote are counted with the majority). Disputed after
 * the Civil Code (domain-rules §1.2): 'off' refuses it; 'by_covenant' lets a motion turn it on by citing the
 * clause of its management rules or rules of procedure (off unless it does); 'on' applies it to every motion.
 */
export type DeemedVotesPolicy = 'off' | 'by_covenant' | 'on';

export interface RulePackParameters {
  /** Which statute's quorum and passage thresholds apply. */
  readonly thresholds: ThresholdBasis;
  /** Days of notice to all owners before voting may open (a legal period, Civil Code Arts. 201–203). */
  readonly noticeDays: number;
  /** Bounds on the voting window's length in days (the opening day not counted); null = no bound. */
  readonly votingWindowDays: { readonly min: number | null; readonly max: number | null };
  /** Whether a later ballot by the same voice replaces the earlier one. */
  readonly revoteAllowed: boolean;
  /** How many voter identities one proxy may represent in one motion; null = no limit. */
  readonly proxyLimit: number | null;
  /** Days after the close within which the result must be posted; null = no fixed deadline. */
  readonly resultPublicationDays: number | null;
  readonly deemedVotes: DeemedVotesPolicy;
  /** Days of notice before an extraordinary meeting (临时会议); null = the same as `noticeDays`. */
  readonly extraordinaryNoticeDays: number | null;
  /**
   * Days after the preliminary result is posted during which owners may object (询异公示), before the final
   * result; 0 = none (the final result may follow at once).
   */
  readonly objectionWindowDays: number;
  /** How candidates who met the rule are ranked for the seats of an election (选举). */
  readonly seatRanking: 'headcount_then_area' | 'area_then_headcount';
}

/** One version of a jurisdiction's pack. */
export interface RulePackVersion extends RulePackParameters {
  /** `<jurisdiction>@<effectiveFrom>`, recorded in every motion that used it. */
  readonly id: string;
  /** `national`, or a city (domain/registry Jurisdiction), or another place a pack is written for. */
  readonly jurisdiction: string;
  readonly title: string;
  readonly effectiveFrom: ChinaDate;
  /** Where each number comes from. Tags as in reference/domain-rules.md: [T] statute text, [P] public page, [BG] unverified. */
  readonly sources: { readonly [K in keyof RulePackParameters]: string };
}
