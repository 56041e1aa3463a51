/**
 * CPU time of this process's main thread (Linux: /proc/self/task/<pid>/stat, user + system, in µs), to tell
 * the event loop's share from the writer, checkpoint and GC threads'. Null where /proc is not there.
 */
import { existsSync, readFileSync } from 'node:fs';

const CLOCK_TICK_MICROS = 10_000; // USER_HZ is 100 on Linux

export function mainThreadCpuMicros(): number | null {
  const file = `/proc/self/task/${process.pid}/stat`;
  if (!existsSync(file)) return null;
  const stat = readFileSync(file, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat(5) (utime, stime); index 11 and 12 once pid and comm are cut off.
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MICROS;
}
