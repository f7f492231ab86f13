// Looking at and damaging store files from outside practice-sync, as a disk fault would.
import fs from 'node:fs';
import Database from 'better-sqlite3';

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
