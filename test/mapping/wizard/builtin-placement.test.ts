// The wizard against every built-in mapping: run on each fixture with the mapping hidden (only its entity given),
// it must place at least 90% of the header columns the built-in mapping reads. Prints one line per mapping and fixture.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { draftMapping } from '../../../src/mapping/wizard/draft-mapping.js';
import { builtinPairs, columnsRead } from './builtin-pairs.js';

const pairs = await builtinPairs();
const table: string[][] = [];

describe('wizard placement on the built-in fixtures', () => {
  it('finds built-in mappings with fixtures to compare against', () => {
    // generic/* alone gives six; other sources add theirs as they land.
    expect(pairs.length).toBeGreaterThanOrEqual(6);
  });

  it.each(pairs.map((p) => [`${p.mapping.name} on ${path.basename(p.fixture)}`, p] as const))('%s', async (_label, pair) => {
    const draft = await draftMapping(pair.fixture, { entity: pair.mapping.entity });
    const guessed = await draftMapping(pair.fixture, {});
    const builtin = columnsRead(pair.mapping, pair.header);
    const drafted = columnsRead(draft.mapping, pair.header);
    const wanted = new Set([...builtin.values()].flat());
    const placed = new Set([...drafted.values()].flat());
    const hit = [...wanted].filter((i) => placed.has(i));
    const fieldPairs = [...builtin.entries()].flatMap(([field, indexes]) => indexes.map((i) => ({ field, i })));
    const agree = fieldPairs.filter(({ field, i }) => drafted.get(field)?.includes(i));
    const missed = [...wanted].filter((i) => !placed.has(i)).map((i) => pair.header[i]);
    const disagree = fieldPairs.filter((p) => !agree.includes(p)).map(({ field, i }) => `${pair.header[i]}→${field}`);
    table.push([
      pair.mapping.name, path.basename(pair.fixture), `${hit.length}/${wanted.size}`, `${Math.round((100 * hit.length) / wanted.size)}%`,
      `${agree.length}/${fieldPairs.length}`, guessed.mapping.entity === pair.mapping.entity ? 'yes' : guessed.mapping.entity,
      missed.join(', '), disagree.join(', '),
    ]);
    expect(hit.length / wanted.size, `missed ${missed.join(', ')}`).toBeGreaterThanOrEqual(0.9);
  });
});

afterAll(() => {
  const head = ['mapping', 'fixture', 'columns', 'placed', 'fields agree', 'entity guessed', 'columns missed', 'fields differing'];
  const rows = [head, ...table.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]))];
  const widths = head.map((_, c) => Math.min(40, Math.max(...rows.map((r) => r[c].length))));
  console.log(rows.map((r) => r.map((cell, c) => cell.padEnd(widths[c])).join('  ')).join('\n'));
});
