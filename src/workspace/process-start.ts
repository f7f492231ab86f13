// When a process started, read from Linux's /proc: how a lock tells its own writer from an unrelated program that was
// given the same process ID after a reboot. Elsewhere (macOS, Windows: no /proc) it answers null and callers keep to
// "the process ID is alive".
import fs from 'node:fs';
import path from 'node:path';

export interface ProcessStart {
  /** `boot_id:ticks`, equal for the same process and (with the boot ID) never for another: what a lock records. */
  token: string;
  /** Wall-clock start, to compare with a lock's `started_at` (within a second or so: /proc/stat's btime is whole seconds). */
  at: Date;
}

/** Linux's USER_HZ: the unit of /proc/PID/stat's start time. 100 on every architecture Node runs on. */
const TICKS_PER_SECOND = 100;

/** The start of process `pid`, or null when it is gone or this system has no /proc (`proc` is for tests). */
export function processStart(pid: number, proc = '/proc'): ProcessStart | null {
  try {
    const stat = fs.readFileSync(path.join(proc, String(pid), 'stat'), 'utf8');
    // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so count fields from the last ")".
    // After it come field 3 (state) onwards; field 22 is the start time in ticks since boot.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[22 - 3]);
    const btime = Number(/^btime (\d+)$/m.exec(fs.readFileSync(path.join(proc, 'stat'), 'utf8'))?.[1]);
    if (!Number.isFinite(ticks) || !Number.isFinite(btime)) return null;
    const bootId = readBootId(proc) ?? `btime-${btime}`;
    return { token: `${bootId}:${ticks}`, at: new Date(btime * 1000 + (ticks * 1000) / TICKS_PER_SECOND) };
  } catch {
    return null;
  }
}

function readBootId(proc: string): string | null {
  try {
    return fs.readFileSync(path.join(proc, 'sys', 'kernel', 'random', 'boot_id'), 'utf8').trim() || null;
  } catch {
    return null;
  }
}
