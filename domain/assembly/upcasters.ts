/**
 * The assembly's event shapes over time (domain/shared/eventSchemas.ts). Each step turns an event's data at one
 * schema version into the next; the current version of a type is one past its last step.
 */
import type { Upcaster } from '../shared/eventSchemas.js';

/**
 * `MotionProposed` 1 → 2: the resolved rules gained `meeting` (定期会议 / 临时会议, 物业管理条例 Art. 13), the
 * objection window (`objectionWindowDays`) and the seats' ranking (`seatRanking`). Motions proposed before they
 * were modelled were regular meetings, without an objection window, ranking candidates by headcount then area,
 * which is what the readers assumed for an absent field until version 2 made the fields required.
 */
const motionRulesCompleted: Upcaster = {
  type: 'MotionProposed',
  from: 1,
  up: (data) => {
    const d = data as { readonly rules: Record<string, unknown> };
    return {
      ...d,
      rules: {
        ...d.rules,
        meeting: d.rules['meeting'] ?? 'regular',
        objectionWindowDays: d.rules['objectionWindowDays'] ?? 0,
        seatRanking: d.rules['seatRanking'] ?? 'headcount_then_area',
      },
    };
  },
};

export const assemblyUpcasters: readonly Upcaster[] = [motionRulesCompleted];
