/**
 * The ordering testdirClosingFirst relies on: a server closed by it still finds its directory; one closed by a
 * `t.teardown` registered after `t.testdir()` does not (tap removed the directory first; CI once hung on this).
 */
import { existsSync } from 'node:fs';
import t from 'tap';
import { testdirClosingFirst } from './testdir.js';

const seen: Record<string, boolean> = {};

t.test('a teardown registered after t.testdir runs after the directory is gone', async (t) => {
  const dir = t.testdir({ 'events.db': 'x' });
  t.teardown(() => void (seen.plain = existsSync(dir)));
});

t.test('testdirClosingFirst closes before the directory goes, last-added first', async (t) => {
  const order: string[] = [];
  const { dir, onClose } = testdirClosingFirst(t, { 'events.db': 'x' });
  onClose(() => {
    order.push('first server');
    seen.order = order.join(',') === 'second server,first server';
  });
  onClose(async () => {
    await new Promise((r) => setTimeout(r, 5));
    order.push('second server');
    seen.closingFirst = existsSync(dir);
  });
});

t.test('what the two saw', async (t) => {
  t.equal(seen.plain, false, 'the plain teardown found the directory removed');
  t.equal(seen.closingFirst, true, 'the closing-first teardown found it in place');
  t.equal(seen.order, true, 'closed in reverse order of registration');
});
