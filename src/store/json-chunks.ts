// Big tables leave SQLite a chunk of ids at a time, each chunk as one JSON text of row arrays. better-sqlite3 builds a
// JS array per row and a value per cell, about 2.6 s for a million claims here; SQLite writing the same rows as JSON
// and one JSON.parse per chunk take about 1.5 s. SQL only selects and serializes: every rule stays in TypeScript.
import type { Store } from './open-store.js';

/** Ids per chunk: a chunk of claims is a few MB of JSON, and a million claims are about 60 chunks. */
export const CHUNK_IDS = 16_384;

export interface JsonChunks {
  /** How many texts `texts` yields. */
  count: number;
  texts: Iterable<string>;
}

/**
 * The JSON texts of `columns` (the first must be `id`) of the rows of `table` that pass `where`, a chunk of ids at a
 * time in id order; `count` is how many chunks there are at most. Read them inside one read transaction
 * (`StoreInputs.snapshot`): each chunk is its own query, and only a transaction makes them all see the same store.
 */
export function jsonChunks(db: Store, table: string, columns: string, where?: string, params: readonly unknown[] = []): JsonChunks {
  // Two subqueries: SQLite finds a lone min() or max() in the index, but scans the whole table for both at once.
  const [min, max] = db.prepare(`SELECT (SELECT min(id) FROM ${table}), (SELECT max(id) FROM ${table})`).raw().get() as [number | null, number | null];
  if (min === null || max === null) return { count: 0, texts: [] };
  const chunk = db.prepare(`SELECT json_group_array(json_array(${columns})) FROM ${table} WHERE id BETWEEN ? AND ?${where ? ` AND (${where})` : ''}`).pluck();
  const nextId = db.prepare(`SELECT min(id) FROM ${table} WHERE id > ?`).pluck();
  function* texts(): Generator<string> {
    let from: number | null = min;
    while (from !== null && from <= max!) {
      const to: number = from + CHUNK_IDS - 1;
      const text = chunk.get(from, to, ...params) as string;
      // An empty chunk may be a gap in the ids (a row given id 10^12 by hand): go on from the next id there is.
      if (text === '[]') from = nextId.get(to) as number | null;
      else {
        yield text;
        from = to + 1;
      }
    }
  }
  return { count: Math.ceil((max - min + 1) / CHUNK_IDS), texts: texts() };
}

/** A chunk's rows in id order. */
export function parseChunk<Row extends [number, ...unknown[]]>(json: string): Row[] {
  const rows = JSON.parse(json) as Row[];
  // SQLite aggregates a rowid range scan in id order; should a later version not, the order still holds.
  for (let i = 1; i < rows.length; i++) {
    if (rows[i][0] < rows[i - 1][0]) return rows.sort((a, b) => a[0] - b[0]);
  }
  return rows;
}
