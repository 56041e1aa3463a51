/**
 * The property-management committee's deadlines (京条例 Arts. 58–59): its term's end, met when an OC is seated;
 * once the OC is filed, the dissolution within 30 days, met when the street office dissolves it.
 */
import t from 'tap';
import type { RecordedEvent } from '../../../domain/shared/log.js';
import { committeeDeadlineSource } from '../../../services/committee/deadlines.js';
import type { DeadlineChange } from '../../../services/platform/deadlines.js';

const source = committeeDeadlineSource();
const memory = new Map<string, Record<string, string>>();
const apply = (type: string, data: Record<string, unknown>): readonly DeadlineChange[] => {
  const changes = source.changes({ type, data, streamId: 'committee-c', eventId: type, revision: 0n, position: 0n } as unknown as RecordedEvent, (key) => memory.get(key));
  for (const c of changes) if (c.op === 'remember') memory.set(c.key, { ...(memory.get(c.key) ?? {}), ...c.facts });
  return changes;
};

t.test('Beijing PMC: term end, then dissolution 30 days after the OC is filed', async (t) => {
  const formed = apply('PropertyManagementCommitteeFormed', { compoundId: 'c', jurisdiction: 'beijing', pmcId: 'w', termEndsAt: '2029-03-02T02:00:00.000Z' });
  t.match(formed.find((c) => c.op === 'declare'), { deadline: { kind: 'pmc_term_end', dueAt: '2029-03-02T02:00:00.000Z', source: { article: '京条例 Art. 58' } } });
  const filed = apply('CommitteeFiled', { compoundId: 'c', termId: 't1', filedAt: '2026-05-04T02:00:00.000Z' });
  // 三十日内 (Civil Code Art. 201: from the next day): 2026-05-05 .. 2026-06-03, due by the end of that China day.
  t.match(filed.find((c) => c.op === 'declare'), { deadline: { kind: 'pmc_dissolution', deadlineId: 'pmc_dissolution:w', dueAt: '2026-06-03T16:00:00.000Z', source: { article: '京条例 Art. 59' } } });
  const dissolved = apply('PropertyManagementCommitteeDissolved', { compoundId: 'c', pmcId: 'w', dissolvedAt: '2026-05-20T02:00:00.000Z' });
  t.same(dissolved.map((c) => c.op === 'meet' && c.deadlineId), ['pmc_term_end:w', 'pmc_dissolution:w']);
});
