// The one pluralizer of messages (alerts, doctor, the header shown when no mapping fits).
import { describe, expect, it } from 'vitest';
import { plural } from '../../src/text/plural.js';

describe('plural', () => {
  it('adds an "s" to every count but 1', () => {
    expect(plural(1, 'day')).toBe('1 day');
    expect(plural(0, 'day')).toBe('0 days');
    expect(plural(2, 'authorized session')).toBe('2 authorized sessions');
    expect(plural(-1, 'day')).toBe('-1 days');
  });
});
