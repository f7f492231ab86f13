// The load-time check of a mapping's date formats, held to what date-fns `parse` itself refuses.
import { parse } from 'date-fns/parse';
import { describe, expect, it, vi } from 'vitest';
import { dateFormatProblem } from '../../src/mapping/date-format-problem.js';

/** True when date-fns `parse` throws a RangeError for the format before reading anything. */
function dateFnsRefuses(format: string): boolean {
  try {
    parse('', format, new Date(2000, 0, 1));
    return false;
  } catch (error) {
    return error instanceof RangeError;
  }
}

describe('dateFormatProblem', () => {
  it('refuses a letter exactly when date-fns parse throws a RangeError on it, but for the few the import reads otherwise', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const disagree: string[] = [];
    for (const letter of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      const refused = dateFormatProblem(`yyyy-MM-dd ${letter}`, 'date')?.endsWith(`"${letter}" is not a date-fns token (quote literal text, like 'at')`) ?? false;
      if (refused !== dateFnsRefuses(letter)) disagree.push(letter);
    }
    warn.mockRestore();
    // D and Z are read as d and an offset (`repairedLetter`, `formatFromTokens`); i (ISO weekday) and p/P (localized
    // long formats) are letters date-fns knows but the import's formats never did.
    expect(disagree).toEqual(['i', 'p', 'D', 'P', 'Z']);
  });

  it('names the first unknown letter: "banana" is refused, as date-fns refuses it', () => {
    expect(dateFormatProblem('banana', 'date')).toBe(`"banana": "n" is not a date-fns token (quote literal text, like 'at')`);
    expect(() => parse('x', 'n', new Date(2000, 0, 1))).toThrow(new RangeError('Format string contains an unescaped latin alphabet character `n`'));
  });

  it('needs a year, month and day in a date or datetime format, an hour in a time format', () => {
    expect(dateFormatProblem('MM/dd', 'date')).toBe('"MM/dd" has no year: a date format needs a year (yyyy), a month (MM) and a day (dd)');
    expect(dateFormatProblem('yyyy', 'datetime')).toBe('"yyyy" has no month or day: a datetime format needs a year (yyyy), a month (MM) and a day (dd)');
    expect(dateFormatProblem("'Q'q", 'date')).toBe(`"'Q'q" has no year, month or day: a date format needs a year (yyyy), a month (MM) and a day (dd)`);
    expect(dateFormatProblem('mm:ss', 'time')).toBe('"mm:ss" has no hour: a time format needs one, like HH:mm or h:mm a');
    for (const format of ['MM/dd/yyyy', 'M/d/yy', 'yyyy-MM-dd', 'MMM d, yyyy', "do 'of' LLLL yyyy", 'YYYY-MM-DD', "yyyy-MM-dd'T'HH:mm:ssXXX"]) {
      expect(dateFormatProblem(format, 'date'), format).toBeUndefined();
      expect(dateFormatProblem(format, 'datetime'), format).toBeUndefined();
    }
    for (const format of ['HH:mm', 'h:mm a', 'h:mma', 'HH:mm:ss', 'MM/dd/yyyy h:mm a']) expect(dateFormatProblem(format, 'time'), format).toBeUndefined();
  });
});
