import { describe, expect, it } from 'vitest';
import { nameRanks, sortByName } from '../../src/compute/name-order.js';

describe('nameRanks', () => {
  it('orders names case- and accent-insensitively', () => {
    const names = ['bo Park', 'Élise Ames', 'Avery Quill', 'Eli Stone', 'avery quill'];
    const rank = nameRanks(names);
    // "elise ames" sorts after "eli stone" ("eli " < "elis"); "Avery Quill" before "avery quill" as written.
    expect([...names].sort((a, b) => rank(a) - rank(b))).toEqual(['Avery Quill', 'avery quill', 'bo Park', 'Eli Stone', 'Élise Ames']);
  });
});

describe('sortByName', () => {
  it('sorts by name in reading order, ties by the given order, and leaves the input as it was', () => {
    const rows = [
      { name: 'Élise Ames', n: 1 },
      { name: 'eli stone', n: 2 },
      { name: 'Eli Stone', n: 4 },
      { name: 'Eli Stone', n: 3 },
      { name: 'ZOE Ng', n: 5 },
      { name: 'anna Bo', n: 6 },
    ];
    const copy = rows.map((row) => ({ ...row }));
    const sorted = sortByName(rows, (row) => row.name, (a, b) => a.n - b.n);
    expect(sorted.map((row) => row.n)).toEqual([6, 3, 4, 2, 1, 5]);
    expect(rows).toEqual(copy);
  });
});
