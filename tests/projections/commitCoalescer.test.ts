import t from 'tap';
import { commitCoalescer } from '../../services/projections/commitCoalescer.js';

/** Resolves to true if `p` settles within `ms`. */
const within = (p: Promise<void>, ms: number) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

t.test('after a quiet spell a commit wakes the catch-up at once', async (t) => {
  let clock = 1_000;
  const c = commitCoalescer({ windowMs: 50, maxEvents: 100, now: () => clock });
  c.reading();
  clock += 500;
  const woken = c.next(10_000);
  c.notify(3);
  t.ok(await within(woken, 20), 'no window when the log was quiet');
  c.close();
});

t.test('while the log is busy, commits are gathered for the window, then read together', async (t) => {
  let clock = 1_000;
  const c = commitCoalescer({ windowMs: 60, maxEvents: 100, now: () => clock });
  c.reading();
  clock += 10; // a read 10 ms ago: busy
  const woken = c.next(10_000);
  c.notify(20);
  c.notify(20);
  t.notOk(await within(woken, 15), 'held back within the window');
  t.ok(await within(woken, 300), 'woken once the window is over');
  c.close();
});

t.test('enough events held back wake it before the window ends', async (t) => {
  let clock = 1_000;
  const c = commitCoalescer({ windowMs: 10_000, maxEvents: 50, now: () => clock });
  c.reading();
  clock += 1;
  const woken = c.next(20_000);
  c.notify(30);
  t.notOk(await within(woken, 15), 'held back: 30 < 50');
  c.notify(30);
  t.ok(await within(woken, 20), '60 events: read now');
  c.close();
});

t.test('a reader waiting for the read model hurries a held-back read (read-your-writes)', async (t) => {
  let clock = 1_000;
  const c = commitCoalescer({ windowMs: 10_000, maxEvents: 1_000, now: () => clock });
  c.reading();
  clock += 1;
  const woken = c.next(20_000);
  c.notify(1);
  t.notOk(await within(woken, 15), 'held back');
  c.hurry();
  t.ok(await within(woken, 20), 'hurried');
  c.hurry();
  t.pass('hurry with nothing held back does nothing');
  c.close();
});

t.test('a wake-up while nobody waits is kept for the next wait', async (t) => {
  const c = commitCoalescer({ windowMs: 0, maxEvents: 1 });
  c.notify(1); // the catch-up is busy reading or committing: nobody waits
  t.ok(await within(c.next(10_000), 20), 'the next wait returns at once, not at the safety poll');
  t.notOk(await within(c.next(10_000), 30), 'only once');
  c.close();
});

t.test('with no window every commit wakes it at once', async (t) => {
  const c = commitCoalescer({ windowMs: 0, maxEvents: 1_000 });
  for (let i = 0; i < 3; i++) {
    c.reading();
    const woken = c.next(10_000);
    c.notify(1);
    t.ok(await within(woken, 20), `commit ${i}`);
  }
  c.close();
  await sleep(1);
});
