// Which date-fns formats a column's dates are written in: 09/14/2026, 9/14/2026, 2026-09-14, with or without a time.

export interface DateShape {
  /** Formats seen, the most frequent first. */
  formats: string[];
  hasTime: boolean;
}

interface DateParts {
  family: 'mdy' | 'ymd' | 'mdy2' | 'mdy-dash' | 'mon';
  first: string;
  second: string;
  time: string;
}

const DATE_PATTERNS: [RegExp, DateParts['family']][] = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})(.*)$/, 'ymd'],
  [/^(\d{1,2})\/(\d{1,2})\/\d{4}(.*)$/, 'mdy'],
  [/^(\d{1,2})\/(\d{1,2})\/\d{2}(?!\d)(.*)$/, 'mdy2'],
  [/^(\d{1,2})-(\d{1,2})-\d{4}(.*)$/, 'mdy-dash'],
  [/^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? \d{4}(.*)$/, 'mon'],
];

const TIME = /^(?:\s+|T)(\d{1,2}):(\d{2})(:\d{2})?(?:\.\d+)?\s*([AaPp]\.?[Mm]\.?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

function split(value: string): DateParts | null {
  for (const [regex, family] of DATE_PATTERNS) {
    const m = regex.exec(value);
    if (!m) continue;
    const time = m[m.length - 1];
    if (time !== '' && !TIME.test(time)) return null;
    return { family, first: family === 'ymd' ? m[2] : m[1], second: family === 'ymd' ? m[3] : m[2], time };
  }
  return null;
}

/** The year a date cell names, for telling "no date" sentinels (Open Dental's 1/1/0001) from real dates. */
export function yearOf(value: string): number | null {
  const m = /^(\d{4})-|\/(\d{4})\b|-(\d{4})\b|, (\d{4})\b/.exec(value);
  return m ? Number(m[1] ?? m[2] ?? m[3] ?? m[4]) : null;
}

export function isDateLike(value: string): boolean {
  return split(value.trim()) !== null;
}

function timeFormat(times: string[]): string {
  const parsed = times.map((t) => TIME.exec(t)!);
  const iso = parsed.some((m) => m[0].startsWith('T'));
  const meridiem = parsed.some((m) => m[4] !== undefined);
  const seconds = parsed.some((m) => m[3] !== undefined);
  const padded = padding(parsed.map((m) => m[1])) ?? !meridiem;
  const hour = meridiem ? (padded ? 'hh' : 'h') : padded ? 'HH' : 'H';
  return `${iso ? "'T'" : ' '}${hour}:mm${seconds ? ':ss' : ''}${meridiem ? ' a' : ''}`;
}

/** The formats of a column whose values are (nearly) all dates; null when they are not dates. */
export function dateShape(values: string[]): DateShape | null {
  if (values.length === 0) return null;
  const parts = values.map((v) => split(v.trim()));
  const dated = parts.filter((p): p is DateParts => p !== null);
  if (dated.length < Math.max(1, values.length * 0.9)) return null;
  const groups = new Map<string, DateParts[]>();
  for (const p of dated) {
    const key = `${p.family}|${p.time === '' ? '' : 'time'}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const formats = [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([key, group]) => dateFormat(key.split('|')[0] as DateParts['family'], group) + (key.endsWith('time') ? timeFormat(group.map((p) => p.time)) : ''));
  return { formats: [...new Set(formats)], hasTime: dated.some((p) => p.time !== '') };
}

/** True when numbers are zero-padded (09), false when not (9), null when every number has two digits anyway (10-31). */
function padding(numbers: string[]): boolean | null {
  if (numbers.some((n) => n.length === 1)) return false;
  return numbers.some((n) => n.startsWith('0')) ? true : null;
}

function dateFormat(family: DateParts['family'], group: DateParts[]): string {
  const first = padding(group.map((p) => p.first));
  const second = padding(group.map((p) => p.second));
  // Without evidence either way ("10/24/2026"), a part is written like the other one.
  const firstPadded = first ?? second ?? true;
  const secondPadded = second ?? first ?? true;
  // A first number above 12 means day first (24/10/2026); otherwise the US order this tool's users write.
  const dayFirst = family !== 'ymd' && family !== 'mon' && group.some((p) => Number(p.first) > 12) && group.every((p) => Number(p.second) <= 12);
  const a = dayFirst ? (firstPadded ? 'dd' : 'd') : firstPadded ? 'MM' : 'M';
  const b = dayFirst ? (secondPadded ? 'MM' : 'M') : secondPadded ? 'dd' : 'd';
  switch (family) {
    case 'ymd': return `yyyy-${firstPadded ? 'MM' : 'M'}-${secondPadded ? 'dd' : 'd'}`;
    case 'mdy2': return `${a}/${b}/yy`;
    case 'mdy-dash': return `${a}-${b}-yyyy`;
    case 'mon': return `MMM ${secondPadded ? 'dd' : 'd'}, yyyy`;
    default: return `${a}/${b}/yyyy`;
  }
}
