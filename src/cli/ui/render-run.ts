// How one run reads (`runs show`): its counts, then the before and after of each record it touched, money in dollars.
import type { ChalkInstance } from 'chalk';
import { displayValue } from '../../report/render-report.js';
import type { RunRecord, WouldHave } from '../../store/run-history.js';
import type { RunChange } from '../../store/undo-run.js';
import { MONEY_COLUMNS } from '../../store/tables.js';
import type { StoredRow } from '../../store/change-log.js';
import { describeMissing, type MissingRecords } from '../../store/export-presence.js';
import { wouldHaveLine } from './render-import.js';

export function renderRun(run: RunRecord, changes: RunChange[], style: ChalkInstance): string {
  const wouldHave = run.summary?.would_have as WouldHave | undefined;
  const missing = run.summary?.missing as MissingRecords | undefined;
  const warnings = Array.isArray(run.summary?.warnings) ? (run.summary.warnings as string[]) : [];
  const lines = [
    style.bold(`run ${run.run}: ${run.command}${run.file ? ` ${run.file}` : ''}`),
    `  started ${run.started_at}, by ${run.user ?? 'unknown'}, status ${run.undone_by ? `undone by run ${run.undone_by}` : run.status}`,
    run.mapping ? `  mapping ${run.mapping} (${run.entity}), sha256 ${run.sha256 ?? '-'}` : '',
    `  rows ${run.rows}: ${run.created} created, ${run.updated} updated, ${run.unchanged} unchanged, ${run.rejected} rejected`,
    run.status === 'rejected' ? `  nothing was written${wouldHave ? `; ${wouldHaveLine(wouldHave)}` : ''}` : '',
    run.rejects_file ? `  rejects: ${run.rejects_file}` : '',
    missing && run.mapping ? `  ${describeMissing(run.mapping, missing)}` : '',
    ...warnings.map((warning) => `  warning: ${warning}`),
  ].filter(Boolean);
  if (changes.length) lines.push('  changes:');
  for (const c of changes) {
    const what = c.action === 'updated'
      ? c.changed.map((k) => `${k}: ${shown(c.table, k, c.before?.[k])} → ${shown(c.table, k, c.after?.[k])}`).join('; ')
      : c.action;
    lines.push(`    ${c.table} #${c.row_id}: ${what}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The run and its changes as JSON; money in dollars, as numbers, as report JSON carries it (SPEC §6). */
export function runJson(run: RunRecord, changes: RunChange[]): Record<string, unknown> {
  return { ...run, changes: changes.map((c) => ({ ...c, before: inDollars(c.table, c.before), after: inDollars(c.table, c.after) })) };
}

function shown(table: string, column: string, value: unknown): string {
  if (value === null || value === undefined) return '(empty)';
  if (typeof value === 'number' && MONEY_COLUMNS[table]?.has(column)) return displayValue({ key: column, kind: 'money' }, value);
  return JSON.stringify(value);
}

function inDollars(table: string, row: StoredRow | null): StoredRow | null {
  const money = MONEY_COLUMNS[table];
  if (!row || !money) return row;
  const out: StoredRow = { ...row };
  for (const column of money) if (typeof out[column] === 'number') out[column] = (out[column] as number) / 100;
  return out;
}
