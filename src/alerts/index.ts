// The alerts of SPEC §7: compute them from the reports, filter them for `--new` and `--min-severity`.
export { computeAlerts, recallFrom, type AlertsInput, type AlertsReport, type AlertRecall, type Recalled, type RememberedAlert } from './compute-alerts.js';
export { filterAlerts, type AlertFilter } from './filter-alerts.js';
export { severityAtLeast, severityRank, isSeverity } from './severity.js';
export { ALERT_COLUMNS, ALERT_TYPES, SEVERITIES, type Alert, type AlertType, type Severity } from './alert.js';
