/**
 * A tap fixture directory whose servers are closed before it is removed.
 *
 * tap removes a `t.testdir()` in the test's end-of-file hook, and `t.teardown` callbacks registered after the
 * testdir run after that removal: a server still writing into the directory then makes the removal fail
 * (ENOTEMPTY), the teardown that would close it never runs, and the file hangs until tap's timeout. Here the
 * closing teardown is registered first, so it runs first; `onClose` adds to it (closed last-added first).
 */
import type { Test } from 'tap';

export function testdirClosingFirst(t: Test, content?: Parameters<Test['testdir']>[0]): { dir: string; onClose(close: () => unknown): void } {
  const closers: (() => unknown)[] = [];
  t.teardown(async () => {
    for (const close of closers.reverse()) await close();
  });
  const dir = t.testdir(content);
  return { dir, onClose: (close) => void closers.push(close) };
}
