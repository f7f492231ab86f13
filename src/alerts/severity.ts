// Ordering of alert severities, for --min-severity, --fail-on and sorting.
import { SEVERITIES, type Severity } from './alert.js';

export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

/** True when `severity` is `min` or more serious (`severityAtLeast('high', 'medium')` is true). */
export function severityAtLeast(severity: Severity, min: Severity): boolean {
  return severityRank(severity) >= severityRank(min);
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}
