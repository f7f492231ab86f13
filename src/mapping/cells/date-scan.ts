// Character-level helpers shared by the date scanners: calendar checks, a.m./p.m., zone offsets, trailing times.

export const NO_MATCH = 0;
export const MATCHED = 1;
/** The cell had the format's shape but names no real day or time (02/30/2026, 25:00). */
export const IMPOSSIBLE = 2;
export type MatchStatus = typeof NO_MATCH | typeof MATCHED | typeof IMPOSSIBLE;

/** What a scanner fills in; reused across cells so a million rows allocate nothing here. */
export interface DateTimeFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  hasDate: boolean;
  hasTime: boolean;
}

export function emptyFields(): DateTimeFields {
  return { year: 0, month: 0, day: 0, hour: 0, minute: 0, hasDate: false, hasTime: false };
}

const PAD2: string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

/** Years are kept to four digits so ISO dates sort as strings. */
export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${PAD2[month]}-${PAD2[day]}`;
}

export function clockTime(hour: number, minute: number): string {
  return `${PAD2[hour]}:${PAD2[minute]}`;
}

/**
 * The years a date may name. A billing date outside them is a placeholder (`12/31/9999` for "no end", `01/01/1800`)
 * or a typo, never a session, claim or birth: such a cell is rejected, not stored, since a deadline 90 days after
 * 12/31/9999 has no four-digit year and dates must sort as strings.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;

export function inDateRange(year: number): boolean {
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  if (month === 2) return day <= ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28);
  return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

/** 12-hour clock to 24-hour; -1 when the hour is not 1–12. */
export function applyMeridiem(hour: number, pm: boolean): number {
  if (hour < 1 || hour > 12) return -1;
  return (hour % 12) + (pm ? 12 : 0);
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 160;
}

export function digitAt(raw: string, pos: number): number {
  const d = raw.charCodeAt(pos) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/** `AM`, `pm`, `a.m.`: the position after it, or -1. Whether it is p.m. is the caller's `raw[pos]`. */
export function scanMeridiem(raw: string, pos: number): number {
  const first = raw.charCodeAt(pos) | 0x20;
  if (first !== 97 && first !== 112) return -1;
  pos++;
  if (raw.charCodeAt(pos) === 46) pos++;
  if ((raw.charCodeAt(pos) | 0x20) !== 109) return -1;
  pos++;
  if (raw.charCodeAt(pos) === 46) pos++;
  return pos;
}

export function isPm(raw: string, pos: number): boolean {
  return (raw.charCodeAt(pos) | 0x20) === 112;
}

/** `Z`, `+02`, `-0500`, `+05:30`: the position after it, or -1. The offset itself is not used. */
export function scanOffset(raw: string, pos: number): number {
  const c = raw.charCodeAt(pos);
  if (c === 90 || c === 122) return pos + 1;
  if (c !== 43 && c !== 45) return -1;
  if (digitAt(raw, pos + 1) < 0 || digitAt(raw, pos + 2) < 0) return -1;
  pos += 3;
  const colon = raw.charCodeAt(pos) === 58 ? 1 : 0;
  if (digitAt(raw, pos + colon) >= 0 && digitAt(raw, pos + colon + 1) >= 0) return pos + colon + 2;
  return colon ? -1 : pos;
}

function skipSpaces(raw: string, pos: number): number {
  while (pos < raw.length && isSpace(raw.charCodeAt(pos))) pos++;
  return pos;
}

/**
 * What may follow a format's time when the format stops early: seconds after minutes, fractions
 * after seconds, then an offset. Returns the position reached (the caller requires the end), or -1
 * for seconds past 59.
 */
export function skipTimeRemainder(raw: string, pos: number, endsWithMinutes: boolean, endsWithSeconds: boolean): number {
  if (endsWithMinutes && raw.charCodeAt(pos) === 58 && digitAt(raw, pos + 1) >= 0 && digitAt(raw, pos + 2) >= 0) {
    if (digitAt(raw, pos + 1) > 5) return -1;
    pos += 3;
    endsWithSeconds = true;
  }
  if (endsWithSeconds && raw.charCodeAt(pos) === 46 && digitAt(raw, pos + 1) >= 0) {
    pos += 2;
    while (digitAt(raw, pos) >= 0) pos++;
  }
  const zone = skipSpaces(raw, pos);
  if (zone === raw.length) return zone;
  const after = scanOffset(raw, zone);
  return after < 0 ? pos : after;
}

/**
 * A time after a date that a date-only format did not ask for (`10/02/2026 14:00`,
 * `2026-10-02T14:00:00Z`, `10/02/2026 2:30 PM`). It must still be a real time; its value is
 * written to `out` so a datetime parser can keep it.
 */
export function matchTrailingTime(raw: string, pos: number, out: DateTimeFields): MatchStatus {
  const c = raw.charCodeAt(pos);
  if (c === 84 || c === 116) pos++;
  else if (isSpace(c)) pos = skipSpaces(raw, pos);
  else return NO_MATCH;

  let hour = digitAt(raw, pos);
  if (hour < 0) return NO_MATCH;
  const hourDigit2 = digitAt(raw, ++pos);
  if (hourDigit2 >= 0) {
    hour = hour * 10 + hourDigit2;
    pos++;
  }
  if (raw.charCodeAt(pos) !== 58) return NO_MATCH;
  const m1 = digitAt(raw, pos + 1);
  const m2 = digitAt(raw, pos + 2);
  if (m1 < 0 || m2 < 0) return NO_MATCH;
  const minute = m1 * 10 + m2;
  pos += 3;
  let secondsOk = true;
  if (raw.charCodeAt(pos) === 58) {
    const s1 = digitAt(raw, pos + 1);
    const s2 = digitAt(raw, pos + 2);
    if (s1 < 0 || s2 < 0) return NO_MATCH;
    secondsOk = s1 * 10 + s2 <= 59;
    pos += 3;
    if (raw.charCodeAt(pos) === 46 && digitAt(raw, pos + 1) >= 0) {
      pos += 2;
      while (digitAt(raw, pos) >= 0) pos++;
    }
  }
  pos = skipSpaces(raw, pos);
  const afterMeridiem = scanMeridiem(raw, pos);
  if (afterMeridiem >= 0) {
    hour = applyMeridiem(hour, isPm(raw, pos));
    pos = skipSpaces(raw, afterMeridiem);
  }
  if (pos < raw.length) pos = scanOffset(raw, pos);
  if (pos !== raw.length) return NO_MATCH;
  if (hour < 0 || hour > 23 || minute > 59 || !secondsOk) return IMPOSSIBLE;
  out.hour = hour;
  out.minute = minute;
  out.hasTime = true;
  return MATCHED;
}
