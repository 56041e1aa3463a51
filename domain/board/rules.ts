/**
 * Rule data of the notice board (公示栏): who may open it to the public, and what must be open to the owners.
 */

/**
 * Who decides whether the board is public: the OC (物业管理条例 Art. 15: it carries out the assembly's
 * decisions), the residents' committee that works with it (Art. 20), the street office under whose guidance
 * the assembly stands and which supervises its decisions (Arts. 10, 19), and an admin. No statute fixes who
 * sets this; it is the smallest set that already runs the compound's votes.
 */
export const BOARD_SETTERS: readonly string[] = ['admin', 'oc_member', 'rc_staff', 'street_office'];

/**
 * 区分所有权解释 Art. 13: what owners may ask to be published and to inspect. Each item says what on this
 * service answers it (`source`), or that nothing does yet (`null`): the board lists it as missing.
 */
export type DisclosureItem =
  | 'maintenance_fund'
  | 'covenant_and_procedure'
  | 'decisions'
  | 'minutes'
  | 'service_contract'
  | 'common_parts_income'
  | 'parking'
  | 'firm_disclosures';

export interface DisclosureRule {
  readonly item: DisclosureItem;
  /** The text of the law, as the board shows it. */
  readonly label: string;
  readonly article: string;
}

export const ART13_CHECKLIST: readonly DisclosureRule[] = [
  { item: 'maintenance_fund', label: '建筑物及其附属设施的维修资金的筹集、使用情况', article: '区分所有权解释 第十三条第（一）项' },
  { item: 'covenant_and_procedure', label: '管理规约、业主大会议事规则', article: '区分所有权解释 第十三条第（二）项' },
  { item: 'decisions', label: '业主大会或者业主委员会的决定', article: '区分所有权解释 第十三条第（二）项' },
  { item: 'minutes', label: '业主大会或者业主委员会的会议记录', article: '区分所有权解释 第十三条第（二）项' },
  { item: 'service_contract', label: '物业服务合同', article: '区分所有权解释 第十三条第（三）项' },
  { item: 'common_parts_income', label: '共有部分的使用和收益情况', article: '区分所有权解释 第十三条第（三）项' },
  { item: 'parking', label: '建筑区划内规划用于停放汽车的车位、车库的处分情况', article: '区分所有权解释 第十三条第（四）项' },
  { item: 'firm_disclosures', label: '物业服务人定期公开的服务事项、收费与履行情况', article: '民法典 第九百四十三条' },
];
