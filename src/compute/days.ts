// Calendar-day arithmetic on ISO `YYYY-MM-DD` dates, done in UTC on the date parts so no timezone or DST can shift a day.
import { PracticeSyncError } from '../errors.js';
import type { IsoDate } from './types.js';

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

// Reports over a million claims convert the same few thousand dates again and again; the caches make that a lookup.
const dayCache = new Map<string, number>();
const CACHE_LIMIT = 200_000;

/** Days since 1970-01-01 of an ISO date (a time part after the date is ignored). */
export function dayNumber(date: IsoDate): number {
  const cached = dayCache.get(date);
  if (cached !== undefined) return cached;
  const match = ISO_DATE.exec(date);
  const year = match ? Number(match[1]) : NaN;
  const month = match ? Number(match[2]) : NaN;
  const day = match ? Number(match[3]) : NaN;
  const ms = Date.UTC(year, month - 1, day);
  // Date.UTC rolls 2026-02-30 over to March; a date that does not round-trip is not a calendar date.
  if (Number.isNaN(ms) || new Date(ms).getUTCDate() !== day || new Date(ms).getUTCMonth() !== month - 1) {
    throw new PracticeSyncError('internal', `"${date}" is not an ISO date (YYYY-MM-DD)`, { date });
  }
  const value = ms / MS_PER_DAY;
  if (dayCache.size >= CACHE_LIMIT) dayCache.clear();
  dayCache.set(date, value);
  return value;
}

const dateCache = new Map<number, IsoDate>();

/** The ISO date of a day number (inverse of `dayNumber`). */
export function fromDayNumber(days: number): IsoDate {
  let date = dateCache.get(days);
  if (date === undefined) {
    date = new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
    if (dateCache.size >= CACHE_LIMIT) dateCache.clear();
    dateCache.set(days, date);
  }
  return date;
}

/** Whole calendar days from `a` to `b`: negative when `b` is before `a`. `daysBetween('2026-03-01', '2026-03-15')` is 14. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return dayNumber(b) - dayNumber(a);
}

/** The date `n` calendar days after `date` (before it when `n` is negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(dayNumber(date) + n);
}
