// Issue 6: the Open Dental aging export as balances per guarantor; a made-up system added with one JSON file and one
// CSV and nothing else.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, FIXTURES, query, tempDir, tempWorkspace, writeFile } from '../helpers/cli.js';

describe('Open Dental aging of A/R', () => {
  it('preamble, apostrophe headers, thousands separators and the totals footer: portions per guarantor', async () => {
    const ws = tempWorkspace();
    const result = await cli(['--workspace', ws, '--format', 'json', 'import', path.join(FIXTURES, 'opendental', 'aging-of-ar.txt')]);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout);
    // 8 guarantors; the last line (blank first cell, column sums) is the totals row and is skipped.
    expect([summary.mapping, summary.rows, summary.created, summary.skipped_rows]).toEqual(['opendental/aging-of-ar', 8, 8, 1]);
    const rows = query(path.join(ws, 'practice-sync.db'), `
      SELECT b.account_id, p.patient_id, p.name, b.patient_portion, b.insurance_portion, b.total, b.aging_0_30, b.aging_31_60, b.aging_over_90, b.last_payment_date
      FROM balances b JOIN patients p ON p.id = b.patient_ref WHERE b.account_id IN ('1042', '1077', '1239') ORDER BY b.account_id`);
    expect(rows).toEqual([
      // `=Patient` is the patient portion, `-Ins Est` the insurance portion, in cents.
      { account_id: '1042', patient_id: '1042', name: 'Carol J Abernathy', patient_portion: 6500, insurance_portion: 14800, total: 24500, aging_0_30: 24500, aging_31_60: 0, aging_over_90: 0, last_payment_date: '2026-09-30' },
      { account_id: '1077', patient_id: '1077', name: 'Hélène M Benoît', patient_portion: 53416, insurance_portion: 89040, total: 154456, aging_0_30: 123456, aging_31_60: 31000, aging_over_90: 0, last_payment_date: '2026-08-12' },
      { account_id: '1239', patient_id: '1239', name: 'Tomás A Gutiérrez', patient_portion: 101525, insurance_portion: 0, total: 101525, aging_0_30: 0, aging_31_60: 0, aging_over_90: 101525, last_payment_date: '2026-01-15' },
    ]);
  });
});

describe('adding a system is data', () => {
  it('one mapping file and one export, nothing else', async () => {
    const ws = tempWorkspace();
    writeFile(path.join(ws, 'mappings'), 'acme-ehr/visits.json', JSON.stringify({
      name: 'acme-ehr/visits', entity: 'appointments', source: 'acme-ehr', verified: false,
      detect: { required: ['Visit No', 'Member', 'Seen On', 'Outcome'] },
      fields: {
        appointment_id: { column: 'Visit No', required: true },
        patient_name: { column: 'Member', type: 'name' },
        service_date: { column: 'Seen On', type: 'date', formats: ['dd.MM.yyyy'] },
        status: { column: 'Outcome', type: 'enum', map: { Attended: 'completed', DNA: 'no_show' } },
        fee: { column: 'Charge', type: 'money' },
      },
    }));
    const file = writeFile(tempDir(), 'acme-visits.csv', 'Visit No;Member;Seen On;Outcome;Charge\nV-1;Pat Quill;03.11.2026;Attended;120.00\n');
    const detect = await cli(['--workspace', ws, 'mapping', 'detect', file]);
    expect(detect.stdout).toMatch(/acme-visits\.csv: acme-ehr\/visits/);
    const result = await cli(['--workspace', ws, '--format', 'json', 'import', file]);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).created).toBe(1);
    expect(query(path.join(ws, 'practice-sync.db'), 'SELECT appointment_id, service_date, status, fee FROM appointments'))
      .toEqual([{ appointment_id: 'V-1', service_date: '2026-11-03', status: 'completed', fee: 12000 }]);
  });
});
