// Print or write a report in the chosen format; --out writes a file (owner-only) instead of stdout.
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Report } from '../../report/model.js';
import { writeReport, type ReportPiece } from '../../report/render-report.js';
import { writePrivateFileInPieces } from '../../workspace/private-fs.js';
import type { CliContext } from '../context.js';
import { writeTable } from './render-table.js';

export function emitReport(ctx: CliContext, report: Report, format: string, style: ChalkInstance, out?: string): void {
  // Written a piece at a time: a report of a million rows is never one string. A file's writes are synchronous, so its
  // written pieces' memory is filled again (`recycle`); stdout may queue what it is given.
  const render = (write: (piece: ReportPiece) => void, recycle = false) =>
    format === 'json' || format === 'csv' ? writeReport(report, format, write, recycle) : writeTable(report, style, write);
  if (out) {
    writePrivateFileInPieces(path.resolve(ctx.cwd, out), (write) => render(write, true));
    ctx.stdout(`wrote ${report.report} report (${report.rows.length} rows) to ${out}\n`);
  } else {
    render(ctx.stdout);
  }
}
