/** Hangzhou: 杭州市物业管理条例 (second revision 2021-06-29, approved 2021-07-30, in force 2022-03-01 per Art. 93 [T]). */
import type { RulePackVersion } from './types.js';

export const hangzhouPacks: readonly RulePackVersion[] = [
  {
    id: 'hangzhou@2022-03-01',
    jurisdiction: 'hangzhou',
    title: '杭州市物业管理条例 (2021 revision)',
    effectiveFrom: '2022-03-01',
    thresholds: 'civil_code_art278',
    noticeDays: 15,
    votingWindowDays: { min: 5, max: 60 },
    revoteAllowed: false,
    proxyLimit: null,
    resultPublicationDays: null,
    deemedVotes: 'by_covenant',
    extraordinaryNoticeDays: 7,
    objectionWindowDays: 0,
    seatRanking: 'headcount_then_area',
    sources: {
      thresholds: '杭条例 Art. 16 para. 2 restates 民法典 Art. 278 (items 6–8 special) [T]',
      noticeDays:
        '杭条例 Art. 19 para. 1: 定期会议召开十五日前 for regular meetings [T]',
      votingWindowDays: '杭条例 Art. 20 para. 3: 投票期限不少于五日且不超过六十日 [T]',
      revoteAllowed: 'no Hangzhou rule; off by default',
      proxyLimit: '杭条例 sets no limit on proxies',
      resultPublicationDays: '杭条例 Art. 19 para. 2: decisions published to all owners in writing; no number of days [T]',
      deemedVotes: 'no Hangzhou rule; as national: only where the covenant provides it, off by default',
      extraordinaryNoticeDays: '杭条例 Art. 19 para. 1: 临时会议召开七日前通知全体业主 [T]',
      objectionWindowDays: '杭条例 sets no objection window [T]',
      seatRanking: '杭条例 sets no ranking rule; this project ranks by headcount, then area [BG]',
    },
  },
];
