// Chunks travel as one JSON array per column: the i-th value of every column must be one row's, in id order.
import { describe, expect, it } from 'vitest';
import { CHUNK_IDS, jsonChunks, parseChunk } from '../../src/store/json-chunks.js';
import { openStore } from '../../src/store/open-store.js';

describe('jsonChunks', () => {
  it('keeps each row together across its columns, with nulls and gaps, in id order', () => {
    const db = openStore(':memory:', { create: true });
    const insert = db.prepare('INSERT INTO claims (id, claim_id, status, billed) VALUES (?, ?, ?, ?)');
    const ids = [1, 2, 5, CHUNK_IDS, CHUNK_IDS + 1, 3 * CHUNK_IDS + 7];
    for (const id of ids) insert.run(id, `CLM-${id}`, id % 2 ? 'paid' : null, id % 3 ? id * 100 : null);
    const rows = [...jsonChunks(db, 'claims', ['id', 'claim_id', 'status', 'billed']).texts].flatMap((texts) => {
      const [keys, claimIds, statuses, billed] = parseChunk<[number[], string[], (string | null)[], (number | null)[]]>(texts);
      return keys.map((key, row) => [key, claimIds[row], statuses[row], billed[row]]);
    });
    expect(rows).toEqual(db.prepare('SELECT id, claim_id, status, billed FROM claims ORDER BY id').raw().all());
    db.close();
  });

  it('reads a joined column as the same values, and a chunk whose value holds the separator again as JSON', () => {
    const db = openStore(':memory:', { create: true });
    const insert = db.prepare('INSERT INTO claims (id, claim_id, billed) VALUES (?, ?, ?)');
    // The second chunk holds the separator in a claim id; the first and the third are joined text.
    const claims: [number, string, number | null][] = [
      [1, 'CLM-1', 100], [2, '', null], [3, 'Lind, "Bo"', 300], [4, 'é😀\n', 400],
      [CHUNK_IDS + 1, 'A\u001eB', 500], [CHUNK_IDS + 2, '\u001e', 600],
      [2 * CHUNK_IDS + 1, 'CLM-x', 700],
    ];
    for (const claim of claims) insert.run(...claim);
    const chunks = [...jsonChunks(db, 'claims', ['id', { joined: 'claim_id' }, 'billed']).texts];
    expect(chunks.map((texts) => texts[1][0])).toEqual(['\u001e', '[', '\u001e']);
    const rows = chunks.flatMap((texts) => {
      const [keys, claimIds, billed] = parseChunk<[number[], string[], (number | null)[]]>(texts);
      return keys.map((key, row) => [key, claimIds[row], billed[row]]);
    });
    expect(rows).toEqual(claims);
    db.close();
  });

  it('reads a chunk with a null in a joined column as JSON, nulls in place', () => {
    const db = openStore(':memory:', { create: true });
    const insert = db.prepare('INSERT INTO claims (id, claim_id, payer_claim_id) VALUES (?, ?, ?)');
    // First chunk: one null among values; second: nothing but nulls; third: no null, joined.
    const claims: [number, string, string | null][] = [
      [1, 'C1', null], [2, 'C2', 'PB'], [3, 'C3', 'PC'],
      [CHUNK_IDS + 1, 'C4', null],
      [2 * CHUNK_IDS + 1, 'C5', 'PE'],
    ];
    for (const claim of claims) insert.run(...claim);
    const chunks = [...jsonChunks(db, 'claims', ['id', 'claim_id', { joined: 'payer_claim_id' }]).texts];
    expect(chunks.map((texts) => texts[2][0])).toEqual(['[', '[', '\u001e']);
    const rows = chunks.flatMap((texts) => {
      const [keys, claimIds, payerClaimIds] = parseChunk<[number[], string[], (string | null)[]]>(texts);
      return keys.map((key, row) => [key, claimIds[row], payerClaimIds[row]]);
    });
    expect(rows).toEqual(claims);
    db.close();
  });

  it('puts rows that arrive out of id order back in order, every column alike', () => {
    const texts = [JSON.stringify([3, 1, 2]), JSON.stringify(['c', 'a', 'b']), JSON.stringify([30, null, 20])];
    expect(parseChunk<[number[], string[], (number | null)[]]>(texts)).toEqual([[1, 2, 3], ['a', 'b', 'c'], [null, 20, 30]]);
  });
});
