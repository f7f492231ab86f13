// A full disk is the office machine's problem, not a bug (SPEC §3 exit 1): exit 2, saying so, like a path this user
// may not write (permission-denied.ts). SQLite rolls back the transaction it could not commit: the store is as it was.
import fs from 'node:fs';
import path from 'node:path';
import { PracticeSyncError } from '../errors.js';

/** Below this much free space, a disk I/O error from SQLite on the store is taken for a full disk. */
const NEARLY_FULL_BYTES = 1 << 20;

/**
 * The refusal to throw in place of `error` when the disk is full, else null: Node's ENOSPC, SQLite's SQLITE_FULL, and
 * (for the store, whose folder is then checked) a SQLite I/O error on a file system with under 1 MB free, which is how
 * SQLite reports a -shm or -wal file it could not grow.
 */
export function diskFull(error: unknown, store?: string): PracticeSyncError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, path: target } = error as { code?: unknown; path?: unknown };
  if (typeof code !== 'string') return null;
  const where = typeof target === 'string' ? target : store;
  const full = code === 'ENOSPC' || (store !== undefined && (code === 'SQLITE_FULL' || (code.startsWith('SQLITE_IOERR') && freeBytes(store) < NEARLY_FULL_BYTES)));
  if (!full) return null;
  const folder = where === undefined ? 'the workspace' : path.dirname(where);
  return new PracticeSyncError('disk_full',
    `${where === undefined ? 'cannot write' : `cannot write ${where}`}: the disk is full (${code}); free some space on the disk holding ${folder}, then run the command again`,
    where === undefined ? {} : { path: where }, { cause: error });
}

function freeBytes(file: string): number {
  try {
    const stats = fs.statfsSync(path.dirname(file));
    return stats.bavail * stats.bsize;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
