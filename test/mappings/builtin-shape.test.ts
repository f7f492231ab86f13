// Every built-in mapping is valid, named after its path, and matches a synthetic fixture of its source:
// a loop over mappings/ and fixtures/, so a new source needs a mapping and a fixture, never new test code.
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { mappingSchema, type FieldSpec, type Mapping, type ReadOptions } from '../../src/mapping/schema.js';
import { builtinMappingsDir, fixturesDir } from '../../src/package-root.js';
import { fixtureFiles, mappingFiles } from '../helpers/builtin-files.js';



const norm = (name: string) => name.trim().toLowerCase();

/** The sniffing rule of SPEC §4: the most frequent of comma, tab and semicolon on the header line. */
function sniffDelimiter(headerLine: string): string {
  const counts = [',', '\t', ';'].map((d) => [d, headerLine.split(d).length - 1] as const);
  return counts.reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

interface Table {
  header: string[];
  rows: string[][];
}

/** Reads a fixture the way the mapping says the engine will; undefined when it is not a table at all. */
function readTable(file: string, read: ReadOptions = {}): Table | undefined {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const skipLines = read.skip_lines ?? 0;
  const headerLine = text.split(/\r?\n/)[skipLines] ?? '';
  try {
    const records: string[][] = parse(text, {
      delimiter: read.delimiter ?? sniffDelimiter(headerLine),
      from_line: skipLines + 1,
      relax_column_count: true,
      skip_empty_lines: true,
    });
    const [first, ...rest] = records;
    if (!first) return undefined;
    const prefix = read.strip_header_prefix;
    const header = first.map((cell) => {
      const name = cell.trim();
      return prefix && name.startsWith(prefix) ? name.slice(prefix.length).trim() : name;
    });
    return { header, rows: rest.slice(read.skip_rows ?? 0).filter((row) => !isSkipped(row, header, read)) };
  } catch {
    return undefined;
  }
}

function isSkipped(row: string[], header: string[], read: ReadOptions): boolean {
  const rules = read.skip_rows_where === undefined ? [] : [read.skip_rows_where].flat();
  return rules.some((rule) => {
    const index = rule.column === undefined ? 0 : header.findIndex((h) => norm(h) === norm(rule.column!));
    const cell = row[index] ?? '';
    const regex = new RegExp(rule.matches);
    return regex.test(cell) || regex.test(cell.trim());
  });
}

/** The index of the column a field reads in this header, or -1 (alternatives: first present wins). */
function columnIndex(spec: FieldSpec, header: string[]): number {
  const names = spec.column === undefined ? [] : [spec.column].flat();
  for (const name of names) {
    const positions = header.flatMap((h, i) => (norm(h) === norm(name) ? [i] : []));
    const index = positions[(spec.occurrence ?? 1) - 1];
    if (index !== undefined) return index;
  }
  return -1;
}

const detects = (mapping: Mapping, header: string[]) => {
  const present = new Set(header.map(norm));
  return mapping.detect.required.every((name) => present.has(norm(name)))
    && !(mapping.detect.absent ?? []).some((name) => present.has(norm(name)));
};

const root = builtinMappingsDir();

describe.each(mappingFiles(root))('built-in mapping %s', (rel) => {
  const raw: unknown = JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8'));
  const parsed = mappingSchema.safeParse(raw);
  const mapping = parsed.data;

  it('validates against the mapping schema', () => {
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  if (!mapping) return;
  const tables = fixtureFiles(path.join(fixturesDir(), mapping.source))
    .map((file) => ({ file, table: readTable(file, mapping.read) }))
    .filter((entry): entry is { file: string; table: Table } => entry.table !== undefined && detects(mapping, entry.table.header));

  it('is named after its path and its source', () => {
    expect(mapping.name).toBe(rel.replace(/\.json$/, ''));
    expect(mapping.name.startsWith(`${mapping.source}/`)).toBe(true);
  });

  it(`has a fixture under fixtures/${mapping.source}/ whose header holds every detect.required column`, () => {
    expect(tables.map((t) => path.basename(t.file))).not.toEqual([]);
  });

  // Without a detected fixture the test above already fails; listing every field as missing would only add noise.
  it.skipIf(tables.length === 0)('reads only columns that some detected fixture has (catches misspelled headers)', () => {
    const missing = Object.entries(mapping.fields)
      .filter(([, spec]) => spec.column !== undefined && !tables.some(({ table }) => columnIndex(spec, table.header) >= 0))
      .map(([field]) => field);
    expect(missing).toEqual([]);
  });

  it('translates every enum value its fixtures hold, unless it has a default', () => {
    const nulls = new Set(['', ...(mapping.nulls ?? [])]);
    const unknown: string[] = [];
    for (const [field, spec] of Object.entries(mapping.fields)) {
      if (spec.type !== 'enum' || !spec.map || spec.default !== undefined) continue;
      const known = new Set(Object.keys(spec.map).map(norm));
      for (const { file, table } of tables) {
        const index = columnIndex(spec, table.header);
        for (const row of index < 0 ? [] : table.rows) {
          const cell = (row[index] ?? '').trim();
          if (!nulls.has(cell) && !(spec.nulls ?? []).includes(cell) && !known.has(norm(cell))) {
            unknown.push(`${path.basename(file)} ${field}: "${cell}"`);
          }
        }
      }
    }
    expect(unknown).toEqual([]);
  });
});
