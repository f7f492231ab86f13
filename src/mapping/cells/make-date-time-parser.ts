// The datetime cell type (SPEC §5): a date plus a 24-hour 'HH:mm' time when the cell has one.
import { cellError, type CellResult } from './cell-result.js';
import { compileDateFormats, examplesOf, matchFormats } from './compile-date-formats.js';
import { OUT_OF_RANGE } from './make-date-parser.js';
import { IMPOSSIBLE, MATCHED, inDateRange, clockTime, emptyFields, isoDate } from './date-scan.js';

/** Date-only formats also read a trailing time, so these cover `10/02/2026 14:00`, `10/02/2026 2:30 PM`, ISO. */
export const DEFAULT_DATE_TIME_FORMATS: readonly string[] = ['MM/dd/yyyy', 'yyyy-MM-dd'];

const NOT_A_REAL_DATE_TIME = cellError('a real calendar date and time of day');

export interface DateTime {
  date: string;
  /** 'HH:mm', 24-hour; null when the cell held only a date (exports often drop the time). */
  time: string | null;
}

/**
 * Like `makeDateParser`, keeping the time: from the format (`MM/dd/yyyy h:mm a` reads `2:30 PM`,
 * `2:30 pm`, `02:30PM`), or from a time trailing a date-only format. Seconds and zone offsets are
 * dropped: the wall-clock time as written is what billing staff see in their system.
 */
export function makeDateTimeParser(formats: readonly string[] = DEFAULT_DATE_TIME_FORMATS): (raw: string) => CellResult<DateTime> {
  const compiled = compileDateFormats(formats, 'date');
  const notADateTime = cellError(`a date and time like ${examplesOf(compiled)}`);
  const fields = emptyFields();
  return (raw) => {
    const status = matchFormats(compiled, raw, fields);
    if (status === MATCHED) {
      if (!inDateRange(fields.year)) return OUT_OF_RANGE;
      const date = isoDate(fields.year, fields.month, fields.day);
      return { ok: true, value: { date, time: fields.hasTime ? clockTime(fields.hour, fields.minute) : null } };
    }
    return status === IMPOSSIBLE ? NOT_A_REAL_DATE_TIME : notADateTime;
  };
}
