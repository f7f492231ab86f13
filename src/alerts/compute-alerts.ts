// The alerts report (SPEC §7): every rule over the computed reports, with what the store remembers of earlier runs.
import { addDays } from '../compute/days.js';
import type { AppointmentInput, AuthorizationInput, IsoDate } from '../compute/types.js';
import type { Report } from '../report/model.js';
import type { Config } from '../workspace/config-schema.js';
import { ALERT_COLUMNS, type Alert, type Severity } from './alert.js';
import { alertTotals } from './alert-totals.js';
import { authorizationAlerts, expiredAuthorizationAlerts } from './authorization-alerts.js';
import { balanceAlerts } from './balance-alerts.js';
import { claimAlerts } from './claim-alerts.js';
import { assignOwners } from './owners.js';
import { unbilledAlerts } from './session-alerts.js';

export interface RememberedAlert {
  firstSeen: IsoDate;
  owner: string | null;
}

/** What the store remembers of earlier alerts, looked up by alert id: a Map will do. */
export interface AlertRecall {
  get(id: string): RememberedAlert | undefined;
}

export interface AlertsInput {
  sessions: Report;
  claims: Report;
  unbilled: Report;
  balances: Report;
  authorizations: AuthorizationInput[];
  appointments: AppointmentInput[];
  asOf: IsoDate;
  config: Config;
  /** What the store remembers, by alert id. */
  previous: AlertRecall;
  /** How many owners the round-robin over `billing_staff` has handed out before (0 when never). */
  rotationOffset?: number;
}

export interface AlertsReport extends Report {
  /** How many owners this call took from the round-robin: the store adds it to `rotationOffset` for the next run. */
  roundRobinAssigned: number;
}

/**
 * Alerts sorted by severity (high first), then due date (none last), type and id. claim_denied alerts are due
 * `followup_days` after first seen; their owners come from `assignOwners`.
 */
export function computeAlerts(input: AlertsInput): AlertsReport {
  const { asOf, config, previous } = input;
  // Concatenated by pushing: a million-claim store can raise hundreds of thousands of alerts.
  const alerts: Alert[] = [];
  for (const list of [
    authorizationAlerts(input.sessions, config),
    expiredAuthorizationAlerts(input.authorizations, input.appointments, asOf),
    claimAlerts(input.claims, asOf, config),
    unbilledAlerts(input.unbilled, asOf, config),
    balanceAlerts(input.balances, config),
  ]) {
    for (const alert of list) alerts.push(alert);
  }

  const { owners, assigned } = assignOwners(
    alerts.filter((alert) => alert.type === 'claim_denied'),
    (id) => previous.get(id)?.owner ?? null,
    input.rotationOffset ?? 0,
    config,
  );
  for (const alert of alerts) {
    const remembered = previous.get(alert.id);
    alert.first_seen = remembered?.firstSeen ?? asOf;
    alert.new = remembered === undefined;
    if (alert.type === 'claim_denied') {
      // `owners` holds every claim_denied alert, and only those.
      alert.owner = owners.get(alert.id) ?? null;
      // A follow-up is due a fixed time after staff first saw the alert, so re-running later does not push it back.
      alert.due = addDays(alert.first_seen, config.alerts.followup_days);
    } else {
      alert.owner = remembered?.owner ?? null;
    }
  }
  alerts.sort(compareAlerts);
  return {
    report: 'alerts',
    asOf,
    columns: ALERT_COLUMNS,
    rows: alerts,
    totals: alertTotals(alerts),
    // The unbilled report's note (why sessions were not checked) matters to whoever reads the alerts.
    notes: [...input.unbilled.notes],
    roundRobinAssigned: assigned,
  };
}

const RANK: Record<Severity, number> = { high: 0, medium: 1, low: 2 };

function compareAlerts(a: Alert, b: Alert): number {
  return RANK[a.severity] - RANK[b.severity] || compareDue(a.due, b.due) || compareText(a.type, b.type) || compareText(a.id, b.id);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
