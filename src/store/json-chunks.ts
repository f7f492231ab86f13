// Big tables leave SQLite a chunk of ids at a time, each chunk as one JSON array per column (or joined text, see
// `ChunkColumn`). better-sqlite3 builds a JS array per row and a value per cell, about 2.6 s for a million claims
// here; SQLite writing the same rows as JSON and a JSON.parse per column take about 1.7 s, and an array of one
// column's values (numbers, mostly) parses faster and leaves less garbage than an array per row. SQL only selects and
// serializes: every rule stays in TypeScript.
import type { Store } from './open-store.js';

/**
 * Ids per chunk: a million claims are about 245 chunks. A chunk's texts and rendered bytes stay under a few hundred KB
 * each, small enough for V8 to place in memory it has already used; chunks four times this size went to fresh memory
 * each time, and made a million claims 0.1–0.2 s slower as CSV and 0.5 s slower as JSON.
 */
export const CHUNK_IDS = 4_096;

/** A chunk as SQLite writes it: one text per column (a JSON array, or joined values), the rows in the same order in each. */
export type ChunkTexts = string[];

/**
 * A column of a chunk: a column name (or SQL expression) read as a JSON array, or `{ joined }`, a text column read as
 * its values joined by a separator. V8 internalizes every string of ten characters or fewer that `JSON.parse` makes:
 * right for dates and statuses, which repeat, but a million unique claim ids took four times as long to parse as to
 * split (460 ms against 70). Joined text cannot tell null from a value, nor a value from one holding the separator: a
 * chunk with either is read as JSON instead.
 */
export type ChunkColumn = string | { joined: string };

/** Joins the values of a `joined` column, and starts its text; JSON text starts with `[`. */
const SEPARATOR = '\x1e';

export interface JsonChunks {
  /** How many chunks `texts` yields at most. */
  count: number;
  texts: Iterable<ChunkTexts>;
}

/** A column of a chunk whose values may be null. */
export type Nullable<T> = (T | null)[];

/**
 * The chunks of `columns` (the first must be `id`, as JSON) of the rows of `table` that pass `where`, a chunk of ids
 * at a time, in id order from one chunk to the next (`parseChunk` orders the rows within one). Read them inside one
 * read transaction (`StoreInputs.snapshot`): each chunk is its own query, and only a transaction makes them all see
 * the same store.
 */
export function jsonChunks(db: Store, table: string, columns: readonly ChunkColumn[], where?: string, params: readonly unknown[] = []): JsonChunks {
  // Two subqueries: SQLite finds a lone min() or max() in the index, but scans the whole table for both at once.
  const [min, max] = db.prepare(`SELECT (SELECT min(id) FROM ${table}), (SELECT max(id) FROM ${table})`).raw().get() as [number | null, number | null];
  if (min === null || max === null) return { count: 0, texts: [] };
  const joined = columns.flatMap((column) => (typeof column === 'string' ? [] : [column.joined]));
  const range = `FROM ${table} WHERE id BETWEEN ? AND ?${where ? ` AND (${where})` : ''}`;
  // All aggregates of one SELECT see the rows in the same order, so the i-th value of every column is one row's.
  const asJson = (column: ChunkColumn) => `json_group_array(${typeof column === 'string' ? column : column.joined})`;
  // After the columns, for each joined one: how many of its values are null or hold the separator.
  const chunk = db.prepare(`SELECT ${columns.map((column) => (typeof column === 'string' ? asJson(column) : `char(30) || group_concat(${column.joined}, char(30))`)).join(', ')}
    ${joined.map((column) => `, count(*) - count(${column}) + sum(instr(${column}, char(30)) > 0)`).join('')} ${range}`).raw();
  // A chunk where a joined value is null or holds the separator is read again, every column as JSON.
  const jsonChunk = joined.length ? db.prepare(`SELECT ${columns.map(asJson).join(', ')} ${range}`).raw() : chunk;
  const nextId = db.prepare(`SELECT min(id) FROM ${table} WHERE id > ?`).pluck();
  function* texts(): Generator<ChunkTexts> {
    let from: number | null = min;
    while (from !== null && from <= max!) {
      const to: number = from + CHUNK_IDS - 1;
      let texts = chunk.get(from, to, ...params) as ChunkTexts;
      // An empty chunk may be a gap in the ids (a row given id 10^12 by hand): go on from the next id there is.
      if (texts[0] === '[]') from = nextId.get(to) as number | null;
      else {
        const unjoinable = texts.splice(columns.length) as unknown[] as (number | null)[];
        if (unjoinable.some((count) => count !== 0)) texts = jsonChunk.get(from, to, ...params) as ChunkTexts;
        yield texts;
        from = to + 1;
      }
    }
  }
  return { count: Math.ceil((max - min + 1) / CHUNK_IDS), texts: texts() };
}

/** A column's values from its text in a chunk, either form. */
function parseColumn(text: string): unknown[] {
  return text.charCodeAt(0) === 0x1e ? text.slice(1).split(SEPARATOR) : (JSON.parse(text) as unknown[]);
}

/** A chunk's columns (`columns[c][i]` is column c of row i), rows in id order. */
export function parseChunk<Columns extends [number[], ...unknown[][]]>(texts: ChunkTexts): Columns {
  const columns = texts.map(parseColumn) as Columns;
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
