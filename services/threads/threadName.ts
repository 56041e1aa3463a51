/**
 * Names the calling thread for the operating system (Linux: /proc/thread-self/comm, at most 15 bytes), so
 * `top -H`, `perf` and the benches' per-thread CPU print tell the store's writer and the projection thread
 * from V8's helpers. Best effort: elsewhere, or if /proc is not writable, nothing happens.
 */
import { writeFileSync } from 'node:fs';

export function nameThisThread(name: string): void {
  try {
    writeFileSync('/proc/thread-self/comm', name.slice(0, 15));
  } catch {
    // Not Linux, or no /proc: the thread keeps its inherited name.
  }
}
