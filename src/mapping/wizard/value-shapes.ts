// What a column's sample values look like: dates, money, integers, IDs, names, "Payer (ID)", codes, a small vocabulary.
import { parseMoney } from '../cells/parse-money.js';
import { dateShape, isDateLike, type DateShape } from './date-shape.js';

export interface ColumnShape {
  /** Non-empty cells in the sample. */
  filled: number;
  /** Distinct values, first-seen spelling, case-insensitively de-duplicated, in order of appearance. */
  distinct: string[];
  date: DateShape | null;
  /** Time of day only (9:00 AM, 14:30). */
  time: string[] | null;
  money: boolean;
  /** Some value carries cents, `$`, parentheses or thousands separators: money, not a count or a code. */
  decimals: boolean;
  integer: boolean;
  /** Single tokens holding a digit (P1001, 4TQ8ZK1M2A, 7301). */
  idLike: boolean;
  unique: boolean;
  nameLike: boolean;
  /** Open Dental's `1042 - Abernathy, Carol J`. */
  idPrefixedName: boolean;
  /** `Aetna (60054)`: the last parentheses hold the payer ID. */
  payerWithId: boolean;
  email: boolean;
  phone: boolean;
  /** CPT/CDT codes: one per cell, a comma-separated list, or inside longer text ("90837 Psychotherapy 60 min"). */
  codes: 'single' | 'list' | 'embedded' | null;
  /** A small vocabulary of words or short codes: a status or a type. */
  enumLike: boolean;
  /** Leading integers with a unit ("60 min"). */
  leadingNumber: boolean;
}

const CODE = /^(?:\d{4}[0-9A-Z]|[A-Z]\d{4})$/;
const EMBEDDED_CODE = /\b(?:\d{4}[0-9A-Z]|D\d{4})\b/;
const NAME = /^[\p{L}][\p{L}'’".-]*(?:,?\s+[\p{L}"(][\p{L}'’".)-]*){1,5},?$/u;

/** The share of values passing a test (0 for no values). */
function share(values: string[], test: (v: string) => boolean): number {
  if (values.length === 0) return 0;
  let n = 0;
  for (const v of values) if (test(v)) n++;
  return n / values.length;
}

function isPhone(v: string): boolean {
  const digits = v.replace(/\D/g, '').length;
  return /^[\d\s().+-]+$/.test(v) && /[\s().-]/.test(v) && digits >= 7 && digits <= 15 && !isDateLike(v);
}

/** `values` are the trimmed, non-empty cells of one column (null words already removed). */
export function columnShape(values: string[]): ColumnShape {
  const seen = new Map<string, string>();
  for (const v of values) if (!seen.has(v.toLowerCase())) seen.set(v.toLowerCase(), v);
  const distinct = [...seen.values()];
  const date = dateShape(values);
  const time = share(values, (v) => /^\d{1,2}:\d{2}(:\d{2})?\s*([AaPp][Mm])?$/.test(v)) >= 0.9 ? timeFormats(values) : null;
  const money = values.length > 0 && !date && share(values, (v) => parseMoney(v).ok) >= 0.95;
  const integer = values.length > 0 && share(values, (v) => /^[+-]?\d+$/.test(v)) === 1;
  const codeShare = share(values, (v) => CODE.test(v));
  const listShare = share(values, (v) => v.includes(',') && v.split(',').every((part) => CODE.test(part.trim())));
  const few = distinct.length <= 12 && (distinct.length < values.length || distinct.length <= 3);
  return {
    filled: values.length,
    distinct,
    date,
    time,
    money,
    decimals: money && values.some((v) => /[.$(,]/.test(v)),
    integer,
    idLike: share(values, (v) => /^[\w.\-/]+$/.test(v) && /\d/.test(v)) >= 0.8 && !date,
    unique: distinct.length === values.length,
    nameLike: share(values, (v) => NAME.test(v)) >= 0.8,
    idPrefixedName: share(values, (v) => /^\d+ - \S/.test(v)) >= 0.3,
    payerWithId: share(values, (v) => /\S\s*\([^()]+\)\s*$/.test(v)) >= 0.3 && !date,
    email: share(values, (v) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) >= 0.8,
    phone: share(values, isPhone) >= 0.8,
    codes: codeShare + listShare >= 0.8 ? (listShare > 0 ? 'list' : 'single') : share(values, (v) => EMBEDDED_CODE.test(v)) >= 0.5 ? 'embedded' : null,
    enumLike: values.length >= 2 && few && !date && !(money && !integer) && share(values, (v) => v.length <= 40 && !v.includes('@')) === 1,
    leadingNumber: !integer && share(values, (v) => /^\d+\s*[\p{L}]+\.?$/u.test(v)) >= 0.9,
  };
}

function timeFormats(values: string[]): string[] {
  const meridiem = values.some((v) => /[AaPp][Mm]$/.test(v));
  const seconds = values.some((v) => /^\d{1,2}:\d{2}:\d{2}/.test(v));
  return [meridiem ? `h:mm${seconds ? ':ss' : ''} a` : `HH:mm${seconds ? ':ss' : ''}`];
}
