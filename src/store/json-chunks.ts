// Big tables leave SQLite a chunk of ids at a time, each chunk as one JSON array per column. better-sqlite3 builds a
// JS array per row and a value per cell, about 2.6 s for a million claims here; SQLite writing the same rows as JSON
// and a JSON.parse per column take about 1.7 s, and an array of one column's values (numbers, mostly) parses faster
// and leaves less garbage than an array per row. SQL only selects and serializes: every rule stays in TypeScript.
import type { Store } from './open-store.js';

/** Ids per chunk: a chunk of claims is a few MB of JSON, and a million claims are about 60 chunks. */
export const CHUNK_IDS = 16_384;

/** A chunk as SQLite writes it: one JSON array text per column, the rows in the same order in each. */
export type ChunkTexts = string[];

export interface JsonChunks {
  /** How many chunks `texts` yields at most. */
  count: number;
  texts: Iterable<ChunkTexts>;
}

/** A column of a chunk whose values may be null. */
export type Nullable<T> = (T | null)[];

/**
 * The chunks of `columns` (the first must be `id`) of the rows of `table` that pass `where`, a chunk of ids at a time,
 * in id order from one chunk to the next (`parseChunk` orders the rows within one). Read them inside one read transaction (`StoreInputs.snapshot`): each chunk is its own query, and only a
 * transaction makes them all see the same store.
 */
export function jsonChunks(db: Store, table: string, columns: readonly string[], where?: string, params: readonly unknown[] = []): JsonChunks {
  // Two subqueries: SQLite finds a lone min() or max() in the index, but scans the whole table for both at once.
  const [min, max] = db.prepare(`SELECT (SELECT min(id) FROM ${table}), (SELECT max(id) FROM ${table})`).raw().get() as [number | null, number | null];
  if (min === null || max === null) return { count: 0, texts: [] };
  // All aggregates of one SELECT see the rows in the same order, so the i-th value of every column is one row's.
  const arrays = columns.map((column) => `json_group_array(${column})`).join(', ');
  const chunk = db.prepare(`SELECT ${arrays} FROM ${table} WHERE id BETWEEN ? AND ?${where ? ` AND (${where})` : ''}`).raw();
  const nextId = db.prepare(`SELECT min(id) FROM ${table} WHERE id > ?`).pluck();
  function* texts(): Generator<ChunkTexts> {
    let from: number | null = min;
    while (from !== null && from <= max!) {
      const to: number = from + CHUNK_IDS - 1;
      const texts = chunk.get(from, to, ...params) as ChunkTexts;
      // An empty chunk may be a gap in the ids (a row given id 10^12 by hand): go on from the next id there is.
      if (texts[0] === '[]') from = nextId.get(to) as number | null;
      else {
        yield texts;
        from = to + 1;
      }
    }
  }
  return { count: Math.ceil((max - min + 1) / CHUNK_IDS), texts: texts() };
}

/** A chunk's columns (`columns[c][i]` is column c of row i), rows in id order. */
export function parseChunk<Columns extends [number[], ...unknown[][]]>(texts: ChunkTexts): Columns {
  const columns = texts.map((text) => JSON.parse(text) as unknown[]) as Columns;
  const ids = columns[0];
  // A rowid range scan comes in id order; a read through an index (the chased claims) comes grouped by its key.
  for (let i = 1; i < ids.length; i++) {
    if (ids[i] < ids[i - 1]) {
      const order = ids.map((_, row) => row).sort((a, b) => ids[a] - ids[b]);
      return columns.map((column) => order.map((row) => column[row])) as Columns;
    }
  }
  return columns;
}
