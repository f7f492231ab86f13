// A store file practice-sync cannot use — missing, empty, not SQLite, damaged — is one refusal (exit 2) naming the file
// and the way back, from every command: never SQLite's bare message as an "internal error", never a fresh empty store.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { PracticeSyncError } from '../errors.js';

const SQLITE_MAGIC = 'SQLite format 3\0';

/** The 16-byte header every SQLite 3 database starts with; an empty file has none. */
export function hasSqliteHeader(file: string): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    return fs.readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === SQLITE_MAGIC;
  } finally {
    fs.closeSync(fd);
  }
}

/** The refusal of the workspace's store: `problem` says what is wrong with it ("is empty (0 bytes)"), never what it holds. */
export function storeRefusal(file: string, problem: string): PracticeSyncError {
  return new PracticeSyncError('store_invalid', `the store ${file} ${problem}: run practice-sync doctor, then practice-sync restore BACKUP with the backup it names`, { store: file });
}

export function refuseStore(file: string, problem: string): never {
  throw storeRefusal(file, problem);
}

/** SQLite found the file under it is not a whole database: damage on disk, not a bug here. */
export function isStoreDamage(error: unknown): error is Error {
  return error instanceof Database.SqliteError && /^SQLITE_(CORRUPT|NOTADB)/.test(error.code);
}

/** The refusal for damage SQLite reported, to throw in its place. SQLite's message names no row, only the fault. */
export const storeDamaged = (file: string, error: Error) => storeRefusal(file, `is damaged (${error.message})`);

/**
 * Refuse a store file that is missing, empty or not SQLite before SQLite opens it: SQLite would take an empty or
 * missing file for a new database, and the next import would fill a fresh store while the practice's data is gone.
 */
export function checkStoreFile(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return refuseStore(file, 'is missing');
  }
  if (!stat.isFile()) refuseStore(file, 'is not a file');
  if (stat.size === 0) refuseStore(file, 'is empty (0 bytes)');
  if (!hasSqliteHeader(file)) refuseStore(file, 'is not a SQLite database');
}
