import { describe, expect, it } from 'vitest';
import { makeTimeParser } from '../../../src/mapping/cells/make-time-parser.js';

describe('makeTimeParser', () => {
  const parse = makeTimeParser(['HH:mm', 'h:mm a']);

  it.each([
    ['14:30', '14:30'],
    ['9:05', '09:05'],
    ['00:00', '00:00'],
    ['14:30:00', '14:30'],
    ['2:30 PM', '14:30'],
    ['2:30 pm', '14:30'],
    ['02:30PM', '14:30'],
    ['12:00 AM', '00:00'],
    ['12:00 PM', '12:00'],
  ])('reads %s', (raw, time) => {
    expect(parse(raw)).toEqual({ ok: true, value: time });
  });

  it.each(['24:00', '23:60', '13:00 PM', '0:15 AM'])('rejects the impossible %s', (raw) => {
    expect(parse(raw)).toEqual({ ok: false, expected: 'a real time of day' });
  });

  it.each(['2:3', '230', 'noon', '14:30 x'])('rejects the malformed %s', (raw) => {
    expect(parse(raw)).toEqual({ ok: false, expected: 'a time like 14:30 or 2:30 PM' });
  });

  it('needs the time when the format also has a date', () => {
    const stamped = makeTimeParser(['MM/dd/yyyy HH:mm']);
    expect(stamped('10/02/2026 14:30')).toEqual({ ok: true, value: '14:30' });
    expect(stamped('10/02/2026').ok).toBe(false);
  });

  it('refuses a format without hours or minutes', () => {
    expect(() => makeTimeParser(['MM/dd/yyyy'])).toThrow(/no hours or minutes/);
  });
});
