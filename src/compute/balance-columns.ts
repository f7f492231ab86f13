// The columns of the balances report (SPEC §6 "Report rows").
import type { Column } from '../report/model.js';

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
  { key: 'missing_from_export', kind: 'boolean' },
];

export const BALANCE_MONEY_KEYS = ['patient_portion', 'insurance_portion', 'total', 'aging_0_30', 'aging_31_60', 'aging_61_90', 'aging_over_90'] as const;
