// Open the SQLite store: owner-only file, WAL for readers during writes, migrations applied.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { fail } from '../errors.js';
import { chmodQuietly, FILE_MODE } from '../workspace/private-fs.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';
import { setupProblem } from '../workspace/setup-problem.js';
import { checkStoreFile, isStoreDamage, refuseStore, storeDamaged } from './store-file.js';
import { schemaProblems } from './store-schema.js';

export type Store = Database.Database;

/** At most this much of the store is mapped: more than a store of millions of claims, well under SQLite's 2 GB cap. */
const MMAP_BYTES = 1 << 30;

export interface OpenStoreOptions {
  /** Create the file when missing (init, tests); otherwise a missing store is an error. */
  create?: boolean;
  readonly?: boolean;
}

/**
 * Open the store, migrating it unless `readonly`. A store file that is missing, empty, not SQLite, damaged, or missing
 * part of the schema its version has is refused (exit 2, naming the file), before any migration writes to it.
 */
export function openStore(file: string, options: OpenStoreOptions = {}): Store {
  // Only `create` (init) may start from nothing; for every other command a missing or empty file is a lost store.
  const isNew = file === ':memory:' || (options.create === true && (!fs.existsSync(file) || fs.statSync(file).size === 0));
  if (!isNew) checkStoreFile(file);
  let db: Store | undefined;
  try {
    db = new Database(file, { readonly: options.readonly ?? false, timeout: 5_000 });
    configure(db, file, options);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      fail('store_invalid', `the store ${file} has schema version ${version}, newer than this practice-sync (${SCHEMA_VERSION}); upgrade practice-sync`);
    }
    // Version 0 is a new store (or one older than schema tracking): migrations make all of it.
    if (version > 0) refuseIncomplete(db, file, version);
    if (!options.readonly && version < SCHEMA_VERSION) {
      migrate(db);
      refuseIncomplete(db, file, SCHEMA_VERSION);
    }
    return db;
  } catch (error) {
    db?.close();
    throw isStoreDamage(error) ? storeDamaged(file, error) : (setupProblem(error, file) ?? error);
  }
}

function configure(db: Store, file: string, options: OpenStoreOptions): void {
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
}

/** A table dropped by hand or a backup cut down would otherwise fail every later command with "no such table". */
function refuseIncomplete(db: Store, file: string, version: number): void {
  const problems = schemaProblems(db, version);
  if (problems.length > 0) refuseStore(file, `is missing part of its schema (version ${version}): ${problems.join(', ')}`);
}
