// Balance alerts (SPEC §7): a patient owing more than `balance_over`, and a manual adjustment a later import contradicts.
import type { Report } from '../report/model.js';
import type { Config } from '../workspace/config-schema.js';
import { newAlert, type Alert, type AlertAbout } from './alert.js';
import { patientToken } from './alert-ids.js';
import { dollars, flat } from './format.js';
import { numberOf, textOf } from './row-values.js';

export function balanceAlerts(balances: Report, config: Config): Alert[] {
  const overCents = Math.round(config.alerts.balance_over * 100);
  const alerts: Alert[] = [];
  for (const row of balances.rows) {
    const accountId = textOf(row, 'account_id');
    const patient = textOf(row, 'patient_name');
    const key = accountId ?? patientToken(null, patient);
    const about: AlertAbout = { subject: accountId ? flat`Account ${accountId}` : 'Patient balance', patient, clinician: null, payer: null };
    const patientPortion = numberOf(row, 'patient_portion') ?? 0;
    if (patientPortion > overCents) {
      // The over-90 bucket covers the whole balance (patient and insurance): exports do not split the buckets.
      const over90 = numberOf(row, 'aging_over_90') ?? 0;
      const old = over90 > 0 ? `, ${dollars(over90)} of the balance over 90 days old` : '';
      const gone = row.missing_from_export === true ? '; missing from the latest full balance export: check it in the PMS' : '';
      const message = flat`Patient owes ${dollars(patientPortion)}${old} (alert above ${dollars(overCents)})${gone}`;
      const severity = over90 > 0 ? 'high' : 'medium';
      alerts.push(newAlert(about, { type: 'balance_high', key, severity, amount: patientPortion, due: null, message }));
    }
    if (row.conflict === true) {
      const reason = textOf(row, 'adjustment_reason');
      const why = reason ? ` ("${reason}")` : '';
      const source = row.basis === 'appointments' ? 'A newer appointment import changed the unpaid amounts under a balance' : 'A newer balance import changed a value';
      const message = flat`${source} you corrected by hand${why}; check it, then keep or clear the adjustment`;
      alerts.push(newAlert(about, { type: 'adjustment_conflict', key, severity: 'low', amount: null, due: null, message }));
    }
  }
  return alerts;
}
