import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/store/line-index.js';

describe('LineIndex', () => {
  it('remembers the first line per row id, grows past its initial size, and says undefined for unseen ids', () => {
    const index = new LineIndex();
    index.set(3, 17);
    index.set(5_000, 2);
    expect(index.get(3)).toBe(17);
    expect(index.get(5_000)).toBe(2);
    expect(index.get(4)).toBeUndefined();
    expect(index.get(1_000_000)).toBeUndefined();
  });
});
