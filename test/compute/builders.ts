// Test builders: input rows with plain defaults, so each test states only what it is about.
import type {
  AppointmentInput,
  AuthorizationInput,
  BalanceAdjustmentInput,
  BalanceInput,
  ClaimInput,
  PatientInput,
} from '../../src/compute/types.js';
import { defaultConfig, type Config } from '../../src/workspace/config-schema.js';

let nextKey = 1000;

export function authorization(overrides: Partial<AuthorizationInput> = {}): AuthorizationInput {
  return {
    key: nextKey++,
    authorizationNumber: 'AUTH-1',
    patientKey: 1,
    patientId: null,
    patientName: 'Avery Quill',
    clinicianKey: null,
    clinicianName: null,
    payerName: 'Aetna',
    authorizedSessions: 20,
    startDate: '2026-01-01',
    endDate: '2026-03-15',
    cptCodes: [],
    priorSessions: 0,
    ...overrides,
  };
}

export function appointment(overrides: Partial<AppointmentInput> = {}): AppointmentInput {
  return {
    key: nextKey++,
    patientKey: 1,
    patientId: null,
    patientName: 'Avery Quill',
    clinicianKey: 7,
    clinicianName: 'Dana Reyes',
    payerName: 'Aetna',
    serviceDate: '2026-01-05',
    status: 'completed',
    cptCode: '90837',
    clientUnpaid: null,
    insuranceUnpaid: null,
    ...overrides,
  };
}

export function claim(overrides: Partial<ClaimInput> = {}): ClaimInput {
  return {
    key: nextKey++,
    claimId: 'CLM-1',
    patientKey: 1,
    patientName: 'Avery Quill',
    clinicianName: 'Dana Reyes',
    payerName: 'Aetna',
    serviceDate: '2026-01-05',
    submittedDate: '2026-01-06',
    status: 'submitted',
    billed: 15000,
    allowed: null,
    paid: null,
    patientResponsibility: null,
    ...overrides,
  };
}

export function balance(overrides: Partial<BalanceInput> = {}): BalanceInput {
  return {
    key: nextKey++,
    accountId: 'A-1',
    patientKey: 1,
    patientName: 'Avery Quill',
    patientPortion: null,
    insurancePortion: null,
    total: null,
    aging0to30: null,
    aging31to60: null,
    aging61to90: null,
    agingOver90: null,
    lastPaymentDate: null,
    missingFromExport: false,
    ...overrides,
  };
}

export function adjustment(overrides: Partial<BalanceAdjustmentInput> = {}): BalanceAdjustmentInput {
  return { id: nextKey++, patientKey: 1, patientPortion: null, insurancePortion: null, reason: 'corrected by phone', conflict: false, ...overrides };
}

export function patient(overrides: Partial<PatientInput> = {}): PatientInput {
  return { key: 1, patientId: 'P-1', name: 'Avery Quill', payerName: 'Aetna', ...overrides };
}

/** The default config with some values replaced, section by section. */
export function config(changes: { sessions?: Partial<Config['sessions']>; alerts?: Partial<Config['alerts']>; claims?: Partial<Config['claims']>; payers?: Config['payers'] } = {}): Config {
  const base = defaultConfig();
  return {
    ...base,
    sessions: { ...base.sessions, ...changes.sessions },
    alerts: { ...base.alerts, ...changes.alerts },
    claims: { ...base.claims, ...changes.claims },
    payers: changes.payers ?? base.payers,
  };
}

/** `n` completed appointments of patient 1, one a day from `first`. */
export function sessionsFrom(first: string, n: number, overrides: Partial<AppointmentInput> = {}): AppointmentInput[] {
  const start = Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)) - 1, Number(first.slice(8, 10)));
  return Array.from({ length: n }, (_, i) => appointment({ serviceDate: new Date(start + i * 86_400_000).toISOString().slice(0, 10), ...overrides }));
}
