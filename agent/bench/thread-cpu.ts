import { readFileSync } from 'node:fs';

// Linux reports times in clock ticks; USER_HZ is 100 on every mainstream kernel configuration.
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds used so far by the main thread alone (not the reader workers), from
 * /proc/self/task/<pid>/stat; null where that file does not exist (not Linux). On a shared,
 * oversubscribed machine events/s mostly measures the neighbours; events per main-thread CPU
 * second is the writer's own cost.
 */
export function mainThreadCpuSeconds(): number | null {
  let stat: string;
  try {
    stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isFinite(utime) || !Number.isFinite(stime)) return null;
  return (utime + stime) / TICKS_PER_SECOND;
}
