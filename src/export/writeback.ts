// Payments as the CSV a PMS imports into its ledger, columns named by a writeback profile.
import { format } from 'date-fns/format';
import type { PaymentInput } from '../compute/types.js';
import { fail } from '../errors.js';
import { type PaymentAmounts, paymentAmounts } from './payment-amounts.js';
import { comparePayments } from './payment-order.js';
import { type CsvColumn, type CsvRow, toCsv } from './safe-csv.js';
import {
  WRITEBACK_DATE_FIELDS,
  WRITEBACK_MONEY_FIELDS,
  type WritebackColumn,
  type WritebackField,
  type WritebackProfile,
} from './writeback-profile.js';

export interface WritebackOptions {
  amount: 'net' | 'gross';
  /** Extra note text by payment ID, e.g. the correction a re-imported payment needs. */
  notes?: ReadonlyMap<string, string>;
}

export interface WritebackLeftOut {
  payment_id: string;
  reason: string;
}

export interface WritebackResult {
  csv: string;
  rows: number;
  /** Payment IDs written, in row order. */
  payment_ids: string[];
  left_out: WritebackLeftOut[];
}

function isoToDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number);
  return new Date(year, month - 1, day);
}

function mapped(column: WritebackColumn, value: string | null): string | null {
  if (value === null || column.map === undefined) return value;
  const key = Object.keys(column.map).find((k) => k.toLowerCase() === value.toLowerCase());
  return key === undefined ? value : column.map[key];
}

/**
 * A payment's date (ISO) or type (canonical) as the profile's column writes it: the corrections file then says what the
 * PMS shows (`01/06/2026`, `Online Payment`), not what the store holds. Unchanged when the profile has no such column.
 */
export function asProfileWrites(profile: WritebackProfile, field: 'payment_date' | 'type', value: string): string {
  const column = profile.columns.find((c) => c.field === field);
  if (!column) return value;
  return field === 'payment_date' ? format(isoToDate(value), column.format ?? 'yyyy-MM-dd') : (mapped(column, value) ?? value);
}

function fieldValue(field: WritebackField, p: PaymentInput, amounts: PaymentAmounts, options: WritebackOptions): string | number | null {
  switch (field) {
    case 'payment_id': return p.paymentId;
    case 'patient_id': return p.patientId;
    case 'patient_name': return p.patientName;
    case 'payment_date': return p.paymentDate;
    case 'payout_date': return p.payoutDate;
    case 'amount': return amounts[options.amount];
    case 'gross': return amounts.gross;
    case 'fee': return amounts.fee;
    case 'net': return amounts.net;
    case 'type': return p.type;
    case 'method': return p.method;
    case 'reference': return p.reference;
    case 'claim_id': return p.claimId;
    case 'payout_id': return p.payoutId;
    case 'processor': return p.processor;
    case 'note': {
      const base = `Payment ${p.paymentId}${p.processor ? ` via ${p.processor}` : ''}`;
      const extra = options.notes?.get(p.paymentId);
      return extra ? `${base}; ${extra}` : base;
    }
  }
}

function cell(column: WritebackColumn, p: PaymentInput, amounts: PaymentAmounts, options: WritebackOptions): string | number | null {
  if (column.field === undefined) return column.value ?? null;
  const value = fieldValue(column.field, p, amounts, options);
  if (WRITEBACK_DATE_FIELDS.includes(column.field)) {
    return value === null ? null : format(isoToDate(String(value)), column.format ?? 'yyyy-MM-dd');
  }
  return typeof value === 'number' ? value : mapped(column, value);
}

/**
 * One row per payment in (payment date, payment ID) order; refunds are negative rows. Payments
 * without a patient ID (or without a date, when the profile writes one) are listed in `left_out`,
 * never guessed. Throws `export_rejected` when any payment's amounts are inconsistent.
 */
export function buildWriteback(payments: readonly PaymentInput[], profile: WritebackProfile, options: WritebackOptions): WritebackResult {
  const columns: CsvColumn[] = profile.columns.map((c, i) => ({
    key: `c${i}`,
    header: c.header,
    kind: c.field && WRITEBACK_MONEY_FIELDS.includes(c.field) ? 'money' : c.field && WRITEBACK_DATE_FIELDS.includes(c.field) ? 'date' : 'text',
  }));
  const needsDate = profile.columns.some((c) => c.field === 'payment_date');
  const problems: string[] = [];
  const left_out: WritebackLeftOut[] = [];
  const rows: CsvRow[] = [];
  const payment_ids: string[] = [];
  for (const payment of [...payments].sort(comparePayments)) {
    const checked = paymentAmounts(payment);
    if (!checked.ok) {
      problems.push(checked.problem);
      continue;
    }
    if (!payment.patientId?.trim()) {
      left_out.push({ payment_id: payment.paymentId, reason: 'no patient ID: the PMS posts a payment by patient ID, and neither its export nor the patient record in the store gives one (a client export with IDs does)' });
      continue;
    }
    if (needsDate && payment.paymentDate === null) {
      left_out.push({ payment_id: payment.paymentId, reason: 'no payment date' });
      continue;
    }
    const row: Record<string, string | number | null> = {};
    profile.columns.forEach((column, i) => (row[`c${i}`] = cell(column, payment, checked.amounts, options)));
    rows.push(row);
    payment_ids.push(payment.paymentId);
  }
  if (problems.length > 0) {
    fail('export_rejected', `${problems.length} payment(s) with inconsistent amounts; nothing was exported:\n- ${problems.join('\n- ')}`, {
      problems,
    });
  }
  const csv = toCsv(columns, rows, { lineEnding: profile.line_ending ?? '\r\n', delimiter: profile.delimiter ?? ',' });
  return { csv, rows: rows.length, payment_ids, left_out };
}
