// The before and after of every record a run touches, so `runs show` can list them and `undo` can restore them.
import type { Store } from './open-store.js';
import { TABLE_COLUMNS } from './tables.js';

export type StoredRow = Record<string, unknown>;

export class ChangeLog {
  private seq = 0;
  private readonly insert;

  constructor(db: Store, private readonly runId: number) {
    this.insert = db.prepare('INSERT INTO run_changes (run_id, seq, table_name, row_id, before, after) VALUES (?, ?, ?, ?, ?, ?)');
  }

  record(table: string, rowId: number, before: StoredRow | null, after: StoredRow | null): void {
    this.seq += 1;
    this.insert.run(this.runId, this.seq, table, rowId, before ? encodeRow(table, before) : null, after ? encodeRow(table, after) : null);
  }

  get count(): number {
    return this.seq;
  }
}

/** Rows are kept as JSON arrays in column order: compact, and restorable column by column. */
export function encodeRow(table: string, row: StoredRow): string {
  return JSON.stringify(TABLE_COLUMNS[table].map((c) => row[c] ?? null));
}

export function decodeRow(table: string, text: string): StoredRow {
  const values = JSON.parse(text) as unknown[];
  const row: StoredRow = {};
  TABLE_COLUMNS[table].forEach((c, i) => (row[c] = values[i]));
  return row;
}
