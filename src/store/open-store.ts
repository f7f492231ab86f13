// Open the SQLite store: owner-only file, WAL for readers during writes, migrations applied.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { fail } from '../errors.js';
import { chmodQuietly, FILE_MODE } from '../workspace/private-fs.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';

export type Store = Database.Database;

/** At most this much of the store is mapped: more than a store of millions of claims, well under SQLite's 2 GB cap. */
const MMAP_BYTES = 1 << 30;

export interface OpenStoreOptions {
  /** Create the file when missing (init, tests); otherwise a missing store is an error. */
  create?: boolean;
  readonly?: boolean;
}

export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  if (file !== ':memory:' && !options.create && !fs.existsSync(file)) {
    fail('store_invalid', `the store ${file} is missing; run practice-sync doctor`);
  }
  const db = new Database(file, { readonly: options.readonly ?? false, timeout: 5_000 });
  if (file !== ':memory:') {
    for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(file + suffix)) chmodQuietly(file + suffix, FILE_MODE);
  }
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('journal_size_limit = 67108864');
  }
  db.pragma('foreign_keys = OFF');
  db.pragma('cache_size = -32768');
  // Pages read straight from the operating system's file cache, not copied a page per system call into SQLite's own
  // cache: the chased claims of a million read in 87 ms instead of 210, a full scan in 570-670 instead of 750
  // (docs/decisions.md).
  db.pragma(`mmap_size = ${MMAP_BYTES}`);
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    fail('store_invalid', `the store ${file} has schema version ${version}, newer than this practice-sync (${SCHEMA_VERSION}); upgrade practice-sync`);
  }
  if (!options.readonly) migrate(db);
  return db;
}
