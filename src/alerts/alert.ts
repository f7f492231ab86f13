// An alert of SPEC §7: its fields, its severities and the columns of the alerts report.
import type { Column } from '../report/model.js';
import { flat } from './format.js';

export const SEVERITIES = ['low', 'medium', 'high'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ALERT_TYPES = [
  'auth_sessions_low',
  'auth_exhausted',
  'auth_expiring',
  'auth_expired',
  'claim_denied',
  'claim_unpaid',
  'timely_filing',
  'unbilled_session',
  'balance_high',
  'adjustment_conflict',
] as const;
export type AlertType = (typeof ALERT_TYPES)[number];

/** A type alias, not an interface, so that an alert is a report row as it is. */
export type Alert = {
  /** Stable across runs: the type and the natural key of the record it is about, never a position. */
  id: string;
  type: AlertType;
  severity: Severity;
  subject: string;
  patient: string | null;
  clinician: string | null;
  payer: string | null;
  /** Cents. */
  amount: number | null;
  due: string | null;
  owner: string | null;
  message: string;
  first_seen: string;
  new: boolean;
};

/** Who and what an alert is about: shared by every alert one record raises. */
export interface AlertAbout {
  subject: string;
  patient: string | null;
  clinician: string | null;
  payer: string | null;
}

export interface AlertFacts {
  type: AlertType;
  /** The natural key of the record the alert is about; the id is `type:key`, e.g. `claim_denied:CLM-1001`. */
  key: string;
  severity: Severity;
  amount: number | null;
  due: string | null;
  message: string;
}

/**
 * A new alert, its fields in column order. Every alert is built here with one shape: rules over a million claims
 * raise hundreds of thousands of alerts, and objects of mixed shapes (from spreads) are many times slower.
 * first_seen, new and owner are placeholders that `computeAlerts` fills in from what the store remembers.
 */
export function newAlert(about: AlertAbout, facts: AlertFacts): Alert {
  return {
    id: flat`${facts.type}:${facts.key}`,
    type: facts.type,
    severity: facts.severity,
    subject: about.subject,
    patient: about.patient,
    clinician: about.clinician,
    payer: about.payer,
    amount: facts.amount,
    due: facts.due,
    owner: null,
    message: facts.message,
    first_seen: '',
    new: true,
  };
}

export const ALERT_COLUMNS: Column[] = [
  { key: 'id', kind: 'text' },
  { key: 'type', kind: 'text' },
  { key: 'severity', kind: 'text' },
  { key: 'subject', kind: 'text' },
  { key: 'patient', kind: 'text' },
  { key: 'clinician', kind: 'text' },
  { key: 'payer', kind: 'text' },
  { key: 'amount', kind: 'money' },
  { key: 'due', kind: 'date' },
  { key: 'owner', kind: 'text' },
  { key: 'message', kind: 'text' },
  { key: 'first_seen', kind: 'date' },
  { key: 'new', kind: 'boolean' },
];
