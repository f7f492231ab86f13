// The date cell type (SPEC §5): a mapping's formats, compiled once, reading cells into 'YYYY-MM-DD'.
import { cellError, type CellResult } from './cell-result.js';
import { compileDateFormats, examplesOf, matchFormats } from './compile-date-formats.js';
import { FIRST_YEAR, IMPOSSIBLE, LAST_YEAR, MATCHED, inDateRange, emptyFields, isoDate } from './date-scan.js';

/** SPEC §5: generic exports write `MM/DD/YYYY` or `YYYY-MM-DD`. */
export const DEFAULT_DATE_FORMATS: readonly string[] = ['MM/dd/yyyy', 'yyyy-MM-dd'];

export const NOT_A_REAL_DATE = cellError('a real calendar date');
export const OUT_OF_RANGE = cellError(`a date between ${FIRST_YEAR} and ${LAST_YEAR}`);

/**
 * Formats are date-fns tokens tried in order. `yy` means 20yy. A cell may carry a time the format
 * does not ask for (`10/02/2026 14:00` for `MM/dd/yyyy`); the time is checked and then ignored.
 * Throws `mapping_invalid` at creation for a format that cannot work.
 */
export function makeDateParser(formats: readonly string[] = DEFAULT_DATE_FORMATS): (raw: string) => CellResult<string> {
  const compiled = compileDateFormats(formats, 'date');
  const notADate = cellError(`a date like ${examplesOf(compiled)}`);
  const fields = emptyFields();
  return (raw) => {
    const status = matchFormats(compiled, raw, fields);
    if (status === MATCHED) return inDateRange(fields.year) ? { ok: true, value: isoDate(fields.year, fields.month, fields.day) } : OUT_OF_RANGE;
    return status === IMPOSSIBLE ? NOT_A_REAL_DATE : notADate;
  };
}
