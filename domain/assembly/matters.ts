/**
 * The matters owners decide jointly (业主共同决定事项), Civil Code Art. 278 para. 1, items (1)–(9).
 */

/** 表决事项的类别: what a motion (业主共同决定事项) is about. */
export type Matter =
  /** (一) 制定和修改业主大会议事规则 */
  | 'rules_of_procedure'
  /** (二) 制定和修改管理规约 */
  | 'management_rules'
  /** (三) 选举业主委员会或者更换业主委员会成员 */
  | 'elect_committee'
  /** (四) 选聘和解聘物业服务企业或者其他管理人 */
  | 'hire_or_dismiss_firm'
  /** (五) 使用建筑物及其附属设施的维修资金 */
  | 'use_maintenance_fund'
  /** (六) 筹集建筑物及其附属设施的维修资金 */
  | 'raise_maintenance_fund'
  /** (七) 改建、重建建筑物及其附属设施 */
  | 'rebuild'
  /** (八) 改变共有部分的用途或者利用共有部分从事经营活动 */
  | 'change_common_use'
  /** (九) 有关共有和共同管理权利的其他重大事项 (区分所有权解释 Art. 7: incl. disposal of common parts) */
  | 'other_major';

export const matters: readonly Matter[] = [
  'rules_of_procedure',
  'management_rules',
  'elect_committee',
  'hire_or_dismiss_firm',
  'use_maintenance_fund',
  'raise_maintenance_fund',
  'rebuild',
  'change_common_use',
  'other_major',
];

export function isMatter(value: unknown): value is Matter {
  return typeof value === 'string' && (matters as readonly string[]).includes(value);
}

/** The item number of Art. 278 para. 1 a matter is. */
export function art278Item(matter: Matter): number {
  return matters.indexOf(matter) + 1;
}

/**
 * Which passage rule a matter takes: 'special' (特别多数) or 'ordinary'.
 * Under the Civil Code (Art. 278 para. 2): items (6)–(8) — raising the fund, rebuilding, changing the use of
 * common parts — are special; everything else, including *using* the fund, is ordinary.
 */
export type RuleKind = 'ordinary' | 'special';

export function civilCodeRuleKind(matter: Matter): RuleKind {
  return matter === 'raise_maintenance_fund' || matter === 'rebuild' || matter === 'change_common_use'
    ? 'special'
    : 'ordinary';
}

/**
 * Before 2021-01-01, 物业管理条例 Art. 12 para. 3 (with Art. 11): "筹集和使用专项维修资金" (Art. 11(5)) and
 * "改建、重建" (Art. 11(6)) need 2/3 of all area and all owners; every other matter (changing the use of common
 * parts was one of "其他重大事项", Art. 11(7)) needs more than half of all.
 */
export function regulation2018RuleKind(matter: Matter): RuleKind {
  return matter === 'raise_maintenance_fund' || matter === 'use_maintenance_fund' || matter === 'rebuild'
    ? 'special'
    : 'ordinary';
}
