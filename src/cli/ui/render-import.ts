// How an import's result reads on a terminal: what was read, what changed, and what to do about rejects.
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import { describeChanges } from '../../ingest/change-counter.js';
import type { ImportReport } from '../../ingest/import-file.js';
import { describeMissing } from '../../store/export-presence.js';
import type { WouldHave } from '../../store/run-history.js';
import { shownReason } from '../../ingest/shown-reason.js';
import { plural } from '../../text/plural.js';

export function renderImport(report: ImportReport, style: ChalkInstance): string {
  const name = path.basename(report.file);
  const lines: string[] = [];
  const head = `${name} → ${report.mapping} (${report.entity})`;
  if (report.status === 'skipped') {
    // The same file read again through a corrected mapping would give other values: say how, since the hash alone skips it.
    lines.push(`${head}: already imported by run ${report.already_imported_by} (same content); skipped` +
      ` (to read it again through a changed mapping, undo ${report.already_imported_by} first)`);
    return `${lines.join('\n')}\n`;
  }
  const tag = report.dry_run ? style.cyan(' [dry run: nothing written]') : '';
  lines.push(`${style.bold(head)}, run ${report.run}${tag}`);
  lines.push(`  rows ${report.rows}: ${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejected} rejected` +
    (report.duplicates ? `, ${plural(report.duplicates, 'identical duplicate')}` : '') + (report.skipped_rows ? `, ${plural(report.skipped_rows, 'summary row')} skipped` : ''));
  if (report.status !== 'rejected') lines.push(`  ${describeChanges(report.entity, report.changes, report.updated)}`);
  if (report.missing) {
    const line = describeMissing(report.mapping, report.missing);
    lines.push(report.missing.count > 0 ? style.yellow(`  ${line}`) : `  ${line}`);
  }
  for (const warning of report.warnings) lines.push(style.yellow(`  warning: ${warning}`));
  if (report.rejected > 0) {
    for (const r of report.first_rejects) lines.push(style.red(`  rejected: ${shownReason(r)}`));
    if (report.rejected > report.first_rejects.length) lines.push(style.red(`  ... and ${report.rejected - report.first_rejects.length} more`));
    if (report.rejects_file) lines.push(`  rejects: ${report.rejects_file}`);
    if (report.status === 'rejected') {
      lines.push(style.red(`  nothing was imported from ${name}: fix the rows above, or import the good rows with --allow-partial`));
      if (report.would_have) lines.push(`  ${wouldHaveLine(report.would_have)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The JSON summary of SPEC §4. */
export function importJson(report: ImportReport): Record<string, unknown> {
  return {
    run: report.run, file: report.file, sha256: report.sha256, mapping: report.mapping, entity: report.entity, dry_run: report.dry_run,
    rows: report.rows, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected,
    rejects_file: report.rejects_file, changes: report.changes, warnings: report.warnings, status: report.status, would_have: report.would_have,
    duplicates: report.duplicates, skipped_rows: report.skipped_rows, already_imported_by: report.already_imported_by, missing: report.missing,
  };
}

/** A rejected file's hypothetical counts, worded so they cannot be read as written. */
export function wouldHaveLine(would: WouldHave): string {
  return `with --allow-partial the valid rows would have been: ${would.created} created, ${would.updated} updated, ${would.unchanged} unchanged`;
}
