// Renderers of a Report: JSON (money in dollars), CSV (through the safe writer), and plain values for tables.
import { formatCents, toCsv, type CsvColumn } from '../export/safe-csv.js';
import type { Column, Report, ReportRow, ReportValue } from './model.js';

export function reportToJson(report: Report): string {
  const convert = (row: ReportRow) => {
    const out: Record<string, ReportValue> = {};
    for (const [key, value] of Object.entries(row)) {
      const column = report.columns.find((c) => c.key === key);
      out[key] = column?.kind === 'money' && typeof value === 'number' ? value / 100 : value;
    }
    return out;
  };
  const body = { report: report.report, as_of: report.asOf, rows: report.rows.map(convert), totals: convert(report.totals), notes: report.notes };
  return `${JSON.stringify(body, null, 2)}\n`;
}

export function reportToCsv(report: Report): string {
  const columns: CsvColumn[] = report.columns.map((c) => ({ key: c.key, kind: c.kind === 'date' ? 'date' : c.kind }));
  return toCsv(columns, report.rows, { lineEnding: '\n' });
}

/** A cell as a person reads it: money with two decimals and thousands separators, empty for null. */
export function displayValue(column: Column, value: ReportValue | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (column.kind === 'money' && typeof value === 'number') {
    const text = formatCents(value);
    const [whole, cents] = text.replace('-', '').split('.');
    return `${value < 0 ? '-' : ''}${Number(whole).toLocaleString('en-US')}.${cents}`;
  }
  if (typeof value === 'boolean') return value ? 'yes' : '';
  return String(value);
}
