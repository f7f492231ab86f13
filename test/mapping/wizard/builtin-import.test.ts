// The drafted mapping imports each built-in fixture with the same results as the built-in mapping: the same counts
// and the same stored rows (ids aside, parties compared by name). The only differences allowed are where the built-in
// knows what the export does not show (a constant, a composite key, a column used twice, another word for a status,
// rows dropped for a business reason); each is printed. One line per mapping and fixture.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { draftMapping } from '../../../src/mapping/wizard/draft-mapping.js';
import { builtinPairs } from './builtin-pairs.js';
import { builtinKnowledge, hasBusinessSkipRule, storedColumn, untranslatedValues } from './explain-differences.js';
import { importThrough } from './import-compare.js';

const pairs = await builtinPairs();
const table: string[][] = [];

function differingColumns(a: Record<string, unknown>[], b: Record<string, unknown>[]): string[] {
  const columns = new Set<string>();
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    for (const key of new Set([...Object.keys(a[i] ?? {}), ...Object.keys(b[i] ?? {})])) {
      if (a[i]?.[key] !== b[i]?.[key]) columns.add(key);
    }
  }
  return [...columns];
}

describe('drafted mappings import the built-in fixtures like the built-in mappings', () => {
  it.each(pairs.map((p) => [`${p.mapping.name} on ${path.basename(p.fixture)}`, p] as const))('%s', async (_label, pair) => {
    const draft = await draftMapping(pair.fixture, { entity: pair.mapping.entity });
    const builtin = await importThrough(pair.mapping, pair.fixture);
    const drafted = await importThrough(draft.mapping, pair.fixture);
    const counts = (r: typeof builtin.report) => `${r.created}/${r.rejected}/${r.skipped_rows}`;
    const row = [pair.mapping.name, path.basename(pair.fixture), counts(builtin.report), counts(drafted.report)];
    expect(builtin.report.rejected, 'the built-in mapping imports its own fixture').toBe(0);

    const sameRows = drafted.report.created === builtin.report.created && drafted.report.rejected === 0
      && drafted.report.skipped_rows === builtin.report.skipped_rows;
    if (!sameRows) {
      const why = [hasBusinessSkipRule(pair.mapping) ? 'the built-in drops rows for a business reason' : '',
        ...untranslatedValues(draft).map((v) => `left for the user to translate: ${v}`)].filter(Boolean);
      table.push([...row, `rows differ: ${why.join('; ') || 'UNEXPLAINED'}`]);
      expect(why, 'the drafted import differs in its rows for no reason a wizard could not see').not.toEqual([]);
      return;
    }
    const knowledge = builtinKnowledge(pair.mapping, draft, pair.header);
    const extra = new Set(Object.keys(draft.mapping.fields).filter((f) => !(f in pair.mapping.fields)).map((f) => storedColumn(pair.mapping.entity, f)));
    const differing = differingColumns(builtin.rows, drafted.rows);
    const unexplained = differing.filter((c) => !knowledge.has(c) && !extra.has(c));
    const notes = differing.map((c) => `${c} (${knowledge.get(c) ?? (extra.has(c) ? 'only the draft maps it' : 'UNEXPLAINED')})`);
    table.push([...row, notes.length ? `same except ${notes.join(', ')}` : 'same']);
    expect(unexplained).toEqual([]);
  });
});

afterAll(() => {
  const head = ['mapping', 'fixture', 'built-in created/rejected/skipped', 'drafted', 'stored rows'];
  const rows = [head, ...table.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]))];
  const widths = head.map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ')).join('\n'));
});
