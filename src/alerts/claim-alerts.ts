// Claim alerts (SPEC §7): denied or rejected claims, open claims unpaid too long, unfiled claims near their filing deadline.
import { daysBetween } from '../compute/days.js';
import type { ClaimStatus } from '../domain/entities.js';
import type { IsoDate } from '../compute/types.js';
import type { ReportRow } from '../report/model.js';
import { plural } from '../text/plural.js';
import type { Config } from '../workspace/config-schema.js';
import { newAlert, type Alert, type AlertAbout, type AlertFacts } from './alert.js';
import { dollars, flat, usDate } from './format.js';
import { numberOf, textOf } from './row-values.js';

/**
 * The only statuses a claim alert can be about (denied or rejected, open and unpaid, draft or rejected near its filing
 * deadline): the store loads just these claims for the alerts, and a test holds `claimAlerts` to it.
 */
export const ALERTING_CLAIM_STATUSES: readonly ClaimStatus[] = ['submitted', 'pending', 'denied', 'rejected', 'draft'];

/** The claims' report rows, and the claim IDs a full export that listed them before now lacks (SPEC §10). */
export interface ClaimAlertInput {
  rows: Iterable<ReportRow>;
  missing?: ReadonlySet<string>;
}

/**
 * claim_denied's `due` and `owner` depend on what the store remembers: `computeAlerts` sets them. A row is read only
 * until the next one comes, so the rows may be streamed (`ReportBuilder.alerts`) and even be one object refilled.
 */
export function claimAlerts(claims: ClaimAlertInput, asOf: IsoDate, config: Config): Alert[] {
  const { claim_unpaid_after_days: unpaidAfter, claim_unpaid_high_after_days: unpaidHighAfter } = config.alerts;
  const alerts: Alert[] = [];
  for (const row of claims.rows) {
    const status = textOf(row, 'status');
    const denied = status === 'denied' || status === 'rejected';
    const open = status === 'submitted' || status === 'pending';
    const daysOutstanding = numberOf(row, 'days_outstanding');
    const unpaid = open && daysOutstanding !== null && daysOutstanding >= unpaidAfter;
    const unfiled = status === 'draft' || status === 'rejected';
    // Most claims are paid: leave before building anything for them.
    if (!denied && !unpaid && !unfiled) continue;

    const claimId = textOf(row, 'claim_id')!;
    const payer = textOf(row, 'payer_name');
    const payerName = payer ?? 'the payer';
    const serviceDate = textOf(row, 'service_date');
    const outstanding = numberOf(row, 'outstanding') ?? 0;
    // No billed or allowed amount in the export (SimplePractice's claims report has none): the 0.00 outstanding is not
    // known to be 0, so the alert says so and carries no amount.
    const priced = numberOf(row, 'billed') !== null || numberOf(row, 'allowed') !== null;
    const owed = priced ? `${dollars(outstanding)} outstanding` : 'amount not in the export';
    const amount = priced ? outstanding : null;
    const about: AlertAbout = { subject: flat`Claim ${claimId}`, patient: textOf(row, 'patient_name'), clinician: textOf(row, 'clinician_name'), payer };

    if (denied) {
      const session = serviceDate ? ` for the ${usDate(serviceDate)} session` : '';
      const action = status === 'denied' ? 'review the denial and appeal or correct it' : 'correct it and resubmit';
      const message = flat`Claim ${status} by ${payerName}${session} (${owed}); ${action}`;
      alerts.push(newAlert(about, { type: 'claim_denied', key: claimId, severity: 'high', amount, due: null, message }));
    }
    if (unpaid) {
      const submitted = textOf(row, 'submitted_date');
      const since = submitted ? `since it was submitted on ${usDate(submitted)}` : `since the ${usDate(serviceDate!)} session (no submission date)`;
      // Gone from the outstanding-claims list, it was most likely paid or closed: the PMS knows, this store does not yet.
      const gone = claims.missing?.has(claimId) ? '; missing from the latest outstanding-claims export: check whether it was paid' : '';
      const paid = numberOf(row, 'paid') ?? 0;
      const message = unpaidMessage({ payerName, days: plural(daysOutstanding, 'day'), since, owed, priced, outstanding, paid, gone });
      const severity = daysOutstanding >= unpaidHighAfter ? 'high' : 'medium';
      alerts.push(newAlert(about, { type: 'claim_unpaid', key: claimId, severity, amount, due: null, message }));
    }
    const deadline = textOf(row, 'filing_deadline');
    if (unfiled && deadline) {
      const what = status === 'draft' ? 'the claim is still a draft' : 'the rejected claim must be resubmitted';
      const facts = filingFacts(claimId, deadline, asOf, config, what, numberOf(row, 'billed'));
      if (facts) alerts.push(newAlert(about, facts));
    }
  }
  return alerts;
}

/** A timely_filing alert's facts when the deadline is within `timely_filing_warning_days` (or already past), else null. */
/**
 * What claim_unpaid says of an open claim: a partly paid one is "not paid in full"; one with nothing left to pay was
 * paid in full and never closed; without amounts in the export, only what was paid is known.
 */
function unpaidMessage(c: { payerName: string; days: string; since: string; owed: string; priced: boolean; outstanding: number; paid: number; gone: string }): string {
  if (c.paid <= 0) return flat`No payment from ${c.payerName} ${c.days} ${c.since} (${c.owed})${c.gone}`;
  if (!c.priced) return flat`Claim still open ${c.days} ${c.since} (${dollars(c.paid)} paid by ${c.payerName}; amount not in the export)${c.gone}`;
  if (c.outstanding === 0) return flat`Claim still open ${c.days} ${c.since}, yet ${c.payerName} has paid it in full (${dollars(c.paid)} paid, $0.00 outstanding): close it in the PMS${c.gone}`;
  return flat`Not paid in full by ${c.payerName} ${c.days} ${c.since} (${dollars(c.paid)} paid, ${c.owed})${c.gone}`;
}

export function filingFacts(key: string, deadline: IsoDate, asOf: IsoDate, config: Config, what: string, amount: number | null): AlertFacts | null {
  const daysLeft = daysBetween(asOf, deadline);
  if (daysLeft > config.alerts.timely_filing_warning_days) return null;
  const when = daysLeft > 0 ? `is in ${plural(daysLeft, 'day')}` : daysLeft === 0 ? 'is today' : `passed ${plural(-daysLeft, 'day')} ago`;
  return { type: 'timely_filing', key, severity: 'high', amount, due: deadline, message: flat`Filing deadline ${usDate(deadline)} ${when}; ${what}` };
}
