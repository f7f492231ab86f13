// `backup`: a consistent copy of the store through SQLite's online backup API, verified before it counts.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { fail } from '../errors.js';
import { checkStoreFile, isStoreDamage, refuseStore, storeDamaged } from '../store/store-file.js';
import { diskFull } from '../workspace/disk-full.js';
import { chmodQuietly, FILE_MODE, writePrivateFile } from '../workspace/private-fs.js';
import { inspectStore, isIntact } from './inspect-store.js';

export interface BackupResult {
  file: string;
  bytes: number;
  pages: number;
}

/** Pages copied per step; between steps other connections go on reading and writing. */
const PAGES_PER_STEP = 1024;

/**
 * Copy `storeFile` to `destFile` (which must not exist) while other processes may be using the store.
 * The backup API copies one snapshot: when another connection commits mid-copy it starts over, so the copy
 * holds a whole import or none of it. The copy is written beside its destination, checked with
 * `integrity_check`, switched out of WAL mode so it is one self-contained file, and only then renamed into place.
 * `readonly` for a source that is not the store (restore's input), so reading it never changes it.
 */
export async function backupStore(storeFile: string, destFile: string, options: { readonly?: boolean } = {}): Promise<BackupResult> {
  // The workspace's store must be one (an empty file would copy as an empty store); restore checked its input already.
  const isStore = !options.readonly;
  if (isStore) checkStoreFile(storeFile);
  else if (!fs.existsSync(storeFile)) fail('file_unreadable', `cannot read ${storeFile}: no such file`);
  if (fs.existsSync(destFile)) fail('usage', `${destFile} already exists; choose another file name`);
  if (!fs.existsSync(path.dirname(destFile))) fail('usage', `the folder ${path.dirname(destFile)} does not exist`);
  const partial = `${destFile}.partial-${process.pid}`;
  removeWithSideFiles(partial);
  // Created owner-only before SQLite writes a byte; SQLite treats an empty file as a new database.
  writePrivateFile(partial, '');
  try {
    const source = new Database(storeFile, { readonly: options.readonly ?? false, fileMustExist: true, timeout: 5_000 });
    try {
      await source.backup(partial, { progress: () => PAGES_PER_STEP });
    } finally {
      source.close();
    }
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const inspection = inspectStore(partial, { readonly: true });
    if (!isIntact(inspection)) {
      if (isStore) refuseStore(storeFile, `is damaged (its copy failed integrity_check: ${inspection.integrity[0]})`);
      fail('store_invalid', `the copy of ${storeFile} failed its integrity check (${inspection.integrity[0]})`);
    }
    fsyncFile(partial);
    fs.renameSync(partial, destFile);
    chmodQuietly(destFile, FILE_MODE);
    return { file: destFile, bytes: fs.statSync(destFile).size, pages: inspection.pages };
  } catch (error) {
    removeWithSideFiles(partial);
    // The copy is what fills a disk: the message names where it was going.
    throw isStore && isStoreDamage(error) ? storeDamaged(storeFile, error) : (diskFull(error, destFile) ?? error);
  }
}

export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export function removeWithSideFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
}
