// Backup file names: the date and time they were taken (local time), so a folder listing sorts oldest first.
import fs from 'node:fs';
import path from 'node:path';

/** `backup` without --out: kept until someone deletes it. */
export const MANUAL_PREFIX = 'practice-sync';
/** `run`'s rolling backups: the only files ever pruned, so a manual backup is never rotated away. */
export const ROLLING_PREFIX = 'practice-sync-auto';
/** The store as it was just before `restore` replaced it. */
export const BEFORE_RESTORE_PREFIX = 'before-restore';

/** `YYYYMMDD-HHMMSS` in local time: what the office clock said when the backup was taken. */
export function backupStamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
}

/**
 * `<dir>/<prefix>-<stamp>.db`, or `-2`, `-3`… when that name is taken (two backups in one second).
 * Also skips names whose SQLite side files exist, so a new backup never inherits a stranger's -wal.
 */
export function uniqueBackupFile(dir: string, prefix: string, now: Date): string {
  const base = `${prefix}-${backupStamp(now)}`;
  for (let n = 1; ; n++) {
    const file = path.join(dir, `${base}${n === 1 ? '' : `-${n}`}.db`);
    if (!['', '-wal', '-shm', '-journal'].some((suffix) => fs.existsSync(file + suffix))) return file;
  }
}

export interface NamedBackup {
  file: string;
  /** Sort key: stamp, then the collision number. */
  key: string;
}

/** The files in `dir` named exactly `<prefix>-YYYYMMDD-HHMMSS[-N].db`, oldest first; nothing else is ever listed. */
export function listBackups(dir: string, prefix: string): NamedBackup[] {
  if (!fs.existsSync(dir)) return [];
  const pattern = new RegExp(`^${prefix}-(\\d{8})-(\\d{6})(?:-(\\d+))?\\.db$`);
  const found: NamedBackup[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const m = entry.isFile() ? pattern.exec(entry.name) : null;
    if (m) found.push({ file: path.join(dir, entry.name), key: `${m[1]}${m[2]}-${(m[3] ?? '1').padStart(6, '0')}` });
  }
  return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
