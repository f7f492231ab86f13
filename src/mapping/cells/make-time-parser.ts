// The time cell type: a mapping's formats, compiled once, reading cells into a 24-hour 'HH:mm'.
import { cellError, type CellResult } from './cell-result.js';
import { compileDateFormats, examplesOf, matchFormats } from './compile-date-formats.js';
import { IMPOSSIBLE, MATCHED, clockTime, emptyFields } from './date-scan.js';

export const DEFAULT_TIME_FORMATS: readonly string[] = ['HH:mm', 'h:mm a'];

const NOT_A_REAL_TIME = cellError('a real time of day');

/**
 * `HH:mm` also reads `9:05` and `14:30:00`; `h:mm a` reads `2:30 PM`, `2:30 pm`, `02:30PM`.
 * A format with a date part needs the cell to carry the time too.
 */
export function makeTimeParser(formats: readonly string[] = DEFAULT_TIME_FORMATS): (raw: string) => CellResult<string> {
  const compiled = compileDateFormats(formats, 'time');
  const notATime = cellError(`a time like ${examplesOf(compiled)}`);
  const fields = emptyFields();
  return (raw) => {
    const status = matchFormats(compiled, raw, fields);
    if (status === MATCHED && fields.hasTime) return { ok: true, value: clockTime(fields.hour, fields.minute) };
    return status === IMPOSSIBLE ? NOT_A_REAL_TIME : notATime;
  };
}
