import { describe, expect, it } from 'vitest';
import { makeDateTimeParser } from '../../../src/mapping/cells/make-date-time-parser.js';

const at = (date: string, time: string | null) => ({ ok: true, value: { date, time } });
const notReal = { ok: false, expected: 'a real calendar date and time of day' };

describe('makeDateTimeParser', () => {
  // SimplePractice's Date of Service (FORMATS.md): 24-hour, with 12-hour accepted too.
  const service = makeDateTimeParser(['MM/dd/yyyy HH:mm', 'MM/dd/yyyy h:mm a']);

  it('refuses a year outside 1900-2199, and takes its edges', () => {
    expect(service('12/31/9999 14:00')).toEqual({ ok: false, expected: 'a date between 1900 and 2199' });
    expect(service('12/31/1899 14:00')).toEqual({ ok: false, expected: 'a date between 1900 and 2199' });
    expect(service('01/01/1900 00:00')).toEqual(at('1900-01-01', '00:00'));
    expect(service('12/31/2199 23:59')).toEqual(at('2199-12-31', '23:59'));
  });

  it.each([
    ['10/02/2026 14:00', at('2026-10-02', '14:00')],
    ['10/02/2026 9:05', at('2026-10-02', '09:05')],
    ['10/02/2026 00:00', at('2026-10-02', '00:00')],
    ['10/02/2026 23:59', at('2026-10-02', '23:59')],
    ['10/02/2026 2:30 PM', at('2026-10-02', '14:30')], // 2 p.m. = 12 + 2
    ['10/02/2026 2:30 pm', at('2026-10-02', '14:30')],
    ['10/02/2026 02:30PM', at('2026-10-02', '14:30')],
    ['10/02/2026 12:15 AM', at('2026-10-02', '00:15')], // 12 a.m. is midnight
    ['10/02/2026 12:15 PM', at('2026-10-02', '12:15')], // 12 p.m. is noon
    ['10/02/2026 11:59 p.m.', at('2026-10-02', '23:59')],
    ['10/02/2026', at('2026-10-02', null)], // exports drop the time
    ['10/02/2026 14:00:59', at('2026-10-02', '14:00')], // seconds dropped
  ])('reads %s', (raw, expected) => {
    expect(service(raw)).toEqual(expected);
  });

  it.each(['10/02/2026 24:00', '10/02/2026 14:60', '10/02/2026 13:30 PM', '10/02/2026 0:30 AM', '02/30/2026 10:00', '10/02/2026 14:00:60'])(
    'rejects the impossible %s',
    (raw) => expect(service(raw)).toEqual(notReal),
  );

  it.each(['10/02/2026 14', '10/02/2026 14:0', '10/02/2026 2:30 XM', '10/02/2026T', '10/02/2026 14:00 tomorrow'])(
    'rejects the malformed %s',
    (raw) => expect(service(raw)).toEqual({ ok: false, expected: 'a date and time like 10/24/2026 14:30 or 10/24/2026 2:30 PM' }),
  );

  it('reads ISO date-times, ignoring fractions and zones', () => {
    const iso = makeDateTimeParser(["yyyy-MM-dd'T'HH:mm:ss", 'yyyy-MM-dd HH:mm:ss']);
    expect(iso('2026-10-02T14:05:09')).toEqual(at('2026-10-02', '14:05'));
    expect(iso('2026-10-02T14:05:09Z')).toEqual(at('2026-10-02', '14:05'));
    expect(iso('2026-10-02T14:05:09.250-05:00')).toEqual(at('2026-10-02', '14:05'));
    expect(iso('2026-10-02 14:05:09')).toEqual(at('2026-10-02', '14:05'));
    expect(iso('2026-10-02')).toEqual(at('2026-10-02', null));
    expect(iso('2026-10-02T14:05:09+5').ok).toBe(false);
    // A bare T, as people write it, means the ISO separator (in date-fns it would be a timestamp).
    expect(makeDateTimeParser(['yyyy-MM-ddTHH:mm:ssX'])('2026-10-02T14:05:09Z')).toEqual(at('2026-10-02', '14:05'));
  });

  it('keeps a time that trails a date-only format', () => {
    const dateOnly = makeDateTimeParser(['MM/dd/yyyy']);
    expect(dateOnly('10/02/2026 14:00')).toEqual(at('2026-10-02', '14:00'));
    expect(dateOnly('10/02/2026 2:30 PM')).toEqual(at('2026-10-02', '14:30'));
    expect(dateOnly('10/02/2026')).toEqual(at('2026-10-02', null));
  });

  it('defaults to MM/dd/yyyy and yyyy-MM-dd, each with an optional time', () => {
    const parse = makeDateTimeParser();
    expect(parse('10/02/2026 14:00')).toEqual(at('2026-10-02', '14:00'));
    expect(parse('2026-10-02T08:00:00Z')).toEqual(at('2026-10-02', '08:00'));
  });

  it('reads the time through date-fns for named months', () => {
    const named = makeDateTimeParser(['MMM d, yyyy h:mm a']);
    expect(named('Oct 2, 2026 2:30 PM')).toEqual(at('2026-10-02', '14:30'));
    expect(named('Oct 2, 2026')).toEqual(at('2026-10-02', null));
  });
});
