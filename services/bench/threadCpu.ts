/**
 * CPU time of this process's main thread (Linux: /proc/self/task/<pid>/stat, user + system, in µs), to tell
 * the event loop's share from the writer, checkpoint and GC threads'. Null where /proc is not there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICK_MICROS = 10_000; // USER_HZ is 100 on Linux

export function mainThreadCpuMicros(): number | null {
  const file = `/proc/self/task/${process.pid}/stat`;
  if (!existsSync(file)) return null;
  const stat = readFileSync(file, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 and 15 of stat(5) (utime, stime); index 11 and 12 once pid and comm are cut off.
  return (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MICROS;
}

/** CPU time of every thread of this process (tid → µs), to tell the writer's and the projection thread's share. */
export function threadCpuMicros(): Map<number, number> {
  const out = new Map<number, number>();
  const dir = '/proc/self/task';
  if (!existsSync(dir)) return out;
  for (const tid of readdirSync(dir)) {
    try {
      const stat = readFileSync(`${dir}/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(Number(tid), (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_MICROS);
    } catch {
      // The thread ended meanwhile.
    }
  }
  return out;
}

/** A thread's name (/proc comm), if it was given one (services/threads/threadName.ts), else undefined. */
function threadName(tid: number): string | undefined {
  try {
    const comm = readFileSync(`/proc/self/task/${tid}/comm`, 'utf8').trim();
    return comm === 'node' || comm === '' ? undefined : comm;
  } catch {
    return undefined;
  }
}

/** The busiest threads between two `threadCpuMicros()` readings, as "main 120, store-writer 40, thread 1234 30, other 8" µs per `per`. */
export function busiestThreads(before: Map<number, number>, after: Map<number, number>, per: number): string {
  const used = [...after].map(([tid, us]) => [tid, us - (before.get(tid) ?? 0)] as const).sort((a, b) => b[1] - a[1]);
  const named = used.filter(([tid]) => tid === process.pid).concat(used.filter(([tid]) => tid !== process.pid).slice(0, 3));
  const rest = used.filter((u) => !named.includes(u)).reduce((n, [, us]) => n + us, 0);
  const label = (tid: number) => (tid === process.pid ? 'main' : `${threadName(tid) ?? 'thread'} ${tid}`);
  return [...named.map(([tid, us]) => `${label(tid)} ${Math.round(us / per)}`), `others ${Math.round(rest / per)}`].join(', ');
}
