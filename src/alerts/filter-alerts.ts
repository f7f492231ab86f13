// The `alerts --new` and `--min-severity` filters over an alerts report.
import type { Report } from '../report/model.js';
import type { Severity } from './alert.js';
import { alertTotals } from './alert-totals.js';
import { isSeverity, severityAtLeast } from './severity.js';

export interface AlertFilter {
  newOnly?: boolean;
  minSeverity?: Severity;
}

/** A copy of the report keeping the alerts that pass, with totals counted again over what is kept. */
export function filterAlerts(alerts: Report, { newOnly = false, minSeverity }: AlertFilter): Report {
  const rows = alerts.rows.filter(
    (row) => (!newOnly || row.new === true) && (!minSeverity || (isSeverity(row.severity) && severityAtLeast(row.severity, minSeverity))),
  );
  return { ...alerts, rows, totals: alertTotals(rows) };
}
