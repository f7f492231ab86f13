// Compiles one date-fns format into a hand-written scanner for the tokens exports use (y M d H h m s S a X),
// with SPEC §5's leniencies: a date-and-time format takes a bare date; a date format ignores a trailing time.
import {
  IMPOSSIBLE, MATCHED, NO_MATCH, applyMeridiem, isPm, isRealDate, isSpace, matchTrailingTime, scanMeridiem,
  scanOffset, skipTimeRemainder, type DateTimeFields, type MatchStatus,
} from './date-scan.js';
import type { DateToken } from './tokenize-date-format.js';

export type FormatMatcher = (raw: string, out: DateTimeFields) => MatchStatus;

const NUMBER = 0;
const LITERAL = 1;
const GAP = 2;
const MERIDIEM = 3;
const OFFSET = 4;

const YEAR4 = 0;
const YEAR2 = 1;
const MONTH = 2;
const DAY = 3;
const HOUR24 = 4;
const HOUR12 = 5;
const MINUTE = 6;
const SECOND = 7;
const FRACTION = 8;

/** One shape for every step keeps the scanner's property reads monomorphic. */
interface Step { kind: number; field: number; min: number; max: number; text: string }

function step(kind: number, field = -1, text = ''): Step {
  return { kind, field, min: 0, max: 0, text };
}

function stepFor(token: DateToken): Step | undefined {
  if (token.kind === 'space') return step(GAP);
  if (token.kind === 'literal') return step(LITERAL, -1, token.text.toLowerCase());
  const { letter, width } = token;
  const small = width <= 2;
  switch (letter) {
    case 'y': case 'Y': return width === 2 ? step(NUMBER, YEAR2) : width === 1 || width === 4 ? step(NUMBER, YEAR4) : undefined;
    case 'M': return small ? step(NUMBER, MONTH) : undefined;
    case 'd': case 'D': return small ? step(NUMBER, DAY) : undefined;
    case 'H': return small ? step(NUMBER, HOUR24) : undefined;
    case 'h': return small ? step(NUMBER, HOUR12) : undefined;
    case 'm': return small ? step(NUMBER, MINUTE) : undefined;
    case 's': return small ? step(NUMBER, SECOND) : undefined;
    case 'S': return step(NUMBER, FRACTION);
    case 'a': return step(MERIDIEM);
    case 'X': case 'x': case 'Z': return step(OFFSET);
    case 'T': return width === 1 ? step(LITERAL, -1, 't') : undefined;
    default: return undefined;
  }
}

const isTimeStep = (s: Step): boolean => s.kind === MERIDIEM || s.kind === OFFSET || (s.kind === NUMBER && s.field >= HOUR24);

/** Digit widths: exact for years, minutes, seconds and numbers glued to another; elsewhere one or two digits. */
function setWidths(steps: Step[], tokens: DateToken[]): void {
  steps.forEach((s, i) => {
    const next = steps[i + 1];
    if (s.kind === GAP) s.min = next && (next.kind === MERIDIEM || next.kind === OFFSET) ? 0 : 1;
    if (s.kind !== NUMBER) return;
    const width = (tokens[i] as { width: number }).width;
    const glued = next?.kind === NUMBER || steps[i - 1]?.kind === NUMBER;
    if (s.field === YEAR4) s.min = s.max = 4;
    else if (s.field === YEAR2) s.min = s.max = 2;
    else if (s.field === FRACTION) [s.min, s.max] = [1, 9];
    else if (width === 2 && (glued || s.field === MINUTE || s.field === SECOND)) s.min = s.max = 2;
    else [s.min, s.max] = [1, 2];
  });
}

/** Undefined when the format uses a token only date-fns understands (month names, weekdays, …). */
export function compileDateFormat(tokens: DateToken[]): FormatMatcher | undefined {
  const steps: Step[] = [];
  for (const token of tokens) {
    const s = stepFor(token);
    if (!s) return undefined;
    steps.push(s);
  }
  setWidths(steps, tokens);
  const hasDate = steps.some((s) => s.kind === NUMBER && s.field <= DAY);
  const hasTime = steps.some(isTimeStep);
  const hasOffset = steps.some((s) => s.kind === OFFSET);
  const lastField = steps.length > 0 && steps[steps.length - 1].kind === NUMBER ? steps[steps.length - 1].field : -1;
  // Where a bare date may end the cell: before the separator that leads into the first time field.
  let dateEnd = steps.findIndex(isTimeStep);
  while (dateEnd > 0 && (steps[dateEnd - 1].kind === LITERAL || steps[dateEnd - 1].kind === GAP)) dateEnd--;
  if (!hasDate || dateEnd <= 0) dateEnd = -1;
  const count = steps.length;

  return (raw, out) => {
    const len = raw.length;
    let pos = 0;
    let year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    let meridiem = -1; // -1 none, 0 a.m., 1 p.m.
    let twelveHour = false;
    let timeRead = hasTime;
    for (let i = 0; i < count; i++) {
      if (i === dateEnd && pos === len) {
        timeRead = false;
        break;
      }
      const s = steps[i];
      if (s.kind === NUMBER) {
        let value = 0;
        let n = 0;
        while (n < s.max && pos < len) {
          const d = raw.charCodeAt(pos) - 48;
          if (d < 0 || d > 9) break;
          value = value * 10 + d;
          pos++;
          n++;
        }
        if (n < s.min) return NO_MATCH;
        switch (s.field) {
          case YEAR4: year = value; break;
          case YEAR2: year = 2000 + value; break;
          case MONTH: month = value; break;
          case DAY: day = value; break;
          case HOUR24: hour = value; break;
          case HOUR12: hour = value; twelveHour = true; break;
          case MINUTE: minute = value; break;
          case SECOND: second = value; break;
        }
      } else if (s.kind === LITERAL) {
        const text = s.text;
        for (let k = 0; k < text.length; k++, pos++) {
          const c = raw.charCodeAt(pos); // NaN past the end, which matches nothing
          if ((c >= 65 && c <= 90 ? c | 0x20 : c) !== text.charCodeAt(k)) return NO_MATCH;
        }
      } else if (s.kind === GAP) {
        const from = pos;
        while (pos < len && isSpace(raw.charCodeAt(pos))) pos++;
        if (pos - from < s.min) return NO_MATCH;
      } else if (s.kind === MERIDIEM) {
        const after = scanMeridiem(raw, pos);
        if (after < 0) return NO_MATCH;
        meridiem = isPm(raw, pos) ? 1 : 0;
        pos = after;
      } else {
        const after = scanOffset(raw, pos);
        if (after < 0) return NO_MATCH;
        pos = after;
      }
    }
    out.hasDate = hasDate;
    out.hasTime = timeRead;
    if (timeRead) {
      if (pos < len && !hasOffset) pos = skipTimeRemainder(raw, pos, lastField === MINUTE, lastField === SECOND || lastField === FRACTION);
      if (pos < 0) return IMPOSSIBLE;
      if (pos !== len) return NO_MATCH;
      if (meridiem >= 0 && (twelveHour || hour <= 12)) hour = applyMeridiem(hour, meridiem === 1);
      else if (twelveHour) hour = hour === 12 ? 0 : hour < 1 || hour > 12 ? -1 : hour; // date-fns reads a bare 12 as midnight
      if (hour < 0 || hour > 23 || minute > 59 || second > 59) return IMPOSSIBLE;
      out.hour = hour;
      out.minute = minute;
    } else if (pos < len) {
      if (hasTime || !hasDate) return NO_MATCH;
      const status = matchTrailingTime(raw, pos, out);
      if (status !== MATCHED) return status;
    }
    if (hasDate) {
      if (!isRealDate(year, month, day)) return IMPOSSIBLE;
      out.year = year;
      out.month = month;
      out.day = day;
    }
    return MATCHED;
  };
}
