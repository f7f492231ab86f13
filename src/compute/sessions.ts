// The sessions report (SPEC §6): sessions used, remaining and scheduled per authorization, its expiry and its state.
import type { Report, ReportRow } from '../report/model.js';
import type { Config } from '../workspace/config-schema.js';
import { daysBetween } from './days.js';
import { SESSION_COLUMNS, SESSION_STATES, type SessionState } from './session-columns.js';
import { authorizationMatcher, compareStartDates } from './authorization-matcher.js';
import { sortByName } from './name-order.js';
import type { AppointmentInput, AuthorizationInput, IsoDate } from './types.js';

export { SESSION_COLUMNS, SESSION_STATES, type SessionState } from './session-columns.js';

export interface SessionsInput {
  /** Every authorization an appointment could count toward: a filter must not send one to an older authorization. */
  authorizations: AuthorizationInput[];
  appointments: AppointmentInput[];
  asOf: IsoDate;
  config: Config;
  /** Which authorizations the report lists (`--clinician`, `--payer`); all when omitted. */
  listed?: (authorization: AuthorizationInput) => boolean;
  /**
   * Rows in the authorizations' order rather than by patient name: for the alerts, which sort what they raise
   * themselves (sorting 20,000 authorizations by name cost 20-60 ms of the alerts report).
   */
  unsorted?: boolean;
}

interface Tally {
  counted: number;
  scheduled: number;
  lastSession: IsoDate | null;
}

export function computeSessions({ authorizations, appointments, asOf, config, listed, unsorted = false }: SessionsInput): Report {
  const countStatuses = new Set<string>(config.sessions.count_statuses);
  const matchAuthorization = authorizationMatcher(authorizations);
  const tallies = new Map<number, Tally>(authorizations.map((auth) => [auth.key, { counted: 0, scheduled: 0, lastSession: null }]));

  for (const appointment of appointments) {
    if (!appointment.status) continue;
    // A status can be both counted and `scheduled` only if configured so; the date decides which one applies.
    const counts = countStatuses.has(appointment.status) && appointment.serviceDate <= asOf;
    const upcoming = appointment.status === 'scheduled' && appointment.serviceDate > asOf;
    if (!counts && !upcoming) continue;
    const auth = matchAuthorization(appointment);
    if (!auth) continue;
    const tally = tallies.get(auth.key)!;
    if (counts) {
      tally.counted += 1;
      if (tally.lastSession === null || appointment.serviceDate > tally.lastSession) tally.lastSession = appointment.serviceDate;
    } else {
      tally.scheduled += 1;
    }
  }

  const { auth_expiring_within_days: expiringWithin, auth_sessions_remaining_at_most: lowAtMost } = config.alerts;
  const rows: ReportRow[] = [];
  const stateCounts: Record<SessionState, number> = { ok: 0, low: 0, expiring: 0, exhausted: 0, expired: 0 };
  const shown = listed ? authorizations.filter(listed) : authorizations;
  for (const auth of unsorted ? shown : sortAuthorizations(shown)) {
    const tally = tallies.get(auth.key)!;
    const used = auth.priorSessions + tally.counted;
    // No session count (a payer authorizing a period, not a number of visits): nothing remains to count down, and
    // only the dates judge its state.
    const remaining = auth.authorizedSessions === null ? null : auth.authorizedSessions - used;
    const daysUntilExpiry = auth.endDate ? daysBetween(asOf, auth.endDate) : null;
    const state: SessionState =
      daysUntilExpiry !== null && daysUntilExpiry < 0
        ? 'expired'
        : remaining !== null && remaining <= 0
          ? 'exhausted'
          : daysUntilExpiry !== null && daysUntilExpiry <= expiringWithin
            ? 'expiring'
            : remaining !== null && remaining <= lowAtMost
              ? 'low'
              : 'ok';
    stateCounts[state] += 1;
    rows.push({
      authorization_number: auth.authorizationNumber,
      patient_name: auth.patientName,
      clinician_name: auth.clinicianName,
      payer_name: auth.payerName,
      authorized_sessions: auth.authorizedSessions,
      prior_sessions: auth.priorSessions,
      used,
      remaining,
      scheduled: tally.scheduled,
      start_date: auth.startDate,
      end_date: auth.endDate,
      last_session: tally.lastSession,
      days_since_last_session: tally.lastSession ? daysBetween(tally.lastSession, asOf) : null,
      days_until_expiry: daysUntilExpiry,
      state,
      patient_id: auth.patientId,
    });
  }

  const totals: ReportRow = { authorizations: rows.length };
  for (const state of SESSION_STATES) totals[state] = stateCounts[state];
  return { report: 'sessions', asOf, columns: SESSION_COLUMNS, rows, totals, notes: [] };
}

/** Patient name, then start date (none first), then store key, so the order never depends on the input's order. */
function sortAuthorizations(authorizations: AuthorizationInput[]): AuthorizationInput[] {
  return sortByName(authorizations, (auth) => auth.patientName, (a, b) => compareStartDates(a.startDate, b.startDate) || a.key - b.key);
}
