// The balances report (SPEC §6): what each patient owes, from balance exports or derived from appointments, with manual adjustments.
import type { Report, ReportRow } from '../report/model.js';
import { missingNotes } from '../report/missing-notes.js';
import { BALANCE_COLUMNS, BALANCE_MONEY_KEYS } from './balance-columns.js';
import { dayNumber } from './days.js';
import { sortByName } from './name-order.js';
import type { AppointmentInput, BalanceAdjustmentInput, BalanceInput, Cents, IsoDate, PatientInput } from './types.js';

export { BALANCE_COLUMNS } from './balance-columns.js';

export interface BalancesInput {
  balances: BalanceInput[];
  adjustments: BalanceAdjustmentInput[];
  appointments: AppointmentInput[];
  patients: PatientInput[];
  asOf: IsoDate;
  /** Rows in the order they are made rather than by patient name: for the alerts, which sort what they raise themselves. */
  unsorted?: boolean;
}

/** One patient's balance before any manual adjustment. */
interface Figures {
  accountId: string | null;
  patientName: string;
  basis: 'export' | 'appointments';
  patientPortion: Cents | null;
  insurancePortion: Cents | null;
  total: Cents | null;
  aging: [Cents | null, Cents | null, Cents | null, Cents | null];
  missingFromExport: boolean;
}

/**
 * Export rows keep the exported aging buckets as they are, even when an adjustment changes the portions: the buckets
 * say how old the money is, which an adjustment does not know. Derived rows bucket each appointment's unpaid amount
 * by days(service_date, as_of): 0-30 (future dates included), 31-60, 61-90, over 90. When a patient has several
 * adjustments, the latest (highest id) applies. Rows are sorted by patient name, then account id, unless `unsorted`.
 */
export function computeBalances({ balances, adjustments, appointments, patients, asOf, unsorted = false }: BalancesInput): Report {
  const adjustmentByPatient = new Map<number, BalanceAdjustmentInput>();
  for (const adjustment of adjustments) {
    const current = adjustmentByPatient.get(adjustment.patientKey);
    if (!current || adjustment.id > current.id) adjustmentByPatient.set(adjustment.patientKey, adjustment);
  }

  const rows: ReportRow[] = [];
  const exported = new Set<number>();
  for (const balance of balances) {
    exported.add(balance.patientKey);
    const figures: Figures = {
      accountId: balance.accountId,
      patientName: balance.patientName,
      basis: 'export',
      patientPortion: balance.patientPortion,
      insurancePortion: balance.insurancePortion,
      total: balance.total ?? sumPortions(balance.patientPortion, balance.insurancePortion),
      aging: [balance.aging0to30, balance.aging31to60, balance.aging61to90, balance.agingOver90],
      missingFromExport: balance.missingFromExport,
    };
    rows.push(balanceRow(figures, adjustmentByPatient.get(balance.patientKey)));
  }

  const patientByKey = new Map(patients.map((patient) => [patient.key, patient]));
  const derived = deriveFromAppointments(appointments, exported, asOf);
  // A patient adjusted by hand but with nothing derived still gets a row: the adjustment is what staff said they owe.
  for (const patientKey of adjustmentByPatient.keys()) {
    const name = patientByKey.get(patientKey)?.name;
    if (!exported.has(patientKey) && !derived.has(patientKey) && name !== undefined) {
      derived.set(patientKey, { patientName: name, patientPortion: 0, insurancePortion: 0, aging: [0, 0, 0, 0] });
    }
  }
  for (const [patientKey, sums] of derived) {
    const patient = patientByKey.get(patientKey);
    const adjustment = adjustmentByPatient.get(patientKey);
    const figures: Figures = {
      accountId: patient?.patientId ?? null,
      patientName: patient?.name ?? sums.patientName,
      basis: 'appointments',
      patientPortion: sums.patientPortion,
      insurancePortion: sums.insurancePortion,
      total: sums.patientPortion + sums.insurancePortion,
      aging: sums.aging,
      missingFromExport: false,
    };
    const row = balanceRow(figures, adjustment);
    // SPEC §6: other patients are listed only with a non-zero derived balance (or an adjustment, which staff asked for).
    // Non-zero on either side: a patient owing 600.00 whose insurer overpaid 600.00 still owes it (balance_high).
    if (row.patient_portion !== 0 || row.insurance_portion !== 0 || adjustment) rows.push(row);
  }

  const sorted = unsorted ? rows : sortByName(rows, (row) => row.patient_name as string, (a, b) => compareText(a.account_id as string | null, b.account_id as string | null));
  const totals: Record<string, number> = { balances: rows.length };
  for (const key of BALANCE_MONEY_KEYS) totals[key] = 0;
  totals.adjusted = 0;
  totals.conflict = 0;
  totals.missing_from_export = 0;
  for (const row of rows) {
    for (const key of BALANCE_MONEY_KEYS) totals[key] += (row[key] as number | null) ?? 0;
    if (row.adjusted) totals.adjusted += 1;
    if (row.conflict) totals.conflict += 1;
    if (row.missing_from_export) totals.missing_from_export += 1;
  }
  const notes = missingNotes(new Map([['balances', totals.missing_from_export]]), ['balances']);
  return { report: 'balances', asOf, columns: BALANCE_COLUMNS, rows: sorted, totals, notes };
}

interface Derived {
  patientName: string;
  patientPortion: Cents;
  insurancePortion: Cents;
  aging: [Cents, Cents, Cents, Cents];
}

/** Σ client_unpaid and Σ insurance_unpaid per patient without a balance row, each appointment's sum in its age bucket. */
function deriveFromAppointments(appointments: AppointmentInput[], exported: Set<number>, asOf: IsoDate): Map<number, Derived> {
  const asOfDay = dayNumber(asOf);
  const derived = new Map<number, Derived>();
  for (const appointment of appointments) {
    if (exported.has(appointment.patientKey)) continue;
    const clientUnpaid = appointment.clientUnpaid ?? 0;
    const insuranceUnpaid = appointment.insuranceUnpaid ?? 0;
    if (clientUnpaid === 0 && insuranceUnpaid === 0) continue;
    let sums = derived.get(appointment.patientKey);
    if (!sums) {
      sums = { patientName: appointment.patientName, patientPortion: 0, insurancePortion: 0, aging: [0, 0, 0, 0] };
      derived.set(appointment.patientKey, sums);
    }
    sums.patientPortion += clientUnpaid;
    sums.insurancePortion += insuranceUnpaid;
    const age = asOfDay - dayNumber(appointment.serviceDate);
    sums.aging[age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : 3] += clientUnpaid + insuranceUnpaid;
  }
  return derived;
}

/** An adjustment replaces the portions it names; the total is then the sum of the portions, not the exported total. */
function balanceRow(figures: Figures, adjustment: BalanceAdjustmentInput | undefined): ReportRow {
  const patientPortion = adjustment?.patientPortion ?? figures.patientPortion;
  const insurancePortion = adjustment?.insurancePortion ?? figures.insurancePortion;
  return {
    account_id: figures.accountId,
    patient_name: figures.patientName,
    basis: figures.basis,
    patient_portion: patientPortion,
    insurance_portion: insurancePortion,
    total: adjustment ? (patientPortion ?? 0) + (insurancePortion ?? 0) : figures.total,
    aging_0_30: figures.aging[0],
    aging_31_60: figures.aging[1],
    aging_61_90: figures.aging[2],
    aging_over_90: figures.aging[3],
    adjusted: adjustment !== undefined,
    adjustment_reason: adjustment?.reason ?? null,
    conflict: adjustment?.conflict ?? false,
    missing_from_export: figures.missingFromExport,
  };
}

function compareText(a: string | null, b: string | null): number {
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
}

/** Total when the export has none: patient + insurance, or null when neither portion is known. */
function sumPortions(patientPortion: Cents | null, insurancePortion: Cents | null): Cents | null {
  return patientPortion === null && insurancePortion === null ? null : (patientPortion ?? 0) + (insurancePortion ?? 0);
}
