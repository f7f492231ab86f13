import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isPracticeSyncError } from '../../src/errors.js';
import { buildWriteback } from '../../src/export/writeback.js';
import { loadWritebackProfile, parseWritebackProfile } from '../../src/export/writeback-profiles.js';
import { payment, samplePayments } from './sample-payments.js';

const BUILT_IN = fileURLToPath(new URL('../../mappings', import.meta.url));
const golden = (name: string) => readFileSync(new URL(`../golden/export/${name}`, import.meta.url), 'utf8');

function errorOf(run: () => unknown) {
  try {
    run();
  } catch (error) {
    if (isPracticeSyncError(error)) return error;
    throw error;
  }
  throw new Error('expected a PracticeSyncError');
}

describe('buildWriteback', () => {
  it('writes the generic profile: net amounts, refunds negative, correction notes, names neutralized', () => {
    const profile = loadWritebackProfile('generic', [BUILT_IN]);
    const notes = new Map([['pay-1003', 'correction: amount changed from 210.00 to 200.00 after batch 3']]);
    const result = buildWriteback(samplePayments(), profile, { amount: 'net', notes });
    expect(result.csv).toBe(golden('writeback-generic.csv'));
    expect(result.rows).toBe(9);
    expect(result.payment_ids).toEqual(['pay-1001', 'pay-1002', 'pay-1006', 'pay-1003', 'pay-1004', 'pay-1005', 'pay-1010', 'pay-1008', 'pay-1009']);
    expect(result.left_out).toEqual([{ payment_id: 'pay-1007', reason: 'no patient ID: the PMS posts a payment by patient ID, and neither its export nor the patient record in the store gives one (a client export with IDs does)' }]);
  });

  it('writes the opendental profile with gross amounts and yyyy-MM-dd dates', () => {
    const profile = loadWritebackProfile('opendental', [BUILT_IN]);
    expect(profile.verified).toBe(false);
    const result = buildWriteback(samplePayments(), profile, { amount: 'gross' });
    expect(result.csv).toBe(golden('writeback-opendental.csv'));
  });

  it('orders rows by payment date then payment ID, whatever the input order', () => {
    const profile = parseWritebackProfile({ name: 'ids', columns: [{ header: 'ID', field: 'payment_id' }] }, 'ids.json');
    const rows = [
      payment({ paymentId: 'b', patientId: 'P', paymentDate: '2026-01-02', gross: 1 }),
      payment({ paymentId: 'a', patientId: 'P', paymentDate: '2026-01-02', gross: 1 }),
      payment({ paymentId: 'c', patientId: 'P', paymentDate: '2026-01-01', gross: 1 }),
    ];
    expect(buildWriteback(rows, profile, { amount: 'net' }).csv).toBe('ID\r\nc\r\na\r\nb\r\n');
    expect(buildWriteback([...rows].reverse(), profile, { amount: 'net' }).csv).toBe('ID\r\nc\r\na\r\nb\r\n');
  });

  it('refuses payments whose amounts do not add up, exporting nothing', () => {
    const profile = loadWritebackProfile('generic', [BUILT_IN]);
    const error = errorOf(() =>
      buildWriteback([payment({ paymentId: 'pay-9', patientId: 'P1', paymentDate: '2026-01-01', gross: 1000, fee: 30, net: 990 })], profile, { amount: 'net' }),
    );
    expect(error.code).toBe('export_rejected');
    expect(error.message).toContain('payment pay-9: net 9.90 is not gross 10.00 − fee 0.30 (= 9.70)');
  });

  it('supports constant columns, a delimiter and LF line endings', () => {
    const profile = parseWritebackProfile(
      {
        name: 'tabbed',
        columns: [
          { header: 'Source', value: 'practice-sync' },
          { header: 'Fee', field: 'fee' },
          { header: 'Kind', field: 'type', map: { PORTAL: 'Web' } },
        ],
        delimiter: '\t',
        line_ending: '\n',
      },
      'tabbed.json',
    );
    const csv = buildWriteback([payment({ paymentId: 'x', patientId: 'P', paymentDate: '2026-01-01', type: 'portal', gross: 500, fee: 25 })], profile, {
      amount: 'net',
    }).csv;
    expect(csv).toBe('Source\tFee\tKind\npractice-sync\t0.25\tWeb\n');
  });
});

describe('writeback profiles', () => {
  it('validates strictly, naming the bad key', () => {
    const cases: [unknown, string][] = [
      [{ name: 'x', columns: [{ header: 'A', field: 'patient_ssn' }] }, 'columns.0.field'],
      [{ name: 'x', columns: [{ header: 'A', field: 'amount', format: 'MM/dd/yyyy' }] }, 'columns.0.format'],
      [{ name: 'x', columns: [{ header: 'A', field: 'payment_date', format: 'MM/dd/yyyy', extra: 1 }] }, 'columns.0'],
      [{ name: 'x', columns: [{ header: 'A' }] }, 'columns.0'],
      [{ name: 'x', columns: [] }, 'columns'],
      [{ name: 'X Y', columns: [{ header: 'A', value: '1' }] }, 'name'],
    ];
    for (const [json, key] of cases) {
      const error = errorOf(() => parseWritebackProfile(json, 'bad.json'));
      expect(error.code).toBe('mapping_invalid');
      expect(error.context.key).toBe(key);
      expect(error.message.startsWith(`bad.json: ${key}: `)).toBe(true);
    }
  });

  it('prefers the workspace copy, and says where it looked when a profile is missing', () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'ps-wb-'));
    mkdirSync(path.join(workspace, 'writeback'));
    writeFileSync(path.join(workspace, 'writeback', 'opendental.json'), JSON.stringify({ name: 'opendental', columns: [{ header: 'PatNum', field: 'patient_id' }] }));
    expect(loadWritebackProfile('opendental', [workspace, BUILT_IN]).columns).toHaveLength(1);
    expect(loadWritebackProfile('generic', [workspace, BUILT_IN]).columns).toHaveLength(7);
    expect(errorOf(() => loadWritebackProfile('dentrix', [workspace, BUILT_IN])).code).toBe('mapping_not_found');
    rmSync(workspace, { recursive: true });
  });

  it('ships generic and opendental with the headers of the issue', () => {
    expect(loadWritebackProfile('generic', [BUILT_IN]).columns.map((c) => c.header)).toEqual([
      'Patient ID', 'Patient Name', 'Payment Date', 'Amount', 'Payment Type', 'Reference', 'Note',
    ]);
    expect(loadWritebackProfile('opendental', [BUILT_IN]).columns.map((c) => c.header)).toEqual([
      'PatNum', 'PayDate', 'PayAmt', 'PayType', 'CheckNum', 'PayNote',
    ]);
  });
});
