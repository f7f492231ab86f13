// Doctor: what other processes left behind — a lock, and files in inbox/ that are waiting or could not be imported.
import fs from 'node:fs';
import path from 'node:path';
import { isTemporaryName, PROBLEM_SUFFIX } from '../run/inbox-files.js';
import { plural } from '../text/plural.js';
import { holderState, processRunning, readHolder } from '../workspace/lock.js';
import type { WorkspacePaths } from '../workspace/layout.js';
import { ok, warn, type DoctorCheck } from './doctor-check.js';

export function checkLock(paths: WorkspacePaths): DoctorCheck {
  if (!fs.existsSync(paths.lock)) return ok('lock', 'no practice-sync process holds the workspace');
  const holder = readHolder(paths.lock);
  if (!holder) return warn('lock', 'practice-sync.lock exists but names no process', 'if no practice-sync is running, delete practice-sync.lock');
  const who = `process ${holder.pid} (${holder.command}, started ${holder.started_at}${holder.host ? ` on ${holder.host}` : ''})`;
  const state = holderState(holder);
  if (state === 'dead') return warn('lock', `stale lock left by ${who}, which is no longer running`, 'nothing to do: the next command takes the lock over');
  if (state === 'reused') {
    return warn('lock', `stale lock left by ${who}, which is no longer running (process ${holder.pid} is now another program, started after the lock was taken)`,
      'nothing to do: the next command takes the lock over');
  }
  return warn('lock', `held by running ${who}`, 'wait for it to finish; if it hangs, stop that process (the next command then takes the lock over)');
}

/**
 * Copies of the store a `backup` or `restore` killed mid-copy left behind (`backups/NAME.partial-PID`,
 * `practice-sync.db.restore-PID`): never offered as backups, never read again, but they hold patient data. Those of
 * a process still running are a copy in progress, not leftovers.
 */
export function checkLeftovers(paths: WorkspacePaths): DoctorCheck {
  const store = path.basename(paths.store);
  const found = [
    ...entries(paths.root).filter((name) => name.startsWith(`${store}.restore-`)).map((name) => path.join(paths.root, name)),
    ...entries(paths.backups).filter((name) => /\.partial-\d+$/.test(name)).map((name) => path.join(paths.backups, name)),
  ];
  const left = found.filter((file) => !processRunning(Number(/-(\d+)$/.exec(file)?.[1])));
  if (left.length === 0) return ok('leftovers', 'no copy of the store left by an interrupted backup or restore');
  const shown = left.map((file) => path.relative(paths.root, file));
  const copies = left.length === 1 ? '1 copy' : `${left.length} copies`;
  return warn('leftovers', `${copies} of the store left by an interrupted backup or restore, holding patient data: ${shown.join(', ')}`,
    `delete ${left.length === 1 ? 'it' : 'them'}: cd "${paths.root}" && rm ${shown.map((name) => `"${name}"`).join(' ')}`);
}

function entries(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

export function checkInbox(paths: WorkspacePaths, now: () => Date): DoctorCheck[] {
  const names = fs.existsSync(paths.inbox)
    ? fs.readdirSync(paths.inbox, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name)
    : [];
  const present = new Set(names);
  // Files still being downloaded or saved are not waiting for run, which leaves them alone until they get their name.
  const unfinished = names.filter((name) => isTemporaryName(name)).sort();
  const exports = names.filter((name) => !name.endsWith(PROBLEM_SUFFIX) && !isTemporaryName(name)).sort();
  const problems = exports.filter((name) => present.has(name + PROBLEM_SUFFIX));
  const waiting = exports.filter((name) => !present.has(name + PROBLEM_SUFFIX));
  const checks: DoctorCheck[] = [];
  if (!waiting.length) checks.push(ok('inbox', 'no files waiting in inbox/'));
  else {
    const oldest = Math.min(...waiting.map((name) => fs.statSync(path.join(paths.inbox, name)).mtimeMs));
    checks.push(warn('inbox', `${plural(waiting.length, 'file')} waiting in inbox/, the oldest since ${describeAge(now().getTime() - oldest)}`,
      'practice-sync run imports them (check that the scheduled job runs)'));
  }
  if (problems.length) {
    checks.push(warn('inbox problems', `${plural(problems.length, 'file')} could not be imported: ${problems.join(', ')}`,
      'read the .problem.txt beside each, then fix the file or add a mapping; run retries a file once it changes'));
  }
  if (unfinished.length) {
    checks.push(warn('inbox unfinished', `${plural(unfinished.length, 'file')} in inbox/ look unfinished (a download, a copy, a file open in Excel), and run leaves them alone: ${unfinished.join(', ')}`,
      'if nothing is still writing them: export the file again, or rename a complete file to its real name; delete the ~$ files Excel leaves behind'));
  }
  return checks;
}

function describeAge(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 60) return `${plural(minutes, 'minute')} ago`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${plural(hours, 'hour')} ago` : `${plural(Math.floor(hours / 24), 'day')} ago`;
}
