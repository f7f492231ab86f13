// One process mutates a workspace at a time (SPEC §10): an exclusive lock file naming its holder.
// A lock whose holder process is gone is taken over, including when its process ID now belongs to another program
// (after a reboot, IDs are handed out again).
import fs from 'node:fs';
import os from 'node:os';
import { fail } from '../errors.js';
import { FILE_MODE } from './private-fs.js';
import { processStart } from './process-start.js';

export interface LockHolder {
  pid: number;
  started_at: string;
  command: string;
  host: string;
  /** Which process that was, beyond its ID (Linux: boot ID and start time, see process-start.ts); absent elsewhere. */
  process_start?: string;
}

/** `running`: the holder may still be at work. `dead`: its process is gone. `reused`: its ID now names another process. */
export type HolderState = 'running' | 'dead' | 'reused';

/**
 * A process that started this long after a lock's `started_at` cannot have written it. The slack covers /proc/stat's
 * whole-second boot time and small clock corrections; the holder itself always started before it wrote the lock.
 */
const START_TOLERANCE_MS = 5_000;

export interface WorkspaceLock {
  holder: LockHolder;
  /** True when the lock of a dead process was taken over. */
  tookOver: LockHolder | null;
  release(): void;
}

export interface AcquireOptions {
  command: string;
  now: () => Date;
  /** Wait up to this many milliseconds for the holder to finish, instead of failing at once. */
  waitMs?: number;
}

export async function acquireLock(lockPath: string, options: AcquireOptions): Promise<WorkspaceLock> {
  const deadline = Date.now() + (options.waitMs ?? 0);
  let tookOver: LockHolder | null = null;
  const token = processStart(process.pid)?.token;
  const ownStart = token ? { process_start: token } : {};
  for (;;) {
    const holder: LockHolder = { pid: process.pid, started_at: options.now().toISOString(), command: options.command, host: os.hostname(), ...ownStart };
    try {
      const fd = fs.openSync(lockPath, 'wx', FILE_MODE);
      try {
        fs.writeSync(fd, JSON.stringify(holder));
      } catch (error) {
        // A full disk: an empty lock left behind would name no holder and hold off every command for seconds.
        fs.closeSync(fd);
        fs.rmSync(lockPath, { force: true });
        throw error;
      }
      fs.closeSync(fd);
      return makeLock(lockPath, holder, tookOver);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const current = readHolder(lockPath);
    if (current && isStale(current)) {
      if (takeOver(lockPath, current)) tookOver = current;
      continue;
    }
    if (!current) {
      // A lock file being written this instant, or an empty one left by a crash mid-write.
      if (lockAgeMs(lockPath) > 5_000) fs.rmSync(lockPath, { force: true });
      await sleep(50);
      continue;
    }
    if (Date.now() < deadline) {
      await sleep(200);
      continue;
    }
    fail('locked', `the workspace is in use by practice-sync process ${current.pid} (${current.command}, started ${current.started_at}); try again when it finishes`, { holder: current });
  }
}

export function readHolder(lockPath: string): LockHolder | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockHolder;
    return typeof parsed.pid === 'number' ? parsed : null;
  } catch {
    return null;
  }
}

/** A holder on this machine whose process no longer exists, or whose process ID now belongs to another process. */
export function isStale(holder: LockHolder, proc?: string): boolean {
  return holderState(holder, proc) !== 'running';
}

/** Whether a process of this ID runs on this machine (one of another account's included). */
export function processRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Whether the holder's process is still there. A holder on another machine counts as running. Where /proc tells when
 * the process now holding that ID started, a different start (`process_start`), or for a lock without one a start
 * after the lock was written, means another program: the lock is stale. Without /proc, a live ID counts as running.
 */
export function holderState(holder: LockHolder, proc?: string): HolderState {
  if (holder.host !== os.hostname()) return 'running';
  // EPERM counts as running: another account's process; /proc still says when it started.
  if (holder.pid !== process.pid && !processRunning(holder.pid)) return 'dead';
  const current = processStart(holder.pid, proc);
  if (!current) return 'running';
  if (holder.process_start) return holder.process_start === current.token ? 'running' : 'reused';
  const written = Date.parse(holder.started_at);
  return Number.isFinite(written) && current.at.getTime() > written + START_TOLERANCE_MS ? 'reused' : 'running';
}

function takeOver(lockPath: string, stale: LockHolder): boolean {
  // Re-read just before removing, so two processes taking over at once do not remove each other's fresh lock.
  const again = readHolder(lockPath);
  if (!again || again.pid !== stale.pid || again.started_at !== stale.started_at) return false;
  fs.rmSync(lockPath, { force: true });
  return true;
}

function makeLock(lockPath: string, holder: LockHolder, tookOver: LockHolder | null): WorkspaceLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.removeListener('exit', release);
    const current = readHolder(lockPath);
    if (current && current.pid === holder.pid && current.started_at === holder.started_at) fs.rmSync(lockPath, { force: true });
  };
  process.on('exit', release);
  return { holder, tookOver, release };
}

function lockAgeMs(lockPath: string): number {
  try {
    return Date.now() - fs.statSync(lockPath).mtimeMs;
  } catch {
    return 0;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
