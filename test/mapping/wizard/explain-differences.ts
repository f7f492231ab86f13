// Why a drafted mapping's import may differ from the built-in one: only where the built-in knows what the export
// does not show. Any other difference is the wizard's fault and fails the test.
import type { EntityName } from '../../../src/domain/entities.js';
import type { Mapping } from '../../../src/mapping/schema.js';
import type { DraftResult } from '../../../src/mapping/wizard/draft-mapping.js';
import { columnFor } from '../../../src/store/tables.js';
import { columnsRead } from './builtin-pairs.js';

/** The store column a canonical field lands in (party fields become references). */
export function storedColumn(entity: EntityName, field: string): string {
  return columnFor(entity, field) ?? `${field.split('_')[0]}_ref`;
}

/** Stored columns the built-in fills from knowledge beyond the export's cells, each with the reason. */
export function builtinKnowledge(builtin: Mapping, draft: DraftResult, header: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const mark = (field: string, why: string) => out.set(storedColumn(builtin.entity, field), why);
  const read = columnsRead(builtin, header);
  const drafted = draft.mapping.fields;
  for (const [field, spec] of Object.entries(builtin.fields)) {
    if (spec.value !== undefined) mark(field, 'a constant');
    else if (spec.template !== undefined) mark(field, 'a key built from several columns');
    else if (!(field in drafted) && [...read.entries()].some(([other, cols]) => other !== field && cols.some((c) => read.get(field)?.includes(c)))) {
      mark(field, 'a second use of a column');
    }
  }
  for (const { field, values } of draft.enums) {
    const spec = builtin.fields[field];
    if (!spec || spec.column === undefined) continue;
    const map = new Map(Object.entries(spec.map ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v]));
    const fallback = drafted[field]?.default ?? null;
    for (const { value, proposed } of values) {
      const theirs = map.get(value.toLowerCase()) ?? spec.default ?? value;
      if (theirs !== (proposed ?? fallback ?? value)) mark(field, `another word choice ("${value}")`);
    }
  }
  return out;
}

const LAYOUT_SAMPLES = ['', 'Total', 'Totals', 'Grand Total', '230 clients'];

/** A built-in skip rule that drops rows for a business reason (pre-authorizations, planned visits), not a layout one. */
export function hasBusinessSkipRule(builtin: Mapping): boolean {
  const rules = builtin.read?.skip_rows_where === undefined ? [] : [builtin.read.skip_rows_where].flat();
  return rules.some((rule) => !LAYOUT_SAMPLES.some((sample) => new RegExp(rule.matches, 'i').test(sample)));
}

/** Values the draft could not translate and has no fallback for: the CLI lists them for the user to map. */
export function untranslatedValues(draft: DraftResult): string[] {
  return draft.enums.flatMap(({ field, values }) => {
    const unknown = values.filter((v) => v.proposed === null).map((v) => `"${v.value}"`);
    return draft.mapping.fields[field]?.default !== undefined || unknown.length === 0 ? [] : [`${field} ${unknown.join(', ')}`];
  });
}
