// Choose the typed parser for one field of a mapping: the cell type, its formats, its enum vocabulary.
import { cellError, type CellResult } from './cells/cell-result.js';
import {
  displayName, makeDateParser, makeDateTimeParser, makeTimeParser, parseBoolean, parseInteger, parseList, parseMoney, parseNumber, type DateTime,
} from './cells/index.js';
import type { FieldSpec } from './schema.js';

export type CellParser = (raw: string) => CellResult<unknown>;

const DATE_FORMATS = ['MM/dd/yyyy', 'yyyy-MM-dd'];
const DATETIME_FORMATS = ['MM/dd/yyyy HH:mm', 'MM/dd/yyyy h:mm a', 'yyyy-MM-dd HH:mm:ss', "yyyy-MM-dd'T'HH:mm:ss", 'yyyy-MM-dd HH:mm'];
const TIME_FORMATS = ['HH:mm', 'h:mm a', 'HH:mm:ss'];

export function makeCellParser(spec: FieldSpec, type: string, field: string, vocabulary?: readonly string[]): CellParser {
  const base = baseParser(spec, type, field, vocabulary);
  if (!spec.sum) return base;
  // Summed columns arrive joined by NUL (see bind-mapping); add the parts up.
  return (raw) => {
    let total = 0;
    for (const part of raw.split('\u0000')) {
      const result = base(part);
      if (!result.ok) return result;
      total += result.value as number;
    }
    return { ok: true, value: total };
  };
}

/** A datetime cell read whole, `{ date, time }`: for an appointment's service_date that also fills its start_time. */
export function makeDateTimePairParser(spec: FieldSpec): (raw: string) => CellResult<DateTime> {
  return makeDateTimeParser(spec.formats ?? DATETIME_FORMATS);
}

function baseParser(spec: FieldSpec, type: string, field: string, vocabulary?: readonly string[]): CellParser {
  switch (type) {
    case 'money':
      return parseMoney;
    case 'integer':
      return parseInteger;
    case 'number':
      return parseNumber;
    case 'boolean':
      return parseBoolean;
    case 'date':
      return makeDateParser(spec.formats ?? DATE_FORMATS);
    case 'datetime': {
      // A datetime feeding a date field keeps the date (every date field of every entity, service_date included), one
      // feeding start_time keeps the time. Filling both from one column is bind-mapping's, with `makeDateTimePairParser`.
      const parse = makeDateTimePairParser(spec);
      if (field === 'start_time') return (raw) => mapOk(parse(raw), (v) => v.time);
      return (raw) => mapOk(parse(raw), (v) => v.date);
    }
    case 'time':
      return makeTimeParser(spec.formats ?? TIME_FORMATS);
    case 'name': {
      // Exports repeat the same few thousand names; reading a name costs a microsecond, a lookup almost nothing.
      // The cache keeps copies: a cell is a slice of the chunk of text it was read from, and keeping the slice would
      // keep the whole chunk, so a file with names spread across it would stay in memory whole.
      const seen = new Map<string, CellResult<unknown>>();
      return (raw) => {
        let result = seen.get(raw);
        if (!result) {
          if (seen.size >= 100_000) seen.clear();
          result = { ok: true, value: detached(displayName(raw)) };
          seen.set(detached(raw), result);
        }
        return result;
      };
    }
    case 'list': {
      const split = spec.split ?? ',';
      return (raw) => parseList(raw, split);
    }
    case 'enum':
      return enumParser(spec, vocabulary);
    default:
      if (vocabulary) return enumParser(spec, vocabulary);
      return field.endsWith('_id') || field === 'authorization_number' ? readIdentifier : readText;
  }
}

/**
 * A text cell, its line breaks as LF: a quoted cell keeps the file's own (`CO-197⏎see remark`), and the same export saved
 * with CRLF line ends would otherwise update every such record (SPEC §4: the same data again changes nothing).
 */
function readText(raw: string): CellResult<unknown> {
  return { ok: true, value: raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw };
}

/** `1.23457E+11`: how a spreadsheet saves a long number it displayed in scientific notation, its last digits gone. */
const SCIENTIFIC = /^[+-]?\d(?:\.\d+)?E\+\d+$/i;
const NOT_AN_IDENTIFIER = cellError('an ID as the export wrote it: a spreadsheet saved it in scientific notation, losing digits (export again, or format the column as Text before saving)');

/**
 * An ID (claim, account, payment, member ...): text, except a number a spreadsheet rewrote as `1.23457E+11`, which
 * has lost its last digits, would match no record the next export names, and would turn two claims into one.
 */
function readIdentifier(raw: string): CellResult<unknown> {
  return SCIENTIFIC.test(raw) ? NOT_AN_IDENTIFIER : readText(raw);
}

function enumParser(spec: FieldSpec, vocabulary?: readonly string[]): CellParser {
  const map = new Map<string, string>();
  // Without a map, the canonical words themselves are accepted ("No Show" and "no_show" alike).
  if (!spec.map) {
    for (const word of vocabulary ?? []) {
      map.set(word, word);
      map.set(word.replace(/_/g, ' '), word);
    }
  }
  for (const [from, to] of Object.entries(spec.map ?? {})) map.set(from.trim().toLowerCase(), to);
  const fallback = spec.default;
  const known = [...new Set(map.keys())];
  return (raw) => {
    const hit = map.get(raw.toLowerCase());
    if (hit !== undefined) return { ok: true, value: hit };
    if (map.size === 0) return { ok: true, value: raw };
    if (fallback !== undefined) return { ok: true, value: fallback };
    return { ok: false, expected: `one of ${known.map((k) => `"${k}"`).join(', ')}` };
  };
}

/** A copy of `text` that shares no memory with the string it was sliced from. */
export function detached(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

function mapOk<T, U>(result: CellResult<T>, fn: (value: T) => U): CellResult<U> {
  return result.ok ? { ok: true, value: fn(result.value) } : result;
}
