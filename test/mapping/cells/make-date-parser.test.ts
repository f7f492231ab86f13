import { describe, expect, it } from 'vitest';
import { isPracticeSyncError } from '../../../src/errors.js';
import { makeDateParser } from '../../../src/mapping/cells/make-date-parser.js';

const real = { ok: false, expected: 'a real calendar date' };

describe('makeDateParser', () => {
  const usDate = makeDateParser(['MM/dd/yyyy']);
  const isoDate = makeDateParser(['yyyy-MM-dd']);

  it.each([
    ['10/02/2026', '2026-10-02'],
    ['1/2/2026', '2026-01-02'], // padding is optional when a separator follows
    ['12/31/1999', '1999-12-31'],
    ['02/29/2024', '2024-02-29'], // 2024 is a leap year
    ['10/02/2026 14:00', '2026-10-02'], // exports that add a time: ignored
    ['10/02/2026 2:30 PM', '2026-10-02'],
    ['10/02/2026 02:30:15', '2026-10-02'],
  ])('MM/dd/yyyy reads %s', (raw, iso) => {
    expect(usDate(raw)).toEqual({ ok: true, value: iso });
  });

  it.each(['02/30/2026', '13/01/2026', '00/10/2026', '10/00/2026', '02/29/2026', '02/29/1900', '04/31/2026', '10/02/0999'])(
    'MM/dd/yyyy rejects the impossible %s',
    (raw) => expect(usDate(raw)).toEqual(real),
  );

  it.each([
    ['12/31/9999', usDate], // "no end date" in some systems
    ['01/01/1899', usDate],
    ['12/31/1899', usDate],
    ['01/01/2200', usDate],
    ['1000-01-01', isoDate],
  ])('refuses %s, outside the years 1900-2199', (raw, parse) => {
    expect(parse(raw)).toEqual({ ok: false, expected: 'a date between 1900 and 2199' });
  });

  it.each([['01/01/1900', '1900-01-01'], ['12/31/2199', '2199-12-31']])('takes %s, the edge of the years it reads', (raw, iso) => {
    expect(usDate(raw)).toEqual({ ok: true, value: iso });
  });

  it.each(['10/02/26', '10-02-2026', '2026-10-02', '10/02/2026x', '10/02/20261', '100/02/2026', 'October 2', '10/02/2026 25:00x'])(
    'MM/dd/yyyy rejects the malformed %s with an example',
    (raw) => expect(usDate(raw)).toEqual({ ok: false, expected: 'a date like 10/24/2026' }),
  );

  it('checks the time it ignores', () => {
    expect(usDate('10/02/2026 25:00')).toEqual(real);
    expect(usDate('10/02/2026 14:60')).toEqual(real);
    expect(usDate('10/02/2026 13:00 PM')).toEqual(real);
    expect(usDate('10/02/2026 later').ok).toBe(false);
  });

  it('reads ISO dates, with or without a trailing time and zone', () => {
    expect(isoDate('2026-10-02')).toEqual({ ok: true, value: '2026-10-02' });
    expect(isoDate('2026-10-02T14:00:00Z')).toEqual({ ok: true, value: '2026-10-02' });
    expect(isoDate('2026-10-02T14:00:00.123+05:30')).toEqual({ ok: true, value: '2026-10-02' });
    expect(isoDate('2026-10-02 14:00:00')).toEqual({ ok: true, value: '2026-10-02' });
    expect(isoDate('2026-02-29')).toEqual(real); // 2026 is not a leap year
    expect(isoDate('2000-02-29')).toEqual({ ok: true, value: '2000-02-29' }); // divisible by 400
  });

  it('reads two-digit years as 20yy', () => {
    const short = makeDateParser(['MM/dd/yy']);
    expect(short('10/02/26')).toEqual({ ok: true, value: '2026-10-02' });
    expect(short('01/05/99')).toEqual({ ok: true, value: '2099-01-05' });
    expect(short('10/02/2026').ok).toBe(false);
  });

  it('tries formats in order and names every example', () => {
    const both = makeDateParser(['MM/dd/yyyy', 'yyyy-MM-dd']);
    expect(both('2026-10-02')).toEqual({ ok: true, value: '2026-10-02' });
    expect(both('10/02/2026')).toEqual({ ok: true, value: '2026-10-02' });
    expect(both('2.10.2026')).toEqual({ ok: false, expected: 'a date like 10/24/2026 or 2026-10-24' });
  });

  it('prefers a later format that fits over an impossible reading of an earlier one', () => {
    const either = makeDateParser(['MM/dd/yyyy', 'dd/MM/yyyy']);
    expect(either('13/01/2026')).toEqual({ ok: true, value: '2026-01-13' });
    expect(either('31/31/2026')).toEqual(real);
  });

  it('accepts a date-and-time format for a date field', () => {
    const withTime = makeDateParser(['MM/dd/yyyy HH:mm']);
    expect(withTime('10/02/2026 14:00')).toEqual({ ok: true, value: '2026-10-02' });
    expect(withTime('10/02/2026')).toEqual({ ok: true, value: '2026-10-02' });
  });

  it('reads other layouts and quoted literals', () => {
    expect(makeDateParser(['yyyyMMdd'])('20261002')).toEqual({ ok: true, value: '2026-10-02' });
    expect(makeDateParser(['yyyyMMdd'])('2026102').ok).toBe(false); // glued fields need both digits
    expect(makeDateParser(['d.M.yyyy'])('2.10.2026')).toEqual({ ok: true, value: '2026-10-02' });
    expect(makeDateParser(["'Date' M/d/yyyy"])('Date 10/2/2026')).toEqual({ ok: true, value: '2026-10-02' });
    expect(makeDateParser(['MM/DD/YYYY'])('10/02/2026')).toEqual({ ok: true, value: '2026-10-02' }); // YYYY/DD slips repaired
  });

  it('falls back to date-fns for month names and weekdays', () => {
    const named = makeDateParser(['MMM d, yyyy', 'EEE MM/dd/yyyy']);
    expect(named('Oct 2, 2026')).toEqual({ ok: true, value: '2026-10-02' });
    expect(named('Fri 10/02/2026')).toEqual({ ok: true, value: '2026-10-02' });
    expect(named('Oct 2, 2026 14:00')).toEqual({ ok: true, value: '2026-10-02' });
    expect(named('Feb 30, 2026')).toEqual({ ok: false, expected: 'a date like Oct 24, 2026 or Sat 10/24/2026' });
    expect(makeDateParser(['MMMM do, yyyy'])('October 2nd, 2026')).toEqual({ ok: true, value: '2026-10-02' });
  });

  it.each([[[]], [['HH:mm']], [['MM/dd/yyyy on HH:mm']], [['dd J yyyy']]])(
    'refuses the unusable formats %j when the mapping is loaded',
    (formats) => {
      const failure = (() => {
        try {
          makeDateParser(formats);
        } catch (error) {
          return error;
        }
      })();
      expect(isPracticeSyncError(failure) && failure.code).toBe('mapping_invalid');
    },
  );
});
