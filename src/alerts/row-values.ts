// Typed reads of report cells: rules read computed reports, whose rows are loosely typed records.
import type { ReportRow } from '../report/model.js';

export function textOf(row: ReportRow, key: string): string | null {
  const value = row[key];
  return value === null || value === undefined ? null : String(value);
}

export function numberOf(row: ReportRow, key: string): number | null {
  const value = row[key];
  return typeof value === 'number' ? value : null;
}
