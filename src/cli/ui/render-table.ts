// Tables for people: aligned columns, money right-aligned with two decimals, totals last, colour only on a terminal.
import { createRequire } from 'node:module';
import type TableType from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import type { Report } from '../../report/model.js';
import { displayValue } from '../../report/render-report.js';

// Required on first use: machine-readable output (cron, --format csv/json) never loads the table library.
const require = createRequire(import.meta.url);

export function renderTable(report: Report, style: ChalkInstance, options: { title?: string } = {}): string {
  const Table = require('cli-table3') as typeof TableType;
  const columns = report.columns;
  const table = new Table({
    head: columns.map((c) => style.bold(c.label ?? c.key)),
    style: { head: [], border: [], compact: true },
    colAligns: columns.map((c) => (c.kind === 'money' || c.kind === 'integer' ? 'right' : 'left')),
    chars: { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' },
  });
  for (const row of report.rows) table.push(columns.map((c) => colorCell(c.key, displayValue(c, row[c.key]), style)));
  const columnKeys = new Set(columns.map((c) => c.key));
  const hasTotals = Object.keys(report.totals).some((k) => columnKeys.has(k));
  if (hasTotals) {
    table.push(columns.map((c, i) => style.bold(i === 0 && report.totals[c.key] === undefined ? 'Total' : displayValue(c, report.totals[c.key]))));
  }
  const lines: string[] = [];
  if (options.title) lines.push(style.bold(options.title));
  lines.push(report.rows.length || hasTotals ? table.toString() : '(no rows)');
  // Totals that are not columns (counts per state, per severity) read as one line under the table.
  const counts = Object.entries(report.totals).filter(([k, v]) => !columnKeys.has(k) && v !== null && v !== 0);
  if (counts.length) lines.push(`${report.rows.length} rows; ${counts.map(([k, v]) => `${k.replace(/_/g, ' ')}: ${v}`).join(', ')}`);
  for (const note of report.notes) lines.push(style.dim(`note: ${note}`));
  return `${lines.join('\n')}\n`;
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
