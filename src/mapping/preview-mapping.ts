// `mapping check PATH [FILE]` and `mapping detect FILE`: what a mapping makes of a file before anything is imported.
import path from 'node:path';
import { readCsvRecords } from '../ingest/csv-records.js';
import { inspectFile, openText, readHeadLines } from '../ingest/source-file.js';
import { bindMapping, type FieldValue, type RowIssue } from './bind-mapping.js';
import { readHeader, scoreMappings, type Candidate } from './detect.js';
import type { LoadedMapping } from './load-mappings.js';
import { fail } from '../errors.js';

export interface PreviewRow {
  line: number;
  values: Record<string, FieldValue>;
  issues: RowIssue[];
}

export interface MappingPreview {
  mapping: string;
  file: string;
  header: string[];
  missingRequired: string[];
  unbound: { field: string; columns: string[] }[];
  unusedColumns: string[];
  rows: PreviewRow[];
  problems: number;
}

export async function previewMapping(loaded: LoadedMapping, file: string, limit = 10): Promise<MappingPreview> {
  const info = await inspectFile(file, loaded.mapping.read?.encoding);
  const reading = readHeader(loaded.mapping, readHeadLines(file, info.encoding));
  if (!reading) return fail('input_empty', `${path.basename(file)} has no header line`);
  const [candidate] = scoreMappings(readHeadLines(file, info.encoding), [loaded]);
  const bound = bindMapping(loaded.mapping, reading.header);
  const rows: PreviewRow[] = [];
  let problems = 0;
  let headerSeen = false;
  let index = 0;
  await readCsvRecords(openText(file, info.encoding), { delimiter: reading.delimiter, skipLines: reading.headerLine - 1 }, ({ cells, line }) => {
    if (!headerSeen) {
      headerSeen = true;
      return;
    }
    if (bound.skipRow(cells, index++)) return;
    const mapped = bound.mapRow(cells);
    problems += mapped.issues.length;
    if (rows.length < limit) rows.push({ line, ...mapped });
    return rows.length < limit || problems < 1000 ? undefined : false;
  });
  const usedNames = new Set<string>();
  for (const spec of Object.values(loaded.mapping.fields)) {
    for (const name of spec.column === undefined ? [] : Array.isArray(spec.column) ? spec.column : [spec.column]) usedNames.add(name.trim().toLowerCase());
  }
  return {
    mapping: loaded.mapping.name,
    file,
    header: reading.header,
    missingRequired: candidate?.missing ?? [],
    unbound: bound.unbound,
    unusedColumns: reading.header.filter((h) => h && !usedNames.has(h.toLowerCase())),
    rows,
    problems,
  };
}

export interface DetectionReport {
  file: string;
  chosen: string | null;
  candidates: { name: string; fits: boolean; missing: string[]; used: number }[];
}

export async function explainDetection(file: string, mappings: LoadedMapping[]): Promise<DetectionReport> {
  const info = await inspectFile(file);
  const scored: Candidate[] = scoreMappings(readHeadLines(file, info.encoding), mappings);
  const ranked = scored
    .map((c) => ({ name: c.loaded.mapping.name, fits: c.fits, missing: c.missing, used: c.used }))
    .sort((a, b) => Number(b.fits) - Number(a.fits) || b.used - a.used || a.missing.length - b.missing.length);
  const fitting = ranked.filter((c) => c.fits);
  const chosen = fitting.length && (fitting.length === 1 || fitting[0].used > fitting[1].used) ? fitting[0].name : null;
  return { file, chosen, candidates: ranked.slice(0, 5) };
}
