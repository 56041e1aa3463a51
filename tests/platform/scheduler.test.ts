/**
 * The deadline scheduler on the system clock: it wakes at the next dueAt by itself (no clock move, no call)
 * and issues the source's command once; an obligation met before it falls due is left alone.
 */
import { randomUUID } from 'node:crypto';
import t from 'tap';
import { systemClock } from '../../services/clock.js';
import { handleCommand } from '../../services/commands/handler.js';
import type { DeadlineSource } from '../../services/platform/deadlines.js';
import { startPlatform } from '../../services/platform/index.js';
import { memoryStore } from '../../services/store/memory.js';

const meta = () => {
  const id = randomUUID();
  return { commandId: id, correlationId: id, causationId: id, actor: { personId: 'tester', role: 'admin' }, recordedAt: new Date().toISOString() };
};

t.test('on the system clock the scheduler acts at dueAt by itself', async (t) => {
  const store = memoryStore();
  const acted: string[] = [];
  const source: DeadlineSource = {
    name: 'test',
    handles: ['TaskScheduled', 'TaskDone'],
    changes(event) {
      const { taskId, dueAt } = event.data as { taskId: string; dueAt?: string };
      if (event.type === 'TaskDone') return [{ op: 'meet', deadlineId: taskId, at: event.metadata.recordedAt }];
      return [{ op: 'declare', deadline: { deadlineId: taskId, compoundId: 'c1', kind: 'task', dueAt: dueAt!, source: { article: 'Art. 1', jurisdiction: 'national' }, record: { type: 'task', id: taskId }, actionable: true } }];
    },
    async onDue(deadline) {
      acted.push(deadline.deadlineId);
      const streamId = `task-${deadline.deadlineId}`;
      return [
        {
          streamId,
          execute: (cmd) =>
            handleCommand(store, { initialState: () => 0, evolve: (n: number) => n + 1, decide: () => [{ type: 'TaskDone', data: { taskId: deadline.deadlineId } }] }, streamId, {}, cmd, {}),
        },
      ];
    },
  };
  const platform = startPlatform({ store, clock: systemClock, dbFile: ':memory:', reactors: [], deadlineSources: [source] });
  t.teardown(() => platform.close());

  const soon = new Date(Date.now() + 300).toISOString();
  await store.append('plan', [{ eventId: randomUUID(), type: 'TaskScheduled', schemaVersion: 1, data: { taskId: 'soon', dueAt: soon }, metadata: meta() }], 'any');
  await store.append('plan', [{ eventId: randomUUID(), type: 'TaskScheduled', schemaVersion: 1, data: { taskId: 'done-early', dueAt: soon }, metadata: meta() }], 'any');
  await store.append('task-done-early', [{ eventId: randomUUID(), type: 'TaskDone', schemaVersion: 1, data: { taskId: 'done-early' }, metadata: meta() }], 'any');
  t.ok(await platform.deadlinesAt(await store.headPosition(), 2000));
  t.same(platform.deadlines.deadlines('c1').map((d) => [d.deadlineId, d.metAt === null]), [['done-early', false], ['soon', true]]);

  const end = Date.now() + 5000;
  while ((await store.readStream('task-soon')).length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  const done = await store.readStream('task-soon');
  t.equal(done.length, 1, 'the task was done by the scheduler');
  t.ok(Date.parse(done[0]!.metadata.recordedAt) > Date.parse(soon), 'after it fell due');
  t.equal(done[0]!.metadata.commandId, 'deadline/soon/0');
  t.ok(await platform.deadlinesAt(await store.headPosition(), 2000));
  t.ok(platform.deadlines.deadlines('c1').every((d) => d.metAt !== null), 'both met');
  await platform.deadlines.wake();
  t.same(acted, ['soon'], 'an obligation met before it fell due is left alone; a met one is not acted on again');
});
