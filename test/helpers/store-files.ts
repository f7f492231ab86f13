// Looking at and damaging store files from outside practice-sync, as a disk fault would.
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../src/store/migrations.js';

export function integrity(dbFile: string): string {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

/** Overwrite the root page of the claims table's unique index: the file still opens, integrity_check fails. */
export function corruptClaimsIndex(file: string): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claims'").get() as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (rootpage - 1) * pageSize);
  fs.closeSync(fd);
}

/**
 * A store file as an older practice-sync left it: only the first `migrations` migrations run, recorded as practice-sync
 * records them. Open it with `openStore` to migrate it the rest of the way. The connection is the caller's to close.
 */
export function storeAtSchema(file: string, migrations: number): Database.Database {
  const db = new Database(file);
  db.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  for (const [i, migration] of MIGRATIONS.slice(0, migrations).entries()) {
    db.exec(migration.sql);
    migration.run?.(db);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run(migration.name, '1970-01-01T00:00:00.000Z');
    db.pragma(`user_version = ${i + 1}`);
  }
  return db;
}

/** Overwrite the root page of a table: the file opens and names its tables, but reading that table fails as corrupt. */
export function corruptTable(file: string, table: string): void {
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (rootpage - 1) * pageSize);
  fs.closeSync(fd);
}

/** Run `sql` on a store file from outside practice-sync (a hand edit, or a tool gone wrong), leaving no -wal behind. */
export function editStore(file: string, sql: string): void {
  const db = new Database(file);
  try {
    db.exec(sql);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
