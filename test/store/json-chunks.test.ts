// Chunks travel as one JSON array per column: the i-th value of every column must be one row's, in id order.
import { describe, expect, it } from 'vitest';
import { CHUNK_IDS, jsonChunks, parseChunk, type ChunkTexts } from '../../src/store/json-chunks.js';
import { openStore } from '../../src/store/open-store.js';

/** Stores `rows` as claims of `columns`, reads them back as chunks: each chunk's texts, and the rows again. */
function roundTrip(columns: string[], rows: unknown[][], joined: string | null = null): { chunks: ChunkTexts[]; rows: unknown[][] } {
  const db = openStore(':memory:', { create: true });
  const insert = db.prepare(`INSERT INTO claims (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  for (const row of rows) insert.run(...row);
  const chunks = [...jsonChunks(db, 'claims', columns.map((column) => (column === joined ? { joined: column } : column))).texts];
  db.close();
  const back = chunks.flatMap((texts) => {
    const values = parseChunk<[number[], ...unknown[][]]>(texts);
    return values[0].map((_, row) => values.map((column) => column[row]));
  });
  return { chunks, rows: back };
}

describe('jsonChunks', () => {
  it('keeps each row together across its columns, with nulls and gaps, in id order', () => {
    const rows = [1, 2, 5, CHUNK_IDS, CHUNK_IDS + 1, 3 * CHUNK_IDS + 7].map((id) => [id, `CLM-${id}`, id % 2 ? 'paid' : null, id % 3 ? id * 100 : null]);
    expect(roundTrip(['id', 'claim_id', 'status', 'billed'], rows).rows).toEqual(rows);
  });

  it('reads a joined column as the same values, and a chunk whose value holds the separator again as JSON', () => {
    // The second chunk holds the separator in a claim id; the first and the third are joined text.
    const rows = [
      [1, 'CLM-1', 100], [2, '', null], [3, 'Lind, "Bo"', 300], [4, 'é😀\n', 400],
      [CHUNK_IDS + 1, 'A\u001eB', 500], [CHUNK_IDS + 2, '\u001e', 600],
      [2 * CHUNK_IDS + 1, 'CLM-x', 700],
    ];
    const read = roundTrip(['id', 'claim_id', 'billed'], rows, 'claim_id');
    expect(read.chunks.map((texts) => texts[1][0])).toEqual(['\u001e', '[', '\u001e']);
    expect(read.rows).toEqual(rows);
  });

  it('reads a chunk with a null in a joined column as JSON, nulls in place', () => {
    // First chunk: one null among values; second: nothing but nulls; third: no null, joined.
    const rows = [[1, 'C1', null], [2, 'C2', 'PB'], [3, 'C3', 'PC'], [CHUNK_IDS + 1, 'C4', null], [2 * CHUNK_IDS + 1, 'C5', 'PE']];
    const read = roundTrip(['id', 'claim_id', 'payer_claim_id'], rows, 'payer_claim_id');
    expect(read.chunks.map((texts) => texts[2][0])).toEqual(['[', '[', '\u001e']);
    expect(read.rows).toEqual(rows);
  });

  it('puts rows that arrive out of id order back in order, every column alike', () => {
    const texts = [JSON.stringify([3, 1, 2]), JSON.stringify(['c', 'a', 'b']), JSON.stringify([30, null, 20])];
    expect(parseChunk<[number[], string[], (number | null)[]]>(texts)).toEqual([[1, 2, 3], ['a', 'b', 'c'], [null, 20, 30]]);
  });
});
