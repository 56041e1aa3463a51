/** Shanghai: 上海市住宅物业管理规定 (as amended 2020-12-30 [T]); before 2021 the national pack applies. */
import type { RulePackVersion } from './types.js';

export const shanghaiPacks: readonly RulePackVersion[] = [
  {
    id: 'shanghai@2021-01-01',
    jurisdiction: 'shanghai',
    title: '上海市住宅物业管理规定 (2020-12-30 amendment) with the Civil Code',
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
      thresholds: '沪规定 Art. 18 paras. 1–2 restate 民法典 Art. 278 (2/3 participation; 3/4 for fund raising, rebuilding, change of use; else > 1/2) [T]',
      noticeDays:
        '沪规定 Art. 25 fixes no number of days (written notice to 房管机构 and 居委会); 物业管理条例 Art. 14: 15 days [T]',
      votingWindowDays: '沪规定 sets no bound on the voting period',
      revoteAllowed: 'no Shanghai rule; off by default',
      proxyLimit:
        '沪规定 Art. 18 para. 3: a proxy holds a written mandate and votes as the principal instructs; no number limit [T]',
      resultPublicationDays:
        '沪规定 Art. 27 para. 2 (信息公开): publish assembly decisions promptly (及时); no number of days [T]. ' +
        '(The 3 days of Art. 26 are for OC decisions.)',
      deemedVotes: 'no Shanghai rule; as national: only where the covenant provides it, off by default',
      extraordinaryNoticeDays: '沪规定 Art. 25 fixes no number of days for either kind of meeting; 15 days as national [T]',
      objectionWindowDays: '沪规定 sets no objection window [T]',
      seatRanking: '沪规定 sets no ranking rule; this project ranks by headcount, then area [BG]',
    },
  },
];
