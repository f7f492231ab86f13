// The columns and states of the sessions report (SPEC §6 "Report rows"), shared by the report and the alerts.
import type { Column } from '../report/model.js';

export const SESSION_STATES = ['ok', 'low', 'expiring', 'exhausted', 'expired'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const SESSION_COLUMNS: Column[] = [
  { key: 'authorization_number', kind: 'text' },
  { key: 'patient_name', kind: 'text' },
  { key: 'clinician_name', kind: 'text' },
  { key: 'payer_name', kind: 'text' },
  { key: 'authorized_sessions', kind: 'integer' },
  { key: 'prior_sessions', kind: 'integer' },
  { key: 'used', kind: 'integer' },
  { key: 'remaining', kind: 'integer' },
  { key: 'scheduled', kind: 'integer' },
  { key: 'start_date', kind: 'date' },
  { key: 'end_date', kind: 'date' },
  { key: 'last_session', kind: 'date' },
  { key: 'days_since_last_session', kind: 'integer' },
  { key: 'days_until_expiry', kind: 'integer' },
  { key: 'state', kind: 'text' },
];
