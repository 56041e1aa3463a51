/** The national pack: 物业管理条例 (State Council) and, from 2021-01-01, the Civil Code. */
import type { RulePackVersion } from './types.js';

const noticeSource = '物业管理条例 Art. 14: 召开业主大会会议，应当于会议召开15日以前通知全体业主 [T]';
const windowSource = 'no national bound on the voting period';
const revoteSource = 'no national rule; off by default, as the Beijing owners\u2019 app (one vote, no re-voting) [P]';
const proxySource = '物业管理条例 Art. 12 para. 2: 业主可以委托代理人参加业主大会会议 — no national limit [T]';
const publicationSource = 'no national deadline for posting the result';

export const nationalPacks: readonly RulePackVersion[] = [
  {
    id: 'national@2007-10-01',
    jurisdiction: 'national',
    title: '物业管理条例 (2007 revision; Art. 12 unchanged by the 2016 and 2018 revisions)',
    effectiveFrom: '2007-10-01',
    thresholds: 'property_regulation_art12',
    noticeDays: 15,
    votingWindowDays: { min: null, max: null },
    revoteAllowed: false,
    proxyLimit: null,
    resultPublicationDays: null,
    deemedVotes: 'by_covenant',
    extraordinaryNoticeDays: null,
    objectionWindowDays: 0,
    seatRanking: 'headcount_then_area',
    sources: {
      thresholds:
        '物业管理条例 Art. 12 (2018-03-19 text read [T]): participation > 1/2 of total area and owners; ' +
        'Art. 11(5)(6) matters >= 2/3 of ALL, others > 1/2 of ALL. In force from the 2007 revision (2007-10-01) [BG]',
      noticeDays: noticeSource,
      votingWindowDays: windowSource,
      revoteAllowed: revoteSource,
      proxyLimit: proxySource,
      resultPublicationDays: publicationSource,
      deemedVotes: '指导规则 (建房〔2009〕274号) Art. 26 leaves the weight of non-voters to the covenant or rules of procedure [BG]',
      extraordinaryNoticeDays: '物业管理条例 Art. 14 makes no difference between regular and extraordinary meetings: 15 days [T]',
      objectionWindowDays: 'no national objection window; the rules of procedure may set one (Dongguan\u2019s e-voting posts 投票询异公示 before the final result [P])',
      seatRanking: 'no statutory rule for ranking candidates; this project ranks by headcount (the owners), then area [BG]',
    },
  },
  {
    id: 'national@2021-01-01',
    jurisdiction: 'national',
    title: '民法典 (Civil Code, in force 2021-01-01) with 物业管理条例 (2018)',
    effectiveFrom: '2021-01-01',
    thresholds: 'civil_code_art278',
    noticeDays: 15,
    votingWindowDays: { min: null, max: null },
    revoteAllowed: false,
    proxyLimit: null,
    resultPublicationDays: null,
    deemedVotes: 'by_covenant',
    extraordinaryNoticeDays: null,
    objectionWindowDays: 0,
    seatRanking: 'headcount_then_area',
    sources: {
      thresholds:
        '民法典 Art. 278 para. 2 [T]: participation >= 2/3 of area and heads; items (6)–(8) >= 3/4 of participating, ' +
        'others > 1/2 of participating; supersedes 物业管理条例 Art. 12 (higher rank, later in time)',
      noticeDays: noticeSource,
      votingWindowDays: windowSource,
      revoteAllowed: revoteSource,
      proxyLimit: proxySource,
      resultPublicationDays: publicationSource,
      deemedVotes:
        '从众 clauses disputed after the Civil Code (周士尊, 《上海房地》 2023-09 [P]); allowed only where the covenant ' +
        'provides it and the motion says so; off by default',
      extraordinaryNoticeDays: '物业管理条例 Art. 14 makes no difference between regular and extraordinary meetings: 15 days [T]',
      objectionWindowDays: 'no national objection window; the rules of procedure may set one (Dongguan\u2019s e-voting posts 投票询异公示 before the final result [P])',
      seatRanking: 'no statutory rule for ranking candidates; this project ranks by headcount (the owners), then area [BG]',
    },
  },
];
