// The balances report (SPEC §6): what each patient owes, from balance exports or derived from appointments, with manual adjustments.
import type { Column, Report, ReportRow } from '../report/model.js';
import { dayNumber } from './days.js';
import { nameRanks } from './name-order.js';
import type { AppointmentInput, BalanceAdjustmentInput, BalanceInput, Cents, IsoDate, PatientInput } from './types.js';

export const BALANCE_COLUMNS: Column[] = [
  { key: 'account_id', kind: 'text' },
  { key: 'patient_name', kind: 'text' },
  { key: 'basis', kind: 'text' },
  { key: 'patient_portion', kind: 'money' },
  { key: 'insurance_portion', kind: 'money' },
  { key: 'total', kind: 'money' },
  { key: 'aging_0_30', kind: 'money' },
  { key: 'aging_31_60', kind: 'money' },
  { key: 'aging_61_90', kind: 'money' },
  { key: 'aging_over_90', kind: 'money' },
  { key: 'adjusted', kind: 'boolean' },
  { key: 'adjustment_reason', kind: 'text' },
  { key: 'conflict', kind: 'boolean' },
];

const MONEY_KEYS = ['patient_portion', 'insurance_portion', 'total', 'aging_0_30', 'aging_31_60', 'aging_61_90', 'aging_over_90'] as const;

export interface BalancesInput {
  balances: BalanceInput[];
  adjustments: BalanceAdjustmentInput[];
  appointments: AppointmentInput[];
  patients: PatientInput[];
  asOf: IsoDate;
}

interface Derived {
  patientName: string;
  patientPortion: Cents;
  insurancePortion: Cents;
  aging: [Cents, Cents, Cents, Cents];
}

/**
 * Export rows keep the exported aging buckets as they are, even when an adjustment changes the portions: the buckets
 * say how old the money is, which an adjustment does not know. Derived rows bucket each appointment's unpaid amount
 * by days(service_date, as_of): 0-30 (future dates included), 31-60, 61-90, over 90. When a patient has several
 * adjustments, the latest (highest id) applies. Rows are sorted by patient name, then account id.
 */
export function computeBalances({ balances, adjustments, appointments, patients, asOf }: BalancesInput): Report {
  const adjustmentByPatient = new Map<number, BalanceAdjustmentInput>();
  for (const adjustment of adjustments) {
    const current = adjustmentByPatient.get(adjustment.patientKey);
    if (!current || adjustment.id > current.id) adjustmentByPatient.set(adjustment.patientKey, adjustment);
  }

  const rows: ReportRow[] = [];
  const exported = new Set<number>();
  for (const balance of balances) {
    exported.add(balance.patientKey);
    const row: ReportRow = {
      account_id: balance.accountId,
      patient_name: balance.patientName,
      basis: 'export',
      patient_portion: balance.patientPortion,
      insurance_portion: balance.insurancePortion,
      total: balance.total ?? sumPortions(balance.patientPortion, balance.insurancePortion),
      aging_0_30: balance.aging0to30,
      aging_31_60: balance.aging31to60,
      aging_61_90: balance.aging61to90,
      aging_over_90: balance.agingOver90,
    };
    rows.push(applyAdjustment(row, adjustmentByPatient.get(balance.patientKey)));
  }

  const asOfDay = dayNumber(asOf);
  const derived = new Map<number, Derived>();
  for (const appointment of appointments) {
    if (exported.has(appointment.patientKey)) continue;
    const clientUnpaid = appointment.clientUnpaid ?? 0;
    const insuranceUnpaid = appointment.insuranceUnpaid ?? 0;
    if (clientUnpaid === 0 && insuranceUnpaid === 0) continue;
    let entry = derived.get(appointment.patientKey);
    if (!entry) {
      entry = { patientName: appointment.patientName, patientPortion: 0, insurancePortion: 0, aging: [0, 0, 0, 0] };
      derived.set(appointment.patientKey, entry);
    }
    entry.patientPortion += clientUnpaid;
    entry.insurancePortion += insuranceUnpaid;
    const age = asOfDay - dayNumber(appointment.serviceDate);
    entry.aging[age <= 30 ? 0 : age <= 60 ? 1 : age <= 90 ? 2 : 3] += clientUnpaid + insuranceUnpaid;
  }

  const patientByKey = new Map(patients.map((patient) => [patient.key, patient]));
  // A patient adjusted by hand but with nothing derived still gets a row: the adjustment is what staff said they owe.
  for (const patientKey of adjustmentByPatient.keys()) {
    if (!exported.has(patientKey) && !derived.has(patientKey)) {
      const name = patientByKey.get(patientKey)?.name;
      if (name !== undefined) derived.set(patientKey, { patientName: name, patientPortion: 0, insurancePortion: 0, aging: [0, 0, 0, 0] });
    }
  }
  for (const [patientKey, entry] of derived) {
    const patient = patientByKey.get(patientKey);
    const adjustment = adjustmentByPatient.get(patientKey);
    const row = applyAdjustment(
      {
        account_id: patient?.patientId ?? null,
        patient_name: patient?.name ?? entry.patientName,
        basis: 'appointments',
        patient_portion: entry.patientPortion,
        insurance_portion: entry.insurancePortion,
        total: entry.patientPortion + entry.insurancePortion,
        aging_0_30: entry.aging[0],
        aging_31_60: entry.aging[1],
        aging_61_90: entry.aging[2],
        aging_over_90: entry.aging[3],
      },
      adjustment,
    );
    // SPEC §6: other patients are listed only with a non-zero derived balance (or an adjustment, which staff asked for).
    if (row.total !== 0 || adjustment) rows.push(row);
  }

  const rank = nameRanks(rows.map((row) => row.patient_name as string));
  rows.sort(
    (a, b) =>
      rank(a.patient_name as string) - rank(b.patient_name as string) ||
      compareText(a.account_id as string | null, b.account_id as string | null),
  );
  const totals: Record<string, number> = { balances: rows.length };
  for (const key of MONEY_KEYS) totals[key] = 0;
  totals.adjusted = 0;
  totals.conflict = 0;
  for (const row of rows) {
    for (const key of MONEY_KEYS) totals[key] += (row[key] as number | null) ?? 0;
    if (row.adjusted) totals.adjusted += 1;
    if (row.conflict) totals.conflict += 1;
  }
  return { report: 'balances', asOf, columns: BALANCE_COLUMNS, rows, totals, notes: [] };
}

function compareText(a: string | null, b: string | null): number {
  return (a ?? '') < (b ?? '') ? -1 : (a ?? '') > (b ?? '') ? 1 : 0;
}

/** Total when the export has none: patient + insurance, or null when neither portion is known. */
function sumPortions(patientPortion: Cents | null, insurancePortion: Cents | null): Cents | null {
  return patientPortion === null && insurancePortion === null ? null : (patientPortion ?? 0) + (insurancePortion ?? 0);
}

/** An adjustment replaces the portions it names; the total is then the sum of the portions, not the exported total. */
function applyAdjustment(row: ReportRow, adjustment: BalanceAdjustmentInput | undefined): ReportRow {
  if (!adjustment) return { ...row, adjusted: false, adjustment_reason: null, conflict: false };
  const patientPortion = adjustment.patientPortion ?? (row.patient_portion as number | null);
  const insurancePortion = adjustment.insurancePortion ?? (row.insurance_portion as number | null);
  return {
    ...row,
    patient_portion: patientPortion,
    insurance_portion: insurancePortion,
    total: (patientPortion ?? 0) + (insurancePortion ?? 0),
    adjusted: true,
    adjustment_reason: adjustment.reason,
    conflict: adjustment.conflict,
  };
}
