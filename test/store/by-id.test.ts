// Name lookups by store id: an array for the ids SQLite hands out, a Map for any id set by hand far beyond them.
import { describe, expect, it } from 'vitest';
import { ById } from '../../src/store/by-id.js';

describe('ById', () => {
  it('finds every id, small or huge, and lists them in id order', () => {
    const byId = new ById<string>().set(3, 'c').set(1, 'a').set(1e12, 'far').set(-1, 'negative').set(2 ** 22, 'edge').set(1.5, 'real');
    expect([1, 3, 1e12, -1, 2 ** 22, 1.5, 2].map((id) => byId.get(id))).toEqual(['a', 'c', 'far', 'negative', 'edge', 'real', undefined]);
    expect([...byId]).toEqual([[-1, 'negative'], [1, 'a'], [1.5, 'real'], [3, 'c'], [2 ** 22, 'edge'], [1e12, 'far']]);
  });

  it('works again after a structured clone, as a worker thread receives it', () => {
    const byId = new ById<string>().set(2, 'b').set(1e12, 'far');
    const copy = ById.revive(structuredClone(byId));
    expect([copy.get(2), copy.get(1e12), copy.get(3)]).toEqual(['b', 'far', undefined]);
  });
});
