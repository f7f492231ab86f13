// draftMapping on whole files: the entity guessed for the generic fixtures, proposed enum values, the read options
// found for odd layouts, columns placed by their values alone, and what it reports as missing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isPracticeSyncError } from '../../../src/errors.js';
import { mappingSchema } from '../../../src/mapping/schema.js';
import { defaultMappingName } from '../../../src/mapping/wizard/build-mapping.js';
import { draftMapping } from '../../../src/mapping/wizard/draft-mapping.js';
import { fixturesDir } from '../../../src/package-root.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wizard-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const target = path.join(tmp, name);
  fs.writeFileSync(target, text);
  return target;
}

const fixture = (rel: string) => path.join(fixturesDir(), rel);

describe('entity guessing', () => {
  // The generic fixtures are named after their entity: appointments.csv holds appointments, and so on.
  const generic = fs.readdirSync(fixture('generic')).filter((name) => name.endsWith('.csv'));

  it.each(generic)('guesses the entity of generic/%s from its columns', async (name) => {
    const draft = await draftMapping(fixture(`generic/${name}`), {});
    expect(draft.entityGuessed).toBe(true);
    expect(draft.mapping.entity).toBe(name.replace(/\.csv$/, ''));
  });

  it('takes the entity it is given, and says so', async () => {
    const draft = await draftMapping(fixture('generic/claims.csv'), { entity: 'claims' });
    expect(draft.entityGuessed).toBe(false);
    expect(draft.mapping.entity).toBe('claims');
  });
});

describe('enum proposals', () => {
  it('proposes a canonical claim status per word and leaves unknown and negated words unmapped', async () => {
    const draft = await draftMapping(file('claims-export.csv', [
      'Claim #,Patient,DOS,Billed,Status',
      'C-101,"Doe, Jane",01/05/2026,$100.00,Submitted',
      'C-102,"Roe, Rick",01/06/2026,$120.00,In Process',
      'C-103,"Poe, Ann",01/07/2026,$90.00,Denied',
      'C-104,"Doe, Jane",01/12/2026,$100.00,PAID',
      'C-105,"Roe, Rick",01/13/2026,$120.00,Accepted by Clearinghouse',
      'C-106,"Poe, Ann",01/14/2026,$90.00,Not Paid',
      'C-107,"Doe, Jane",01/19/2026,$100.00,Weird State',
      'C-108,"Roe, Rick",01/20/2026,$120.00,Denied',
    ].join('\n')), {});
    expect(draft.mapping.entity).toBe('claims');
    expect(draft.enums).toEqual([{ field: 'status', values: [
      { value: 'Submitted', proposed: 'submitted' },
      { value: 'In Process', proposed: 'pending' },
      { value: 'Denied', proposed: 'denied' },
      { value: 'PAID', proposed: 'paid' },
      { value: 'Accepted by Clearinghouse', proposed: 'submitted' },
      { value: 'Not Paid', proposed: null },
      { value: 'Weird State', proposed: null },
    ] }]);
    expect(draft.mapping.fields.status).toEqual({
      column: 'Status', type: 'enum',
      map: { Submitted: 'submitted', 'In Process': 'pending', Denied: 'denied', PAID: 'paid', 'Accepted by Clearinghouse': 'submitted' },
    });
  });

  it('reads the appointment words of several systems', async () => {
    const statuses = ['Show', 'Kept', 'Arrived', 'Complete', 'No show', 'Missed', 'Broken', 'Late cancel', 'Cancelled', 'Clinician Canceled', 'Booked'];
    const rows = statuses.map((s, i) => `${String(i + 1).padStart(2, '0')}/02/2026,Client ${String.fromCharCode(65 + i)} Test,${s}`);
    const draft = await draftMapping(file('visits.csv', ['Date of Service,Client,Attendance', ...rows, '12/02/2026,Client L Test,Show'].join('\n')), {});
    expect(draft.mapping.entity).toBe('appointments');
    expect(Object.fromEntries(draft.enums[0].values.map((v) => [v.value, v.proposed]))).toEqual({
      Show: 'completed', Kept: 'completed', Arrived: 'completed', Complete: 'completed', 'No show': 'no_show', Missed: 'no_show',
      Broken: 'no_show', 'Late cancel': 'late_canceled', Cancelled: 'canceled', 'Clinician Canceled': 'clinician_canceled', Booked: 'scheduled',
    });
  });

  it('sends payment types it cannot place to "other" and keeps the words as the method', async () => {
    const draft = await draftMapping(file('payments.csv', [
      'Payment ID,Date Paid,Client,Payment Type,Amount',
      'P-1,01/05/2026,Jane Doe,Credit Card,30.00',
      'P-2,01/06/2026,Rick Roe,Cash,25.00',
      'P-3,01/07/2026,Ann Poe,Client Portal,40.00',
      'P-4,01/08/2026,Jane Doe,Credit Card,30.00',
      'P-5,01/09/2026,Rick Roe,Barter,10.00',
    ].join('\n')), {});
    expect(draft.mapping.entity).toBe('payments');
    expect(draft.mapping.fields.type).toEqual({
      column: 'Payment Type', type: 'enum', default: 'other', map: { 'Credit Card': 'card_terminal', Cash: 'other', 'Client Portal': 'portal' },
    });
    expect(draft.mapping.fields.method).toEqual({ column: 'Payment Type' });
  });
});

describe('reading odd layouts', () => {
  it('finds Open Dental aging quirks: the date preamble, apostrophe headers and the blank-first-cell totals row', async () => {
    const draft = await draftMapping(fixture('opendental/aging-of-ar.txt'), {});
    expect(draft.mapping.entity).toBe('balances');
    expect(draft.mapping.read).toEqual({
      delimiter: '\t', skip_lines: 1, strip_header_prefix: "'", skip_rows_where: { column: 'Guarantor', matches: '^\\s*$' },
    });
    expect(draft.mapping.fields).toMatchObject({
      patient_name: { column: 'Guarantor', type: 'name', pattern: '^(?:\\d+ - )?(.+)$', group: 1 },
      account_id: { column: 'Guarantor', pattern: '^(?:(\\d+) - )?', group: 1 },
      aging_over_90: { column: '> 90 Days', type: 'money' },
      insurance_portion: { column: '-Ins Est', type: 'money' },
      patient_portion: { column: '=Patient', type: 'money' },
      last_payment_date: { column: 'Last Pay Date', type: 'date', formats: ['M/d/yyyy'] },
    });
    expect(draft.unplaced).toEqual(['-W/O Est']);
  });

  it('reads a wrapped header cell as one column, as the import does', async () => {
    const wrapped = file('wrapped-header.csv', [
      'Claim ID,"Date of',
      'Service",Patient Name,Payer,Billed Amount,Claim Status',
      'CLM-1,01/05/2026,"Quill, Avery",Aetna,150.00,Submitted',
      'CLM-2,01/12/2026,"Park, Bo",Cigna,90.00,Paid',
      '',
    ].join('\n'));
    const draft = await draftMapping(wrapped, { entity: 'claims' });
    expect(draft.mapping.fields).toMatchObject({
      claim_id: { column: 'Claim ID' },
      service_date: { column: 'Date of Service', type: 'date' },
      patient_name: { column: 'Patient Name', type: 'name' },
      billed: { column: 'Billed Amount', type: 'money' },
    });
  });

  it('treats Open Dental\'s "no date" sentinels as empty', async () => {
    const claims = await draftMapping(fixture('opendental/query-claims.txt'), { entity: 'claims' });
    expect(claims.mapping.nulls).toEqual(['', '1/1/0001']);
    const visits = await draftMapping(fixture('opendental/query-appointments.txt'), { entity: 'appointments' });
    expect(visits.mapping.nulls).toEqual(['', '1/1/0001 12:00:00 AM']);
    expect(visits.mapping.fields.service_date).toEqual({
      column: 'AptDateTime', type: 'datetime', formats: ['M/d/yyyy h:mm:ss a'],
    });
  });

  it('skips a summary first row by its word, not its count', async () => {
    const draft = await draftMapping(fixture('simplepractice/client_attendance_report.csv'), {});
    expect(draft.mapping.read?.skip_rows_where).toEqual({ column: 'client_name', matches: '^\\s*\\d+ clients?\\s*$' });
    expect(draft.mapping.entity).toBe('appointments');
  });

  it('skips a "Total" last row, reads repeated headers by occurrence and splits "Payer (ID)" cells', async () => {
    const draft = await draftMapping(file('visits-billing.csv', [
      'Date of Service,Client,Primary Insurance,Client Payment Status,Charge,Paid,Insurance Payment Status,Charge,Paid',
      '03/02/2026 09:00,Jane Doe,Aetna (60054),PAID,30.0,30.0,PAID,130.0,98.5',
      '03/03/2026 10:00,Rick Roe,Cigna (62308),UNPAID,20.0,0.0,UNPAID,120.0,0.0',
      '03/04/2026 15:30,Ann Poe,--,PAID,140.0,140.0,--,--,--',
      'Total,,,,190.0,170.0,,250.0,98.5',
    ].join('\r\n')), { entity: 'appointments' });
    expect(draft.mapping.read?.skip_rows_where).toEqual({ column: 'Date of Service', matches: '^\\s*((grand|report|aged) )?totals?\\b' });
    expect(draft.mapping.nulls).toEqual(['', '--']);
    expect(draft.mapping.fields).toMatchObject({
      service_date: { column: 'Date of Service', type: 'datetime', formats: ['MM/dd/yyyy HH:mm'] },
      client_charge: { column: 'Charge', occurrence: 1, type: 'money' },
      insurance_charge: { column: 'Charge', occurrence: 2, type: 'money' },
      client_paid: { column: 'Paid', occurrence: 1, type: 'money' },
      insurance_paid: { column: 'Paid', occurrence: 2, type: 'money' },
      payer_name: { column: 'Primary Insurance', pattern: '^\\s*(.*?)(?:\\s*\\([^()]*\\))?\\s*$', group: 1 },
      payer_id: { column: 'Primary Insurance', pattern: '\\(\\s*([^()]*?)\\s*\\)\\s*$', group: 1 },
    });
    expect(draft.unplaced).toEqual(['Client Payment Status', 'Insurance Payment Status']);
  });

  it('adds up the buckets past 90 days', async () => {
    const draft = await draftMapping(fixture('dentrix-ascend/aged-receivables.csv'), { entity: 'balances' });
    expect(draft.mapping.fields.aging_over_90).toEqual({ column: ['91-120', '>120'], sum: true, type: 'money' });
  });
});

describe('placing by values alone', () => {
  it('places unknown headers only when one column has that shape', async () => {
    const draft = await draftMapping(file('people.csv', [
      'Patient ID,Patient Name,Reach At,Digits,Misc',
      'P1,Jane Doe,jane@example.org,(555) 555-0101,alpha',
      'P2,Rick Roe,rick@example.org,(555) 555-0102,beta',
      'P3,Ann Poe,ann@example.org,555-555-0103,gamma',
    ].join('\n')), {});
    expect(draft.mapping.entity).toBe('patients');
    expect(draft.placed.filter((p) => p.reason?.includes('header not recognised'))).toEqual([
      { column: 'Reach At', field: 'email', reason: 'values look like e-mail addresses (header not recognised)' },
      { column: 'Digits', field: 'phone', reason: 'values look like phone numbers (header not recognised)' },
    ]);
    expect(draft.unplaced).toEqual(['Misc']);
  });

  it('leaves two unknown date columns unplaced: which one is the date of service is a guess', async () => {
    const draft = await draftMapping(file('two-dates.csv', [
      'Claim ID,Patient,When A,When B,Billed',
      'C1,Jane Doe,01/05/2026,01/07/2026,$10.00',
      'C2,Rick Roe,01/06/2026,01/08/2026,$12.00',
    ].join('\n')), { entity: 'claims' });
    expect(draft.unplaced).toEqual(['When A', 'When B']);
  });
});

describe('what the draft says about itself', () => {
  it('names the identity fields still missing', async () => {
    const draft = await draftMapping(file('deposits.csv', ['When,Amount,Notes', '01/05/2026,30.00,copay', '01/06/2026,25.00,copay'].join('\n')), { entity: 'payments' });
    expect(draft.missingRequired).toEqual(['payment_id']);
    expect(draft.mapping.fields).toMatchObject({ payment_date: { column: 'When' }, gross: { column: 'Amount' }, reference: { column: 'Notes' } });
  });

  it('builds a composite claim key when the export has no claim number', async () => {
    const draft = await draftMapping(fixture('opendental/outstanding-claims.txt'), { entity: 'claims' });
    expect(draft.mapping.fields.claim_id).toEqual({ template: '{PatName}|{DateService}|{Carrier}|{Type}', required: true });
    expect(draft.missingRequired).toEqual([]);
  });

  it('writes a valid, unverified custom mapping named after the file', async () => {
    const draft = await draftMapping(fixture('generic/claims.csv'), {});
    expect(mappingSchema.safeParse(draft.mapping).success).toBe(true);
    expect(draft.mapping).toMatchObject({ name: 'custom/claims', source: 'custom', verified: false });
    expect(draft.mapping.description).toContain('mapping init');
    expect(draft.mapping.description).toContain('claims.csv');
    // The most claim-like columns: claim ID (weight 5), allowed and denial reason (4), patient responsibility and submission date (3).
    expect(draft.mapping.detect.required).toEqual(['Claim ID', 'Allowed Amount', 'Denial Reason', 'Patient Responsibility', 'Submission Date']);
    expect(defaultMappingName('/exports/My Claims (1).CSV')).toBe('custom/my-claims-1');
    expect((await draftMapping(fixture('generic/claims.csv'), { name: 'mypms/claims' })).mapping.name).toBe('mypms/claims');
  });

  it('refuses an unknown entity or a bad mapping name as usage errors', async () => {
    for (const options of [{ entity: 'invoices' }, { name: 'My Claims' }]) {
      const error = await draftMapping(fixture('generic/claims.csv'), options).catch((e: unknown) => e);
      expect(isPracticeSyncError(error) && error.code).toBe('usage');
    }
  });
});

describe('files the sample reader must not trip on', () => {
  it('skips a report title and a blank line before the header', async () => {
    const draft = await draftMapping(file('titled.csv', [
      'Outstanding Claims Report', '', 'Claim ID;Patient Name;Date of Service;Billed Amount', 'C-1;Jane Doe;01/05/2026;10.00',
    ].join('\n')), { entity: 'claims' });
    expect(draft.mapping.read).toMatchObject({ delimiter: ';', skip_lines: 2 });
    expect(Object.keys(draft.mapping.fields)).toEqual(['claim_id', 'patient_name', 'service_date', 'billed']);
  });

  it('takes headers that are numbers (aging buckets, years) or hold one date, and refuses a first line of values', async () => {
    const aging = await draftMapping(file('aging.csv', 'Patient,Current,30,60,90,120+,Total\nAnn Lee,10.00,0,0,0,0,10.00\n'), { entity: 'balances' });
    expect(aging.mapping.fields.patient_name).toMatchObject({ column: 'Patient', type: 'name' });
    await draftMapping(file('years.csv', 'Claim ID,Patient,2024,2025\nC-1,Ann Lee,1.00,2.00\n'), { entity: 'claims' });
    await draftMapping(file('printed.csv', 'Claim ID,Patient Name,Printed 01/31/2026,01/31/2026\nC-1,Ann Lee,x,y\n'), { entity: 'claims' });
    const error = await draftMapping(file('rows.csv', 'C-1,Ann Lee,01/05/2026,$150.00\nC-2,Bo Park,01/06/2026,$90.00\n'), { entity: 'claims' }).catch((e: unknown) => e);
    expect(isPracticeSyncError(error) && [error.code, error.message]).toEqual(['input_rejected',
      `${path.join(tmp, 'rows.csv')} has no header line: its first line holds values (a date in column 3, an amount in column 4), not column names; export it again with column headers`]);
  });

  it('drafts from a header with no rows, by the header alone', async () => {
    const draft = await draftMapping(file('empty-claims.csv', 'Claim ID,Patient Name,Date of Service,Billed Amount\n'), { entity: 'claims' });
    expect(draft.mapping.fields).toEqual({
      claim_id: { column: 'Claim ID' },
      patient_name: { column: 'Patient Name', type: 'name' },
      service_date: { column: 'Date of Service', type: 'date', formats: ['MM/dd/yyyy', 'yyyy-MM-dd'] },
      billed: { column: 'Billed Amount', type: 'money' },
    });
  });

  it('finds a totals row at the end of a file longer than the sample', async () => {
    const rows = Array.from({ length: 250 }, (_, i) => `B-${i},Patient ${i} Test,${(i % 90) + 10}.00`);
    const draft = await draftMapping(file('big.csv', ['Account ID,Patient Name,Total Balance', ...rows, 'Grand Total,,9999.00', ''].join('\n')), {
      entity: 'balances', sampleRows: 50,
    });
    expect(draft.mapping.read?.skip_rows_where).toEqual({ column: 'Account ID', matches: '^\\s*((grand|report|aged) )?totals?\\b' });
  });

  it('reads a Windows-1252 export', async () => {
    const target = path.join(tmp, 'latin1.csv');
    fs.writeFileSync(target, Buffer.from('Patient ID,Patient Name,Status\nP1,In\xe9s Mu\xf1oz,Active\nP2,Ren\xe9e Park,Inactive\n', 'latin1'));
    const draft = await draftMapping(target, {});
    expect(draft.mapping.entity).toBe('patients');
    expect(draft.enums).toEqual([{ field: 'status', values: [{ value: 'Active', proposed: 'active' }, { value: 'Inactive', proposed: 'inactive' }] }]);
  });
});
