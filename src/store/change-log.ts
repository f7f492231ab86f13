// The before and after of every record a run touches, so `runs show` can list them and `undo` can restore them.
// Records a run creates are kept as id ranges: one row per table instead of one per record, which is what lets a
// million-row import stay above 100,000 rows/s.
import type { Store } from './open-store.js';
import { TABLE_COLUMNS } from './tables.js';

export type StoredRow = Record<string, unknown>;

interface Range {
  first: number;
  last: number;
}

export class ChangeLog {
  private seq = 0;
  private readonly insert;
  private readonly ranges = new Map<string, Range>();
  private createdCount = 0;

  constructor(db: Store, private readonly runId: number) {
    this.insert = db.prepare('INSERT INTO run_changes (run_id, seq, table_name, row_id, last_row_id, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  /** An existing record changed (or removed, with `after` null). */
  record(table: string, rowId: number, before: StoredRow, after: StoredRow | null): void {
    this.seq += 1;
    this.insert.run(this.runId, this.seq, table, rowId, null, encodeRow(table, before), after ? encodeRow(table, after) : null);
  }

  /** A record this run inserted; consecutive ids of one table, rising or falling (an undo restores), collapse into one range. */
  created(table: string, rowId: number): void {
    this.createdCount += 1;
    const range = this.ranges.get(table);
    if (range && rowId === range.last + 1) {
      range.last = rowId;
      return;
    }
    if (range && rowId === range.first - 1) {
      range.first = rowId;
      return;
    }
    if (range) this.flushRange(table, range);
    this.ranges.set(table, { first: rowId, last: rowId });
  }

  /** Write the pending ranges; call before the run's transaction commits. */
  finish(): void {
    for (const [table, range] of this.ranges) this.flushRange(table, range);
    this.ranges.clear();
  }

  get count(): number {
    return this.seq + this.createdCount;
  }

  private flushRange(table: string, range: Range): void {
    this.seq += 1;
    this.insert.run(this.runId, this.seq, table, range.first, range.last, null, null);
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
