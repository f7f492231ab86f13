// Which mapping fits a file, from its first lines: every `detect.required` header present, none of `detect.absent`,
// and the most header columns used wins. When none fits, the closest ones and what each misses.
import { fail } from '../errors.js';
import { headerRecord, parseHeaderLine } from '../ingest/parse-header.js';
import { sniffDelimiter } from '../ingest/sniff-delimiter.js';
import { headerIndex, locateColumns } from './bind-mapping.js';
import { describeHeader } from './describe-header.js';
import type { LoadedMapping } from './load-mappings.js';
import type { Mapping } from './schema.js';

export interface HeaderReading {
  header: string[];
  delimiter: string;
  /** 1-based line number of the header in the file. */
  headerLine: number;
}

export interface Candidate {
  loaded: LoadedMapping;
  reading: HeaderReading;
  fits: boolean;
  missing: string[];
  /** Header columns the mapping's fields use. */
  used: number;
}

/** Excel's delimiter hint, which some systems write as the first line of a CSV meant for Excel: `sep=;`. */
const SEPARATOR_HINT = /^sep=([,;\t|])$/i;

export function readHeader(mapping: Mapping, headLines: string[]): HeaderReading | null {
  // The hint line comes before anything else, a preamble included; it names the delimiter unless the mapping fixes one.
  const hint = SEPARATOR_HINT.exec(headLines[0] ?? '')?.[1];
  const skip = (hint ? 1 : 0) + (mapping.read?.skip_lines ?? 0);
  const line = headLines[skip];
  if (line === undefined || line.trim() === '') return null;
  const record = headerRecord(headLines, skip, mapping.read?.delimiter ?? hint ?? sniffDelimiter(line));
  const delimiter = mapping.read?.delimiter ?? hint ?? sniffDelimiter(record);
  return { header: parseHeaderLine(record, delimiter, mapping.read?.strip_header_prefix), delimiter, headerLine: skip + 1 };
}

export function scoreMappings(headLines: string[], mappings: LoadedMapping[]): Candidate[] {
  const out: Candidate[] = [];
  for (const loaded of mappings) {
    const reading = readHeader(loaded.mapping, headLines);
    if (!reading) continue;
    const index = headerIndex(reading.header);
    const has = (name: string) => index.has(name.trim().toLowerCase());
    const missing = loaded.mapping.detect.required.filter((name) => !has(name));
    const excluded = (loaded.mapping.detect.absent ?? []).some(has);
    const used = new Set<number>();
    for (const spec of Object.values(loaded.mapping.fields)) for (const i of locateColumns(spec, index).indexes) used.add(i);
    out.push({ loaded, reading, fits: missing.length === 0 && !excluded, missing, used: used.size });
  }
  return out;
}

/** The one mapping that fits, or exit 2 naming the closest (none fits) or both (a tie). */
export function detectMapping(file: string, headLines: string[], mappings: LoadedMapping[]): Candidate {
  // A spreadsheet with no data saved as CSV is lines of delimiters (`,,,,`): as empty as a file of blank lines.
  if (headLines.every((line) => /^[\s,;\t|"]*$/.test(line))) fail('input_empty', `${file} has no header line: nothing to import`);
  const candidates = scoreMappings(headLines, mappings);
  const fitting = candidates.filter((c) => c.fits).sort((a, b) => b.used - a.used);
  if (fitting.length === 0) {
    const closest = candidates
      .filter((c) => c.missing.length < c.loaded.mapping.detect.required.length)
      .sort((a, b) => a.missing.length / a.loaded.mapping.detect.required.length - b.missing.length / b.loaded.mapping.detect.required.length || b.used - a.used)
      .slice(0, 3);
    const lines = closest.map((c) => `  ${c.loaded.mapping.name}: missing ${c.missing.map((m) => `"${m}"`).join(', ') || '(excluded by a header it must not have)'}`);
    return fail(
      'no_mapping_fits',
      `${file}: no mapping fits this export (${candidates[0] ? describeHeader(candidates[0].reading.header, mappings) : 'header: ?'})` +
        (lines.length ? `\nclosest mappings:\n${lines.join('\n')}` : '') +
        '\nuse --mapping NAME, or draft one with: practice-sync mapping init FILE --entity ENTITY',
      { closest: closest.map((c) => ({ name: c.loaded.mapping.name, missing: c.missing })) },
    );
  }
  if (fitting.length > 1 && fitting[0].used === fitting[1].used) {
    fail('mapping_ambiguous', `${file}: two mappings fit equally well: ${fitting[0].loaded.mapping.name} and ${fitting[1].loaded.mapping.name}; choose one with --mapping`);
  }
  return fitting[0];
}
