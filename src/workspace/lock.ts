// One process mutates a workspace at a time (SPEC §10): an exclusive lock file naming its holder.
// A lock whose holder process is gone is taken over.
import fs from 'node:fs';
import os from 'node:os';
import { fail } from '../errors.js';
import { FILE_MODE } from './private-fs.js';

export interface LockHolder {
  pid: number;
  started_at: string;
  command: string;
  host: string;
}

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
  for (;;) {
    const holder: LockHolder = { pid: process.pid, started_at: options.now().toISOString(), command: options.command, host: os.hostname() };
    try {
      const fd = fs.openSync(lockPath, 'wx', FILE_MODE);
      fs.writeSync(fd, JSON.stringify(holder));
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

/** A holder on this machine whose process no longer exists. */
export function isStale(holder: LockHolder): boolean {
  if (holder.host !== os.hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
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
