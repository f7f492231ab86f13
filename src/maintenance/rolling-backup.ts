// The backup `run` takes before it writes: a new dated copy, then the oldest rolling copies beyond `keep` go.
import type { WorkspacePaths } from '../workspace/layout.js';
import { ensurePrivateDir } from '../workspace/private-fs.js';
import { backupStore, removeWithSideFiles, type BackupResult } from './backup-store.js';
import { listBackups, ROLLING_PREFIX, uniqueBackupFile } from './backup-names.js';

export interface RollingBackupResult extends BackupResult {
  /** Older rolling backups deleted to stay at `keep`. */
  removed: string[];
}

/**
 * Write `backups/practice-sync-auto-YYYYMMDD-HHMMSS.db` and delete the oldest files of that exact pattern
 * beyond `keep` (config `backup.keep`). Manual backups and any other file in backups/ are never touched.
 * `keep` 0 turns rolling backups off: nothing is written or deleted, and the result is null.
 */
export async function rollingBackup(paths: WorkspacePaths, now: () => Date, keep: number): Promise<RollingBackupResult | null> {
  if (keep <= 0) return null;
  ensurePrivateDir(paths.backups);
  const result = await backupStore(paths.store, uniqueBackupFile(paths.backups, ROLLING_PREFIX, now()));
  // The copy just written always stays, even if the clock went back and its name is not the newest.
  const older = listBackups(paths.backups, ROLLING_PREFIX).filter((b) => b.file !== result.file);
  const removed: string[] = [];
  for (const old of older.slice(0, Math.max(0, older.length - (keep - 1)))) {
    removeWithSideFiles(old.file);
    removed.push(old.file);
  }
  return { ...result, removed };
}

/** Rolling backups present now, oldest first. */
export function rollingBackups(paths: WorkspacePaths): string[] {
  return listBackups(paths.backups, ROLLING_PREFIX).map((b) => b.file);
}
