// Columns of the claims and aging reports (SPEC §6 "Report rows") and the A/R bucket names.
import type { Column } from '../report/model.js';

export const CLAIM_COLUMNS: Column[] = [
  { key: 'claim_id', kind: 'text' },
  { key: 'patient_name', kind: 'text' },
  { key: 'clinician_name', kind: 'text' },
  { key: 'payer_name', kind: 'text' },
  { key: 'service_date', kind: 'date' },
  { key: 'submitted_date', kind: 'date' },
  { key: 'status', kind: 'text' },
  { key: 'billed', kind: 'money' },
  { key: 'allowed', kind: 'money' },
  { key: 'paid', kind: 'money' },
  { key: 'patient_responsibility', kind: 'money' },
  { key: 'outstanding', kind: 'money' },
  { key: 'days_outstanding', kind: 'integer' },
  { key: 'group', kind: 'text' },
  { key: 'bucket', kind: 'text' },
  { key: 'filing_deadline', kind: 'date' },
];

export const AR_BUCKETS = ['0-30', '31-60', '61-90', '91-120', '121+'] as const;
export type ArBucket = (typeof AR_BUCKETS)[number];

export const AGING_COLUMNS: Column[] = [
  { key: 'payer_name', kind: 'text' },
  ...AR_BUCKETS.map((bucket): Column => ({ key: bucket, kind: 'money' })),
  { key: 'total', kind: 'money' },
];
