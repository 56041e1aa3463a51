/**
 * The catch-up subscription's sleep between commits (services/store/catchUp.ts): a subscription that is woken
 * by many commits over a long life keeps no memory per wake (it raced each sleep against one long-lived
 * `closing` promise, which kept a reaction for every wake: ~2 MB per 20,000 ballots in bench:vote), and
 * close() still ends a sleeping subscription at once.
 */
import t from 'tap';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { catchUpSubscription, commitSignal } from '../../services/store/catchUp.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const sleepWhile = () => new Promise((r) => setImmediate(r));

t.test('wakes keep no memory: 60,000 commits grow the heap by far less than a reaction each', async (t) => {
  const signal = commitSignal();
  let pages = 0;
  const sub = catchUpSubscription(
    async (after) => {
      pages++;
      return { events: [], through: after, full: false };
    },
    signal,
    { onEvents: async () => {} },
  );
  const wake = async (n: number) => {
    for (let i = 0; i < n; i++) {
      signal.fire();
      await sleepWhile();
    }
  };
  await wake(5_000);
  gc();
  const before = process.memoryUsage().heapUsed;
  await wake(60_000);
  gc();
  const grown = process.memoryUsage().heapUsed - before;
  t.ok(pages > 60_000, `the subscription read a page after each wake (${pages})`);
  // A reaction left on a long-lived promise per wake is ~100 bytes: 60,000 of them would be ~6 MB.
  t.ok(grown < 1_500_000, `heap grew ${grown} bytes over 60,000 wakes`);
  await sub.close();
});

t.test('close() ends a subscription asleep between commits without waiting for its safety-net timer', async (t) => {
  const signal = commitSignal();
  const sub = catchUpSubscription(async (after) => ({ events: [], through: after, full: false }), signal, { onEvents: async () => {} });
  await sleepWhile();
  const started = Date.now();
  await sub.close();
  t.ok(Date.now() - started < 500, 'closed at once, not after the 1 s sleep');
});
