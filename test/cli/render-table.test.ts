// Tables are drawn in cli-table3's layout by our own code, a piece of TABLE_PIECE_ROWS rows at a time (one cli-table3
// table of a million rows overflows its call stack). The text must be exactly cli-table3's, at any size.
import { createRequire } from 'node:module';
import type TableType from 'cli-table3';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/model.js';
import { renderTable, TABLE_PIECE_ROWS } from '../../src/cli/ui/render-table.js';

const require = createRequire(import.meta.url);

function report(rows: number): Report {
  const names = ['Ada Quill', 'Zoë Ñuñez', '李小龍', 'Bo', 'A much longer patient name than the others'];
  return {
    report: 'test',
    asOf: '2026-03-01',
    columns: [{ key: 'name', kind: 'text' }, { key: 'amount', kind: 'money' }, { key: 'days', kind: 'integer' }, { key: 'group', kind: 'text' }],
    rows: Array.from({ length: rows }, (_, i) => ({ name: names[i % names.length], amount: i * 137 - 5000, days: i % 400 === 0 ? null : i % 97, group: i % 3 ? 'at_risk' : 'new' })),
    totals: { amount: 123456789, claims: rows },
    notes: ['a note'],
  };
}

/** The table as one cli-table3 table, as renderTable drew every table before it drew big ones in pieces. */
function oneTable(r: Report, color: boolean): string {
  const style = new Chalk({ level: color ? 1 : 0 });
  const Table = require('cli-table3') as typeof TableType;
  const table = new Table({
    head: r.columns.map((c) => style.bold(c.key)),
    style: { head: [], border: [], compact: true },
    colAligns: ['left', 'right', 'right', 'left'],
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  const money = (cents: number) => `${cents < 0 ? '-' : ''}${Math.floor(Math.abs(cents) / 100).toLocaleString('en-US')}.${String(Math.abs(cents) % 100).padStart(2, '0')}`;
  for (const row of r.rows) {
    const group = String(row.group);
    table.push([String(row.name), money(row.amount as number), row.days === null ? '' : String(row.days), group === 'at_risk' ? style.red(group) : group]);
  }
  table.push([style.bold('Total'), style.bold(money(r.totals.amount as number)), style.bold(''), style.bold('')]);
  // The counts line leaves out counts of zero.
  const counts = r.rows.length ? `${r.rows.length} rows; claims: ${r.rows.length}\n` : '';
  return `${table.toString()}\n${counts}${style.dim('note: a note')}\n`;
}

describe('renderTable', () => {
  for (const rows of [0, 3, TABLE_PIECE_ROWS, TABLE_PIECE_ROWS + 1, 2 * TABLE_PIECE_ROWS + 17]) {
    for (const color of [false, true]) {
      it(`draws ${rows} rows (${color ? 'colour' : 'plain'}) exactly as one table`, () => {
        const r = report(rows);
        expect(renderTable(r, new Chalk({ level: color ? 1 : 0 }))).toBe(oneTable(r, color));
      });
    }
  }

  it('draws 300,000 rows, more than cli-table3 can take in one table, every line as wide as the others', () => {
    const { strlen } = require('cli-table3/src/utils') as { strlen: (text: string) => number };
    const text = renderTable(report(300_000), new Chalk({ level: 0 }));
    const lines = text.split('\n');
    // Top border, head, a line per row, the totals, the bottom border, the counts, the note, and after the last newline.
    expect(lines.length).toBe(300_000 + 7);
    expect(new Set(lines.slice(0, -3).map((line) => (/^[\x20-\x7e]*$/.test(line) ? line.length : strlen(line)))).size).toBe(1);
    expect(lines.slice(-3)).toEqual(['300000 rows; claims: 300000', 'note: a note', '']);
  }, 120_000);
});
