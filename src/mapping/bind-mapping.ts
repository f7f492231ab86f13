// A mapping bound to one file's header: for each canonical field, which column feeds it and how its cells are typed.
// Binding happens once per file; `mapRow` then runs per row on the hot path.
import { ENTITY_FIELDS } from '../domain/entities.js';
import { fail } from '../errors.js';
import { detached, makeCellParser, makeDateTimePairParser, type CellParser } from './cell-parser.js';
import { COMPATIBLE, DEFAULT_TYPE } from './field-types.js';
import type { FieldSpec, Mapping } from './schema.js';

export type FieldValue = string | number | boolean | string[] | null;

export interface RowIssue {
  field: string;
  column: string;
  value: string;
  expected: string;
  /** The whole reason, for an issue that is not one cell's value (a row with more or fewer fields than the header). */
  message?: string;
}

export interface MappedRow {
  values: Record<string, FieldValue>;
  issues: RowIssue[];
}

export interface BoundMapping {
  mapping: Mapping;
  header: string[];
  /** Canonical fields this file fills (a datetime service_date also fills start_time). */
  fields: string[];
  /** The column each of `fields` is read from, as a reject names it (`Paid (#2)`, a template, `(constant)`). */
  columns: string[];
  /** Fields the mapping names whose columns this file lacks. */
  unbound: { field: string; columns: string[] }[];
  skipRow(cells: string[], dataRowIndex: number): boolean;
  /** Appends the row's typed values to `out`, one per entry of `fields` (null where a cell failed); returns the failures. */
  mapRowInto(cells: string[], out: FieldValue[]): RowIssue[];
  mapRow(cells: string[]): MappedRow;
}

interface Extractor {
  field: string;
  label: string;
  read(cells: string[]): string | null;
  parse: CellParser;
  required: boolean;
  nulls: Set<string>;
  alsoStartTime: boolean;
}

const NO_ISSUES: RowIssue[] = Object.freeze([]) as unknown as RowIssue[];

export function headerIndex(header: string[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  header.forEach((name, i) => {
    const key = name.trim().toLowerCase();
    const list = index.get(key);
    if (list) list.push(i);
    else index.set(key, [i]);
  });
  return index;
}

/** The column indexes a field spec reads in this header (empty when absent). */
export function locateColumns(spec: FieldSpec, index: Map<string, number[]>): { indexes: number[]; labels: string[] } {
  if (spec.column === undefined) return { indexes: [], labels: [] };
  const names = Array.isArray(spec.column) ? spec.column : [spec.column];
  const occurrence = spec.occurrence ?? 1;
  const indexes: number[] = [];
  const labels: string[] = [];
  for (const name of names) {
    const at = index.get(name.trim().toLowerCase())?.[occurrence - 1];
    if (at === undefined) continue;
    indexes.push(at);
    labels.push(occurrence > 1 ? `${name} (#${occurrence})` : name);
    if (!spec.sum) break;
  }
  return { indexes, labels };
}

export function bindMapping(mapping: Mapping, header: string[]): BoundMapping {
  const index = headerIndex(header);
  const entityFields = ENTITY_FIELDS[mapping.entity];
  const mappingNulls = new Set(['', ...(mapping.nulls ?? []).map((n) => n.trim().toLowerCase())]);
  const extractors: Extractor[] = [];
  const readers: Reader[] = [];
  const unbound: { field: string; columns: string[] }[] = [];
  const fields: string[] = [];
  const columns: string[] = [];

  for (const [field, spec] of Object.entries(mapping.fields)) {
    const kind = entityFields[field].kind;
    const type = spec.type ?? (spec.map ? 'enum' : DEFAULT_TYPE[kind]);
    if (!COMPATIBLE[kind].includes(type)) {
      fail('mapping_invalid', `mapping ${mapping.name}: fields.${field}.type: "${type}" cannot fill a ${kind} field; expected one of ${COMPATIBLE[kind].join(', ')}`);
    }
    const nulls = spec.nulls ? new Set([...mappingNulls, ...spec.nulls.map((n) => n.trim().toLowerCase())]) : mappingNulls;
    const read = makeReader(spec, index);
    if (!read) {
      const columns = Array.isArray(spec.column) ? spec.column : [spec.column ?? ''];
      if (spec.required) {
        fail('no_mapping_fits', `mapping ${mapping.name} needs column ${columns.map((c) => `"${c}"`).join(' or ')} for ${field}, and this file has none`);
      }
      unbound.push({ field, columns });
      continue;
    }
    if (spec.occurrence === undefined) for (const at of read.columns) refuseRepeated(mapping, header, index, at, `fields.${field}`);
    readers.push(read);
    const alsoStartTime = field === 'service_date' && type === 'datetime' && 'start_time' in entityFields && !('start_time' in mapping.fields);
    extractors.push({
      field,
      label: read.label,
      read: read.read,
      parse: alsoStartTime ? makeDateTimePairParser(spec) : makeCellParser(spec, type, field, entityFields[field].values),
      required: spec.required ?? false,
      nulls,
      alsoStartTime,
    });
    fields.push(field);
    columns.push(read.label);
    if (alsoStartTime) {
      fields.push('start_time');
      columns.push(read.label);
    }
  }

  const skipRules = compileSkipRules(mapping, index, header);
  const skipRows = mapping.read?.skip_rows ?? 0;
  const lastColumnRead = Math.max(-1, ...readers.flatMap((reader) => reader.columns));
  const width = header.length;
  /**
   * A row must have the header's fields. An unquoted `$1,234.56` or `Lee, Ann` splits into one field too many and
   * shifts every value after it into the wrong column; a cut-off row or a footer line would read as a row whose
   * missing cells are empty, and an update would clear stored values. Extra fields are refused even when empty: the
   * shifted row `…,$1,234.56,,,,Pending,` ends in one. Tolerated: a short row whose missing fields are past every
   * column the mapping reads.
   */
  const widthIssue = (cells: string[]): RowIssue[] | null => {
    if (cells.length === width || (cells.length < width && cells.length > lastColumnRead)) return null;
    const count = (n: number) => `${n} field${n === 1 ? '' : 's'}`;
    const message = cells.length > width
      ? `has ${count(cells.length)} where the header has ${width}: a value holding the delimiter (as "$1,234.56" holds a comma) must be in quotes`
      : `has ${count(cells.length)} where the header has ${width}: the row is cut short, or is not a data row`;
    return [{ field: '(row)', column: '', value: '', expected: `${count(width)}, as the header has`, message }];
  };

  return {
    mapping,
    header,
    fields,
    columns,
    unbound,
    skipRow(cells, dataRowIndex) {
      if (dataRowIndex < skipRows) return true;
      for (const rule of skipRules) if (rule.regex.test((cells[rule.index] ?? '').trim())) return true;
      return false;
    },
    mapRowInto(cells, out) {
      const wrongWidth = widthIssue(cells);
      if (wrongWidth) {
        for (let i = 0; i < fields.length; i++) out.push(null);
        return wrongWidth;
      }
      let issues: RowIssue[] = NO_ISSUES;
      for (const x of extractors) {
        const raw = x.read(cells);
        // Most cells are not null words: the case-folded lookup runs only when the mapping has such words.
        if (raw === null || raw === '' || (x.nulls.size > 1 && x.nulls.has(raw.toLowerCase()))) {
          out.push(null);
          if (x.alsoStartTime) out.push(null);
          if (x.required) (issues === NO_ISSUES ? (issues = []) : issues).push({ field: x.field, column: x.label, value: raw ?? '', expected: 'a value (this column is required)' });
          continue;
        }
        const result = x.parse(raw);
        if (!result.ok) {
          out.push(null);
          if (x.alsoStartTime) out.push(null);
          (issues === NO_ISSUES ? (issues = []) : issues).push({ field: x.field, column: x.label, value: raw, expected: result.expected });
          continue;
        }
        if (x.alsoStartTime) {
          const { date, time } = result.value as { date: string; time: string | null };
          out.push(date, time);
        } else {
          out.push(result.value as FieldValue);
        }
      }
      return issues;
    },
    mapRow(cells) {
      const out: FieldValue[] = [];
      const issues = this.mapRowInto(cells, out);
      const values: Record<string, FieldValue> = {};
      fields.forEach((field, i) => (values[field] = out[i]));
      return { values, issues };
    },
  };
}

interface Reader {
  label: string;
  /** The header positions it reads. */
  columns: number[];
  read(cells: string[]): string | null;
}

function makeReader(spec: FieldSpec, index: Map<string, number[]>): Reader | null {
  if (spec.value !== undefined) {
    const constant = String(spec.value);
    return { label: '(constant)', columns: [], read: () => constant };
  }
  const pattern = spec.pattern ? new RegExp(spec.pattern) : null;
  const group = spec.group ?? 1;
  // Pattern columns (a payer, `Payer Name (ID)`) repeat a few values down a whole file: remember each answer.
  const answers = new Map<string, string | null>();
  const applyPattern = (text: string): string | null => {
    if (!pattern) return text;
    const known = answers.get(text);
    if (known !== undefined) return known;
    const match = pattern.exec(text);
    const part = match ? match[match.length > group ? group : 0] : undefined;
    const answer = part === undefined ? null : part.trim();
    if (answers.size >= 10_000) answers.clear();
    answers.set(detached(text), answer === null ? null : detached(answer));
    return answer;
  };
  if (spec.template !== undefined) {
    const parts = spec.template.split(/(\{[^}]+\})/).filter((p) => p !== '');
    const pieces = parts.map((p) => (p.startsWith('{') ? { column: index.get(p.slice(1, -1).trim().toLowerCase())?.[0] ?? -1 } : { text: p }));
    if (pieces.some((p) => 'column' in p && p.column === -1)) return null;
    return {
      label: spec.template,
      columns: pieces.flatMap((p) => ('column' in p ? [p.column!] : [])),
      read(cells) {
        let any = false;
        let out = '';
        for (const piece of pieces) {
          if ('text' in piece) out += piece.text;
          else {
            const cell = (cells[piece.column!] ?? '').trim();
            if (cell) any = true;
            out += cell;
          }
        }
        return any ? applyPattern(out) : null;
      },
    };
  }
  const { indexes, labels } = locateColumns(spec, index);
  if (indexes.length === 0) return null;
  if (spec.sum && indexes.length > 1) {
    // Summing is done by the money/number parser over the joined cells; see cell-parser's `sum` handling.
    return {
      label: labels.join(' + '),
      columns: indexes,
      read(cells) {
        const present = indexes.map((i) => (cells[i] ?? '').trim()).filter((c) => c !== '');
        return present.length ? present.join('\u0000') : null;
      },
    };
  }
  const at = indexes[0];
  return {
    label: labels[0],
    columns: [at],
    read(cells) {
      const cell = cells[at];
      if (cell === undefined) return null;
      return applyPattern(cell.trim());
    },
  };
}

/**
 * A header name the file repeats, read without `occurrence`, is refused: which of the columns holds the field is a
 * guess (SimplePractice repeats Charge and Paid, client's then insurance's), and a wrong guess imports the other
 * column's money without a word.
 */
function refuseRepeated(mapping: Mapping, header: string[], index: Map<string, number[]>, at: number, where: string): void {
  const positions = index.get(header[at].trim().toLowerCase()) ?? [];
  if (positions.length < 2) return;
  const columns = positions.map((i) => i + 1);
  fail('input_rejected', `the header has column "${header[at].trim()}" ${positions.length} times (columns ${columns.slice(0, -1).join(', ')} and ${columns.at(-1)}), ` +
    `and mapping ${mapping.name} does not say which one ${where} reads; give it "occurrence": 1 to ${positions.length}`, { column: header[at].trim() });
}

function compileSkipRules(mapping: Mapping, index: Map<string, number[]>, header: string[]): { index: number; regex: RegExp }[] {
  const rules = mapping.read?.skip_rows_where;
  if (!rules) return [];
  const list = Array.isArray(rules) ? rules : [rules];
  const out: { index: number; regex: RegExp }[] = [];
  for (const rule of list) {
    const at = rule.column === undefined ? 0 : index.get(rule.column.trim().toLowerCase())?.[0];
    if (at === undefined) continue;
    if (rule.column !== undefined) refuseRepeated(mapping, header, index, at, 'read.skip_rows_where');
    out.push({ index: at, regex: new RegExp(rule.matches, 'i') });
  }
  return out;
}
