import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import t from 'tap';
import { busiestThreads } from '../../../services/bench/threadCpu.js';

// #18: bench:vote's per-thread CPU print names the store's writer and the projection thread; a thread that
// failed to name itself would leave two bare thread ids to guess between.
const names = () =>
  new Map(readdirSync('/proc/self/task').map((tid) => [Number(tid), readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim()] as const));

t.test('a thread names itself, and the per-thread print uses the name', { skip: existsSync('/proc/thread-self/comm') ? false : 'no /proc/thread-self (not Linux)' }, async (t) => {
  const url = new URL('../../../services/threads/threadName.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
     (async () => { (await import(workerData.tsx)).register(); (await import(workerData.url)).nameThisThread('a-very-long-thread-name'); parentPort.postMessage('named'); })();`,
    { eval: true, workerData: { url, tsx } },
  );
  t.teardown(() => worker.terminate());
  await new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const named = [...names()].filter(([, name]) => name === 'a-very-long-thr');
  t.equal(named.length, 1, 'one thread, its name cut to the 15 bytes Linux keeps');
  const [tid] = named[0]!;
  t.not(tid, process.pid, 'not the main thread');
  const print = busiestThreads(new Map([[tid, 0]]), new Map([[tid, 5_000], [process.pid, 10_000]]), 100);
  t.match(print, new RegExp(`main 100, a-very-long-thr ${tid} 50`));
});
