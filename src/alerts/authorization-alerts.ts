// Authorization alerts (SPEC §7): sessions low, exhausted, expiring, and expired with sessions left uncovered.
import { inWindow } from '../compute/authorization-matcher.js';
import { daysBetween } from '../compute/days.js';
import type { AppointmentInput, AuthorizationInput, IsoDate } from '../compute/types.js';
import type { Report } from '../report/model.js';
import { plural } from '../text/plural.js';
import type { Config } from '../workspace/config-schema.js';
import { newAlert, type Alert, type AlertAbout } from './alert.js';
import { patientToken } from './alert-ids.js';
import { flat, usDate } from './format.js';
import { numberOf, textOf } from './row-values.js';

/**
 * The natural key of an authorization: its number, else the patient and the start date (the store's own identity; an
 * authorization with neither number nor start date is never stored).
 */
export function authorizationKey(authorizationNumber: string | null, patientId: string | null, patientName: string | null, startDate: string | null): string {
  return authorizationNumber ?? `${patientToken(patientId, patientName)}:${startDate ?? ''}`;
}

function subjectOf(authorizationNumber: string | null, startDate: string | null): string {
  if (authorizationNumber) return `Authorization ${authorizationNumber}`;
  return startDate ? `Authorization from ${usDate(startDate)}` : 'Authorization without a start date';
}

/** auth_sessions_low, auth_exhausted and auth_expiring, from the sessions report; expired authorizations raise none of them. */
export function authorizationAlerts(sessions: Report, config: Config): Alert[] {
  const alerts: Alert[] = [];
  for (const row of sessions.rows) {
    const daysUntilExpiry = numberOf(row, 'days_until_expiry');
    if (daysUntilExpiry !== null && daysUntilExpiry < 0) continue;
    const startDate = textOf(row, 'start_date');
    const endDate = textOf(row, 'end_date');
    const authorized = numberOf(row, 'authorized_sessions');
    // No session count: only the end date can raise an alert.
    const remaining = numberOf(row, 'remaining');
    const about: AlertAbout = {
      subject: subjectOf(textOf(row, 'authorization_number'), startDate),
      patient: textOf(row, 'patient_name'),
      clinician: textOf(row, 'clinician_name'),
      payer: textOf(row, 'payer_name'),
    };
    const key = authorizationKey(textOf(row, 'authorization_number'), textOf(row, 'patient_id'), about.patient, startDate);
    const ends = endDate ? `ends ${usDate(endDate)}` : 'no end date';
    if (remaining !== null && authorized !== null && remaining <= 0) {
      const over = remaining < 0 ? `, ${plural(-remaining, 'session')} beyond it` : '';
      const message = flat`All ${plural(authorized, 'authorized session')} used${over} (${ends}); request more sessions`;
      alerts.push(newAlert(about, { type: 'auth_exhausted', key, severity: 'high', amount: null, due: null, message }));
    } else if (remaining !== null && authorized !== null && remaining <= config.alerts.auth_sessions_remaining_at_most) {
      const message = flat`${remaining} of ${plural(authorized, 'authorized session')} left (${ends})`;
      alerts.push(newAlert(about, { type: 'auth_sessions_low', key, severity: 'medium', amount: null, due: null, message }));
    }
    if (endDate && daysUntilExpiry !== null && daysUntilExpiry <= config.alerts.auth_expiring_within_days) {
      const when = daysUntilExpiry === 0 ? 'today' : `in ${plural(daysUntilExpiry, 'day')}`;
      const left = remaining !== null && authorized !== null ? `${remaining} of ${authorized} sessions left` : 'no session count';
      const message = flat`Authorization ends ${usDate(endDate)}, ${when} (${left})`;
      alerts.push(newAlert(about, { type: 'auth_expiring', key, severity: 'medium', amount: null, due: endDate, message }));
    }
  }
  return alerts;
}

/**
 * auth_expired: an authorization past its end date while the patient has completed or scheduled sessions after that
 * date that no other authorization of the patient covers by its window (SPEC §7; clinician and CPT are not checked).
 */
export function expiredAuthorizationAlerts(authorizations: AuthorizationInput[], appointments: AppointmentInput[], asOf: IsoDate): Alert[] {
  const expired = authorizations.filter((auth) => auth.endDate !== null && daysBetween(asOf, auth.endDate) < 0);
  if (expired.length === 0) return [];
  const patients = new Set(expired.map((auth) => auth.patientKey));
  const datesByPatient = new Map<number, IsoDate[]>();
  for (const appointment of appointments) {
    if (!patients.has(appointment.patientKey)) continue;
    if (appointment.status !== 'completed' && appointment.status !== 'scheduled') continue;
    const dates = datesByPatient.get(appointment.patientKey);
    if (dates) dates.push(appointment.serviceDate);
    else datesByPatient.set(appointment.patientKey, [appointment.serviceDate]);
  }
  const authsByPatient = new Map<number, AuthorizationInput[]>();
  for (const auth of authorizations) {
    if (!patients.has(auth.patientKey)) continue;
    const list = authsByPatient.get(auth.patientKey);
    if (list) list.push(auth);
    else authsByPatient.set(auth.patientKey, [auth]);
  }

  const alerts: Alert[] = [];
  for (const auth of expired) {
    const others = authsByPatient.get(auth.patientKey)!.filter((other) => other !== auth);
    const uncovered = (datesByPatient.get(auth.patientKey) ?? [])
      .filter((date) => date > auth.endDate! && !others.some((other) => inWindow(other, date)))
      .sort();
    if (uncovered.length === 0) continue;
    const about: AlertAbout = {
      subject: subjectOf(auth.authorizationNumber, auth.startDate),
      patient: auth.patientName,
      clinician: auth.clinicianName,
      payer: auth.payerName,
    };
    const sessions = `${plural(uncovered.length, 'session')} after it (first ${usDate(uncovered[0])}) ${uncovered.length === 1 ? 'has' : 'have'}`;
    const message = flat`Authorization ended ${usDate(auth.endDate!)} but ${sessions} no authorization`;
    const key = authorizationKey(auth.authorizationNumber, auth.patientId, auth.patientName, auth.startDate);
    alerts.push(newAlert(about, { type: 'auth_expired', key, severity: 'high', amount: null, due: null, message }));
  }
  return alerts;
}
