// The alerts report (SPEC §7): every rule over the computed reports, with what the store remembers of earlier runs.
import { addDays } from '../compute/days.js';
import type { AppointmentInput, AuthorizationInput, IsoDate } from '../compute/types.js';
import type { Report } from '../report/model.js';
import type { Config } from '../workspace/config-schema.js';
import { ALERT_COLUMNS, type Alert, type Severity } from './alert.js';
import { alertTotals } from './alert-totals.js';
import { authorizationAlerts, expiredAuthorizationAlerts } from './authorization-alerts.js';
import { balanceAlerts } from './balance-alerts.js';
import { claimAlerts, type ClaimAlertInput } from './claim-alerts.js';
import { assignOwners, type DeniedClaim } from './owners.js';
import { unbilledAlerts } from './session-alerts.js';

export interface RememberedAlert {
  firstSeen: IsoDate;
  owner: string | null;
  /** Raised before but never shown: still new. */
  pending?: boolean;
}

/**
 * What is remembered of some alerts, position by position: `firstSeen[i]` is null for an alert never raised before,
 * `pending[i]` true for one raised but never shown (still new).
 */
export interface Recalled {
  firstSeen: (IsoDate | null)[];
  owner: (string | null)[];
  pending: boolean[];
}

/**
 * What the store remembers of the alerts with these ids, in their order. One call for every alert of a run: the store
 * looks them all up in one query (alert-state.ts).
 */
export type AlertRecall = (ids: readonly string[]) => Recalled;

/** An `AlertRecall` over remembered alerts by id. */
export function recallFrom(remembered: ReadonlyMap<string, RememberedAlert>): AlertRecall {
  return (ids) => ({
    firstSeen: ids.map((id) => remembered.get(id)?.firstSeen ?? null),
    owner: ids.map((id) => remembered.get(id)?.owner ?? null),
    pending: ids.map((id) => remembered.get(id)?.pending === true),
  });
}

const NOTHING_REMEMBERED: AlertRecall = recallFrom(new Map());

export interface AlertsInput {
  sessions: Report;
  /**
   * The claims report's rows, or any part of them holding every claim that can raise an alert; read once, in order.
   * `missing`: the claim IDs the latest full export listing them lacked.
   */
  claims: ClaimAlertInput;
  unbilled: Report;
  balances: Report;
  authorizations: AuthorizationInput[];
  appointments: AppointmentInput[];
  asOf: IsoDate;
  config: Config;
  /** What the store remembers of earlier runs' alerts; nothing when omitted. */
  recall?: AlertRecall;
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
  const { asOf, config } = input;
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

  const remembered = (input.recall ?? NOTHING_REMEMBERED)(alerts.map((alert) => alert.id));
  const denied: DeniedClaim[] = [];
  for (let i = 0; i < alerts.length; i++) {
    const alert = alerts[i];
    if (alert.type === 'claim_denied') denied.push({ id: alert.id, payer: alert.payer, rememberedOwner: remembered.owner[i] });
  }
  const { owners, assigned } = assignOwners(denied, input.rotationOffset ?? 0, config);
  for (let i = 0; i < alerts.length; i++) {
    const alert = alerts[i];
    const firstSeen = remembered.firstSeen[i];
    alert.first_seen = firstSeen ?? asOf;
    alert.new = firstSeen === null || remembered.pending[i];
    if (alert.type === 'claim_denied') {
      // `owners` holds every claim_denied alert, and only those.
      alert.owner = owners.get(alert.id) ?? null;
      // A follow-up is due a fixed time after staff first saw the alert, so re-running later does not push it back.
      alert.due = addDays(alert.first_seen, config.alerts.followup_days);
    } else {
      alert.owner = remembered.owner[i];
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
