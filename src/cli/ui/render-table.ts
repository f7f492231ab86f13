// Tables for people: aligned columns, money right-aligned with two decimals, totals last, colour only on a terminal.
import { createRequire } from 'node:module';
import type TableType from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { Column, Report, ReportRow } from '../../report/model.js';
import { displayValue } from '../../report/render-report.js';

// Required on first use: machine-readable output (cron, --format csv/json) never loads the table library.
// Besides its width measure, cli-table3 draws only a row with a cell on several lines.
const require = createRequire(import.meta.url);

/**
 * Rows per piece written. cli-table3 lays a table out whole, at about 0.1 ms a row, and overflows the call stack on a
 * million rows, so tables are drawn here in its layout (compact, no inner borders, cells padded by one space), with
 * its own measure of a cell's width, and written a piece at a time. A test holds the text to cli-table3's.
 */
export const TABLE_PIECE_ROWS = 2_000;

export function renderTable(report: Report, style: ChalkInstance, options: { title?: string } = {}): string {
  const pieces: string[] = [];
  writeTable(report, style, (text) => pieces.push(text), options);
  return pieces.join('');
}

/** `renderTable` written a piece at a time. */
export function writeTable(report: Report, style: ChalkInstance, write: (text: string) => void, options: { title?: string } = {}): void {
  const columns = report.columns;
  const columnKeys = new Set(columns.map((c) => c.key));
  const hasTotals = Object.keys(report.totals).some((k) => columnKeys.has(k));
  const head = columns.map((c) => style.bold(c.label ?? c.key));
  const cells = (row: ReportRow) => columns.map((c) => colorCell(c.key, displayValue(c, row[c.key]), style));
  const totals = hasTotals ? [columns.map((c, i) => style.bold(i === 0 && report.totals[c.key] === undefined ? 'Total' : displayValue(c, report.totals[c.key])))] : [];
  if (options.title) write(`${style.bold(options.title)}\n`);
  if (!report.rows.length && !hasTotals) write('(no rows)\n');
  else drawTable(report.rows, cells, head, totals, columns, write);
  // Totals that are not columns (counts per state, per severity) read as one line under the table.
  const counts = Object.entries(report.totals).filter(([k, v]) => !columnKeys.has(k) && v !== null && v !== 0);
  if (counts.length) write(`${report.rows.length} rows; ${counts.map(([k, v]) => `${k.replace(/_/g, ' ')}: ${v}`).join(', ')}\n`);
  for (const note of report.notes) write(`${style.dim(`note: ${note}`)}\n`);
}

/** cli-table3's width of a cell: ANSI codes take no room, wide characters two columns. Plain ASCII is its length. */
function cellWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  const { strlen } = require('cli-table3/src/utils') as { strlen: (text: string) => number };
  return strlen(text);
}

/** The table in cli-table3's layout: widths from every cell first, then the lines a piece at a time. */
function drawTable(rows: ReportRow[], cells: (row: ReportRow) => string[], head: string[], totals: string[][], columns: readonly Column[], write: (text: string) => void): void {
  const widths = head.map(cellWidth);
  const measure = (line: string[]) => line.forEach((text, i) => (widths[i] = Math.max(widths[i], cellWidth(text))));
  for (const row of rows) measure(cells(row));
  totals.forEach(measure);
  const right = columns.map(rightAligned);
  const border = (left: string, middle: string, end: string) => `${left}${widths.map((w) => '─'.repeat(w + 2)).join(middle)}${end}\n`;
  const line = (texts: string[]): string => {
    // A cell on several lines: cli-table3 draws that row (at the widths of the whole table).
    if (texts.some((text) => text.includes('\n'))) {
      const drawn = newTable(columns, widths.map((w) => w + 2)).render([texts]).split('\n');
      return `${drawn.slice(1, -1).join('\n')}\n`;
    }
    let out = '│';
    for (let i = 0; i < texts.length; i++) {
      const pad = ' '.repeat(widths[i] - cellWidth(texts[i]));
      out += right[i] ? ` ${pad}${texts[i]} │` : ` ${texts[i]}${pad} │`;
    }
    return `${out}\n`;
  };
  let piece = border('┌', '┬', '┐') + line(head);
  for (let start = 0; start < rows.length; start += TABLE_PIECE_ROWS) {
    for (const row of rows.slice(start, start + TABLE_PIECE_ROWS)) piece += line(cells(row));
    write(piece);
    piece = '';
  }
  for (const total of totals) piece += line(total);
  write(`${piece}${border('└', '┴', '┘')}`);
}

/** Amounts and counts line up on their last digit. */
function rightAligned(column: Column): boolean {
  return column.kind === 'money' || column.kind === 'integer';
}

function newTable(columns: readonly Column[], colWidths: number[]): { render(rows: string[][]): string } {
  const Table = require('cli-table3') as typeof TableType;
  const table = new Table({
    colWidths,
    style: { head: [], border: [], compact: true },
    colAligns: columns.map((c) => (rightAligned(c) ? 'right' : 'left')),
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  return {
    render(rows) {
      for (const row of rows) table.push(row);
      return table.toString();
    },
  };
}

const SEVERITY_COLORS: Record<string, (s: ChalkInstance, text: string) => string> = {
  high: (s, t) => s.red(t),
  medium: (s, t) => s.yellow(t),
  low: (s, t) => s.dim(t),
  expired: (s, t) => s.red(t),
  exhausted: (s, t) => s.red(t),
  expiring: (s, t) => s.yellow(t),
  low_sessions: (s, t) => s.yellow(t),
  at_risk: (s, t) => s.red(t),
  aging: (s, t) => s.yellow(t),
  denied: (s, t) => s.red(t),
};

function colorCell(key: string, text: string, style: ChalkInstance): string {
  if (key === 'severity' || key === 'state' || key === 'group') return SEVERITY_COLORS[text]?.(style, text) ?? text;
  return text;
}
