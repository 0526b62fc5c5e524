// Measuring helpers for the benchmarks: peak memory of a process tree, a measured child process.
export { freePort } from '../../test/support/ports';
import fs from 'node:fs';
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** Resident set size (bytes) of a process and all its descendants, read from /proc (Linux). */
export function treeRss(rootPid: number): number {
  const parents = new Map<number, number>();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
      // Field 4 (ppid) follows the command name in parentheses, which may itself contain spaces.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(Number(name), ppid);
    } catch {
      // The process ended between listing and reading.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, depth = 0; p && depth < 64; p = parents.get(p), depth++) if (p === rootPid) return true;
    return false;
  };
  let total = 0;
  for (const pid of parents.keys()) {
    if (!inTree(pid)) continue;
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // Gone.
    }
  }
  return total;
}

/** Runs a command to its end while sampling the RSS of its process tree; resolves with duration and peak. */
export function runMeasured(command: string, args: string[], options: SpawnOptions): Promise<{ ms: number; peakRss: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child: ChildProcess = spawn(command, args, options);
    let peak = 0;
    const timer = setInterval(() => {
      if (child.pid) peak = Math.max(peak, treeRss(child.pid));
    }, 100);
    child.once('error', (error) => {
      clearInterval(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearInterval(timer);
      resolve({ ms: performance.now() - started, peakRss: peak, code });
    });
  });
}

/** Resident set size (bytes) of one process, all its threads included (VmRSS from /proc, Linux); 0 once it is gone. */
export function processRss(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Samples a process's RSS every `everyMs` from now on: its first, highest and latest value (bytes), until stopped. */
export function sampleRss(pid: number, everyMs = 200): { start: number; peak: () => number; now: () => number; stop: () => void } {
  const start = processRss(pid);
  let peak = start;
  const timer = setInterval(() => void (peak = Math.max(peak, processRss(pid))), everyMs);
  timer.unref();
  const now = () => {
    const rss = processRss(pid);
    peak = Math.max(peak, rss);
    return rss;
  };
  return { start, peak: () => peak, now, stop: () => clearInterval(timer) };
}

/** CPU time (ms) a process has used so far, all threads (utime + stime from /proc, in ticks of 10 ms); NaN once it is gone. */
export function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

/** Resolves (with the milliseconds waited) once a process used under 5 % of a core for half a second, or after `maxMs`. */
export async function settled(pid: number, maxMs = 60_000): Promise<number> {
  const started = performance.now();
  for (let before = cpuMs(pid); performance.now() - started < maxMs; ) {
    await new Promise((r) => setTimeout(r, 500));
    const after = cpuMs(pid);
    if (!(after - before >= 25)) break;
    before = after;
  }
  return performance.now() - started;
}
