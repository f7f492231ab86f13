import { describe, expect, it } from 'vitest';
import { nameRanks } from '../../src/compute/name-order.js';

describe('nameRanks', () => {
  it('orders names case- and accent-insensitively', () => {
    const names = ['bo Park', 'Élise Ames', 'Avery Quill', 'Eli Stone', 'avery quill'];
    const rank = nameRanks(names);
    // "elise ames" sorts after "eli stone" ("eli " < "elis"); "Avery Quill" before "avery quill" as written.
    expect([...names].sort((a, b) => rank(a) - rank(b))).toEqual(['Avery Quill', 'avery quill', 'bo Park', 'Eli Stone', 'Élise Ames']);
  });
});
