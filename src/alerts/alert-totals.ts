// Totals of an alerts report: how many alerts, per severity, and how many are new.
import type { ReportRow } from '../report/model.js';

export function alertTotals(rows: ReportRow[]): ReportRow {
  const totals = { alerts: rows.length, high: 0, medium: 0, low: 0, new: 0 };
  for (const row of rows) {
    if (row.severity === 'high' || row.severity === 'medium' || row.severity === 'low') totals[row.severity] += 1;
    if (row.new === true) totals.new += 1;
  }
  return totals;
}
