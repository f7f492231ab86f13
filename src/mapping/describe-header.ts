// A file's header as a message may show it. A file without a header row has data in its first line (a patient's
// name, phone, date of birth), and messages never carry patient data (SPEC §10): a header cell is shown only when it
// is a column name some known mapping reads; the others are counted, not shown.
import { plural } from '../text/plural.js';
import type { LoadedMapping } from './load-mappings.js';
import type { Mapping } from './schema.js';

const SHOWN = 8;

/** `header: Claim ID, Payer, ...; 2 columns not recognised`, naming only the cells that are known column names. */
export function describeHeader(header: string[], mappings: LoadedMapping[]): string {
  const known = knownColumns(mappings);
  const named = header.map((cell) => cell.trim()).filter((cell) => known.has(cell.toLowerCase()));
  const unknown = header.length - named.length;
  if (named.length === 0) return `header: ${plural(unknown, 'column')} not recognised`;
  const shown = `${named.slice(0, SHOWN).join(', ')}${named.length > SHOWN ? ', ...' : ''}`;
  return `header: ${shown}${unknown > 0 ? `; ${plural(unknown, 'column')} not recognised` : ''}`;
}

/** Every header name a mapping reads or detects by, trimmed and lower-cased as headers are matched. */
function knownColumns(mappings: LoadedMapping[]): Set<string> {
  const names = new Set<string>();
  for (const { mapping } of mappings) for (const name of mappingColumns(mapping)) names.add(name.trim().toLowerCase());
  return names;
}

function mappingColumns(mapping: Mapping): string[] {
  const fields = Object.values(mapping.fields);
  const skipRules = [mapping.read?.skip_rows_where ?? []].flat();
  return [
    ...mapping.detect.required,
    ...(mapping.detect.absent ?? []),
    ...fields.flatMap((spec) => [spec.column ?? []].flat()),
    // `{PatName}|{DateService}`: the names between braces are columns.
    ...fields.flatMap((spec) => [...(spec.template ?? '').matchAll(/\{([^}]+)\}/g)].map((m) => m[1])),
    ...skipRules.flatMap((rule) => rule.column ?? []),
  ];
}
