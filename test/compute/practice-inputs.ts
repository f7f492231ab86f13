// Test helper: read the hand-worked practice in fixtures/practice/ (generic-format CSVs) into computation inputs.
// Deliberately simple: the real import (mappings, identity, provisional patients) is tested elsewhere.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { AppointmentStatus, ClaimStatus } from '../../src/domain/entities.js';
import type { AppointmentInput, AuthorizationInput, BalanceInput, ClaimInput, PatientInput } from '../../src/compute/types.js';

const FIXTURE = fileURLToPath(new URL('../../fixtures/practice/', import.meta.url));

function read(file: string): Record<string, string>[] {
  return parse(readFileSync(FIXTURE + file), { columns: true, trim: true, skip_empty_lines: true, bom: true });
}

const text = (cell: string | undefined): string | null => (cell ? cell : null);

/** `MM/DD/YYYY` or `YYYY-MM-DD` → ISO. */
function date(cell: string | undefined): string | null {
  if (!cell) return null;
  const us = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(cell);
  return us ? `${us[3]}-${us[1]}-${us[2]}` : cell;
}

/** `$1,234.50` → 123450 cents. */
function money(cell: string | undefined): number | null {
  if (!cell) return null;
  return Math.round(Number(cell.replace(/[$,]/g, '')) * 100);
}

/** `Last, First` → `First Last`. */
function name(cell: string): string {
  const [last, first] = cell.split(',').map((part) => part.trim());
  return first ? `${first} ${last}` : cell;
}

const APPOINTMENT_STATUS: Record<string, AppointmentStatus> = {
  Scheduled: 'scheduled',
  Completed: 'completed',
  'No-show': 'no_show',
  'Late Cancel': 'late_canceled',
  Cancelled: 'canceled',
};
const CLAIM_STATUS: Record<string, ClaimStatus> = {
  Submitted: 'submitted',
  'In Process': 'pending',
  Pending: 'pending',
  Paid: 'paid',
  Denied: 'denied',
  Rejected: 'rejected',
  Void: 'void',
};

export interface PracticeInputs {
  patients: PatientInput[];
  authorizations: AuthorizationInput[];
  appointments: AppointmentInput[];
  claims: ClaimInput[];
  balances: BalanceInput[];
}

export function loadPractice(): PracticeInputs {
  const patients: PatientInput[] = read('patients.csv').map((row, i) => ({
    key: i + 1,
    patientId: row['Patient ID'],
    name: name(row['Patient Name']),
    payerName: text(row['Insurance Carrier']),
  }));
  const byId = new Map(patients.map((patient) => [patient.patientId!, patient]));
  const patientOf = (id: string): PatientInput => {
    const patient = byId.get(id);
    if (!patient) throw new Error(`fixture: unknown Patient ID ${id}`);
    return patient;
  };
  const clinicianKeys = new Map<string, number>();
  const clinicianKey = (clinician: string | null): number | null => {
    if (!clinician) return null;
    if (!clinicianKeys.has(clinician)) clinicianKeys.set(clinician, clinicianKeys.size + 1);
    return clinicianKeys.get(clinician)!;
  };

  const authorizations: AuthorizationInput[] = read('authorizations.csv').map((row, i) => {
    const patient = patientOf(row['Patient ID']);
    return {
      key: i + 1,
      authorizationNumber: text(row['Authorization Number']),
      patientKey: patient.key,
      patientId: patient.patientId,
      patientName: patient.name,
      clinicianKey: null,
      clinicianName: null,
      payerName: text(row['Insurance Carrier']) ?? patient.payerName,
      authorizedSessions: Number(row['Authorized Sessions']),
      startDate: date(row['Authorization Start Date'])!,
      endDate: date(row['Authorization End Date']),
      cptCodes: row['Service Type'] ? row['Service Type'].split(',').map((code) => code.trim()) : [],
      priorSessions: 0,
    };
  });

  const appointments: AppointmentInput[] = read('appointments.csv').map((row, i) => {
    const patient = patientOf(row['Patient ID']);
    return {
      key: i + 1,
      patientKey: patient.key,
      patientId: patient.patientId,
      patientName: patient.name,
      clinicianKey: clinicianKey(text(row['Clinician Name'])),
      clinicianName: text(row['Clinician Name']),
      payerName: patient.payerName,
      serviceDate: date(row['Appointment Date'])!,
      status: APPOINTMENT_STATUS[row['Appointment Status']],
      cptCode: text(row['Service Type']),
      clientUnpaid: null,
      insuranceUnpaid: null,
    };
  });

  const claims: ClaimInput[] = read('claims.csv').map((row, i) => {
    const patient = patientOf(row['Patient ID']);
    return {
      key: i + 1,
      claimId: row['Claim ID'],
      patientKey: patient.key,
      patientName: patient.name,
      clinicianName: text(row['Rendering Provider']),
      payerName: text(row['Payer']),
      serviceDate: date(row['Date of Service']),
      submittedDate: date(row['Submission Date']),
      status: CLAIM_STATUS[row['Claim Status']],
      billed: money(row['Billed Amount']),
      allowed: money(row['Allowed Amount']),
      paid: money(row['Paid Amount']),
      patientResponsibility: money(row['Patient Responsibility']),
    };
  });

  // `Account ID` is the patient's ID in the PMS.
  const balances: BalanceInput[] = read('balances.csv').map((row, i) => {
    const patient = patientOf(row['Account ID']);
    return {
      key: i + 1,
      accountId: row['Account ID'],
      patientKey: patient.key,
      patientName: patient.name,
      patientPortion: money(row['Patient Portion']),
      insurancePortion: money(row['Insurance Portion']),
      total: money(row['Total Balance']),
      aging0to30: money(row['0-30']),
      aging31to60: money(row['31-60']),
      aging61to90: money(row['61-90']),
      agingOver90: money(row['90+']),
      lastPaymentDate: null,
      missingFromExport: false,
    };
  });

  return { patients, authorizations, appointments, claims, balances };
}
