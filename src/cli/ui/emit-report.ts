// Print or write a report in the chosen format; --out writes a file (owner-only) instead of stdout.
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Report } from '../../report/model.js';
import { writeReport, type ReportPiece } from '../../report/render-report.js';
import { writePrivateFileInPieces } from '../../workspace/private-fs.js';
import type { CliContext } from '../context.js';
import { writeTable } from './render-table.js';

export function emitReport(ctx: CliContext, report: Report, format: string, style: ChalkInstance, out?: string): void {
  // Written a piece at a time: a report of a million rows is never one string.
  const render = (write: (piece: ReportPiece) => void) => (format === 'json' || format === 'csv' ? writeReport(report, format, write) : writeTable(report, style, write));
  if (out) {
    writePrivateFileInPieces(path.resolve(ctx.cwd, out), render);
    ctx.stdout(`wrote ${report.report} report (${report.rows.length} rows) to ${out}\n`);
  } else {
    render(ctx.stdout);
  }
}
