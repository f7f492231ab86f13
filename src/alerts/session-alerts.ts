// Unbilled-session alerts (SPEC §7): every unbilled session, and a timely_filing alert when its deadline is near.
import type { IsoDate } from '../compute/types.js';
import type { Report } from '../report/model.js';
import { plural } from '../text/plural.js';
import type { Config } from '../workspace/config-schema.js';
import { newAlert, type Alert, type AlertAbout } from './alert.js';
import { patientToken } from './alert-ids.js';
import { filingFacts } from './claim-alerts.js';
import { flat, usDate } from './format.js';
import { numberOf, textOf } from './row-values.js';

/**
 * Keyed by patient and service date; a second unbilled session of the same patient on the same day gets `#2`. The
 * unbilled report sorts a day's sessions by patient name, then store key, so the suffix is stable.
 */
export function unbilledAlerts(unbilled: Report, asOf: IsoDate, config: Config): Alert[] {
  const alerts: Alert[] = [];
  // Tokens by patient ID, else by name: a few hundred patients, thousands of sessions.
  const tokens = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const row of unbilled.rows) {
    const patient = textOf(row, 'patient_name');
    const serviceDate = textOf(row, 'service_date')!;
    const payer = textOf(row, 'payer_name');
    const deadline = textOf(row, 'filing_deadline');
    const patientId = textOf(row, 'patient_id');
    const tokenKey = patientId === null ? `name:${patient ?? ''}` : `id:${patientId}`;
    let token = tokens.get(tokenKey);
    if (token === undefined) {
      token = patientToken(patientId, patient);
      tokens.set(tokenKey, token);
    }
    const baseKey = `${token}:${serviceDate}`;
    const count = (counts.get(baseKey) ?? 0) + 1;
    counts.set(baseKey, count);
    const key = count > 1 ? `${baseKey}#${count}` : baseKey;

    const about: AlertAbout = { subject: flat`Session ${usDate(serviceDate)}`, patient, clinician: textOf(row, 'clinician_name'), payer };
    const days = numberOf(row, 'days_since_service') ?? 0;
    const billBy = deadline ? `; bill ${payer ?? 'the payer'} by ${usDate(deadline)}` : '';
    const message = flat`Completed session on ${usDate(serviceDate)} (${plural(days, 'day')} ago) has no claim${billBy}`;
    alerts.push(newAlert(about, { type: 'unbilled_session', key, severity: 'medium', amount: null, due: deadline, message }));
    if (deadline) {
      const facts = filingFacts(`session:${key}`, deadline, asOf, config, 'the session has not been billed', null);
      if (facts) alerts.push(newAlert(about, facts));
    }
  }
  return alerts;
}
