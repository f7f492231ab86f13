// Print or write a report in the chosen format; --out writes a file (owner-only) instead of stdout.
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { Report } from '../../report/model.js';
import { reportToCsv, reportToJson } from '../../report/render-report.js';
import { writePrivateFile } from '../../workspace/private-fs.js';
import type { CliContext } from '../context.js';
import { renderTable } from './render-table.js';

export function emitReport(ctx: CliContext, report: Report, format: string, style: ChalkInstance, out?: string): void {
  const text = format === 'json' ? reportToJson(report) : format === 'csv' ? reportToCsv(report) : renderTable(report, style);
  if (out) {
    writePrivateFile(path.resolve(ctx.cwd, out), text);
    ctx.stdout(`wrote ${report.report} report (${report.rows.length} rows) to ${out}\n`);
  } else {
    ctx.stdout(text);
  }
}
