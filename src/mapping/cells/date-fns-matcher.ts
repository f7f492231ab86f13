// The slow path for formats the scanner does not know (month names, weekdays, ordinals): date-fns `parse`.
import { isValid } from 'date-fns/isValid';
import { parse } from 'date-fns/parse';
import { IMPOSSIBLE, MATCHED, NO_MATCH, isRealDate, matchTrailingTime, type DateTimeFields } from './date-scan.js';
import type { FormatMatcher } from './compile-date-format.js';

/** `parse` fills unnamed parts from a reference date; a fixed one keeps results independent of the clock. */
const REFERENCE = new Date(2000, 0, 1);

/** The same trailing times `matchTrailingTime` reads, located so the date before them can be parsed alone. */
const TRAILING_TIME = /(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[ap]\.?m\.?)?\s*(?:z|[+-]\d{2}(?::?\d{2})?)?$/i;

function tryParse(raw: string, format: string): Date | undefined {
  try {
    const date = parse(raw, format, REFERENCE);
    return isValid(date) ? date : undefined;
  } catch {
    return undefined; // date-fns throws on some token combinations only when it reaches them
  }
}

export interface DateFnsFormat {
  format: string;
  /** The format cut before its time part, for cells that carry only the date. */
  dateOnlyFormat: string | undefined;
  hasDate: boolean;
  hasTime: boolean;
}

/**
 * date-fns cannot tell an impossible day from a wrong shape, so this path never reports
 * IMPOSSIBLE for dates; zone offsets are read as date-fns reads them (into local time).
 */
export function dateFnsMatcher({ format, dateOnlyFormat, hasDate, hasTime }: DateFnsFormat): FormatMatcher {
  return (raw: string, out: DateTimeFields) => {
    let date = tryParse(raw, format);
    let timeRead = hasTime;
    if (!date && dateOnlyFormat !== undefined) {
      date = tryParse(raw, dateOnlyFormat);
      timeRead = false;
    }
    out.hasTime = false;
    if (!date && !hasTime && hasDate) {
      const tail = TRAILING_TIME.exec(raw);
      if (!tail || tail.index === 0) return NO_MATCH;
      date = tryParse(raw.slice(0, tail.index), format);
      if (!date) return NO_MATCH;
      const status = matchTrailingTime(raw, tail.index, out);
      if (status !== MATCHED) return status;
    }
    if (!date) return NO_MATCH;
    out.hasDate = hasDate;
    if (hasDate) {
      out.year = date.getFullYear();
      out.month = date.getMonth() + 1;
      out.day = date.getDate();
      if (!isRealDate(out.year, out.month, out.day)) return IMPOSSIBLE;
    }
    if (timeRead) {
      out.hasTime = true;
      out.hour = date.getHours();
      out.minute = date.getMinutes();
    }
    return MATCHED;
  };
}
