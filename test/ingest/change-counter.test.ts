// The changes line of an import summary never says "no changes" under a count of updated rows.
import { describe, expect, it } from 'vitest';
import { ChangeCounter, describeChanges } from '../../src/ingest/change-counter.js';

describe('describeChanges', () => {
  it('counts updates without a status change: a balance export with one changed amount', () => {
    expect(describeChanges('balances', {}, 1)).toBe('balances: 1 updated');
    expect(describeChanges('balances', { new: 2 }, 3)).toBe('balances: 3 updated, 2 new');
    expect(describeChanges('balances', {}, 0)).toBe('balances: no changes');
  });

  it('words the status changes first, then the other updates, then the new records', () => {
    const counter = new ChangeCounter('claims');
    counter.updated('submitted', 'denied');
    counter.updated('pending', 'denied');
    counter.updated('submitted', 'paid');
    counter.updated('submitted', 'submitted'); // a new paid amount, same status
    counter.created('submitted');
    counter.created('denied');
    const changes = counter.summary();
    expect(changes).toEqual({ 'newly denied': 2, 'newly paid': 1, 'new denied': 1, new: 2 });
    expect(describeChanges('claims', changes, 4)).toBe('claims: 2 newly denied, 1 newly paid, 1 new denied, 1 other update, 2 new');
    expect(describeChanges('claims', changes, 5)).toBe('claims: 2 newly denied, 1 newly paid, 1 new denied, 2 other updates, 2 new');
    expect(describeChanges('claims', changes, 3)).toBe('claims: 2 newly denied, 1 newly paid, 1 new denied, 2 new');
  });
});
