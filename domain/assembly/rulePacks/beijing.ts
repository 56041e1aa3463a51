/** Beijing: 北京市物业管理条例 (passed 2020-03-27, in force 2020-05-01 per Art. 104; text as amended 2024-03-29 read [T]). */
import type { RulePackVersion } from './types.js';

const common = {
  jurisdiction: 'beijing',
  noticeDays: 15,
  votingWindowDays: { min: null, max: null },
  revoteAllowed: false,
  proxyLimit: null,
  resultPublicationDays: 3,
  deemedVotes: 'by_covenant',
  extraordinaryNoticeDays: null,
  objectionWindowDays: 0,
  seatRanking: 'headcount_then_area',
} as const;

const sources = {
  noticeDays: '京条例 Art. 35 para. 4: 业主委员会应当于会议召开十五日前通知全体业主 [T]',
  votingWindowDays: '京条例 sets no bound on the voting period',
  revoteAllowed: '北京业主 app: one vote per ballot, no re-voting (zjw.beijing.gov.cn FAQ) [P]',
  proxyLimit: '京条例 sets no limit on proxies',
  resultPublicationDays: '京条例 Art. 37 para. 2: 业主大会会议的决定应当自作出之日起三日内在物业管理区域内显著位置公示 [T]',
  deemedVotes: 'no Beijing rule; as national: only where the covenant provides it, off by default',
  extraordinaryNoticeDays: '京条例 Art. 35 para. 4: fifteen days for every meeting [T]',
  objectionWindowDays: '京条例 sets no objection window; Art. 37: the decision is posted within three days [T]',
  seatRanking: '京条例 sets no ranking rule; this project ranks by headcount, then area [BG]',
} as const;

export const beijingPacks: readonly RulePackVersion[] = [
  {
    ...common,
    id: 'beijing@2020-05-01',
    title: '北京市物业管理条例 (before the Civil Code)',
    effectiveFrom: '2020-05-01',
    thresholds: 'property_regulation_art12',
    sources: { ...sources, thresholds: '物业管理条例 Art. 12 (京条例 restates no thresholds) [T]' },
  },
  {
    ...common,
    id: 'beijing@2021-01-01',
    title: '北京市物业管理条例 with the Civil Code',
    effectiveFrom: '2021-01-01',
    thresholds: 'civil_code_art278',
    sources: { ...sources, thresholds: '民法典 Art. 278 para. 2 (京条例 restates no thresholds) [T]' },
  },
];
