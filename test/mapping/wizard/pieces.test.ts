// The wizard's small rules: header normalisation, date format detection, aging bucket headers, status words, shapes.
import { describe, expect, it } from 'vitest';
import { agingBucket } from '../../../src/mapping/wizard/aging-bucket.js';
import { dateShape } from '../../../src/mapping/wizard/date-shape.js';
import { matchHeader } from '../../../src/mapping/wizard/header-match.js';
import { headerKey } from '../../../src/mapping/wizard/normalize-header.js';
import { proposeCanonical } from '../../../src/mapping/wizard/status-words.js';
import { columnShape } from '../../../src/mapping/wizard/value-shapes.js';

describe('headerKey', () => {
  it.each([
    ['PatName', 'Patient Name'],
    ['DateService', 'Date of Service'],
    ['Claim #', 'Claim No.'],
    ['Claim #', 'claim_number'],
    ['Auth #', 'Authorization Number'],
    ['Ins. Est.', 'Insurance Estimate'],
    ['Visits Authorized', 'Authorized Visits'],
  ])('%s reads like %s', (a, b) => {
    expect(headerKey(a)).toBe(headerKey(b));
  });

  it('keeps the sign of Open Dental headers: =Patient is not Patient', () => {
    expect(headerKey('=Patient')).toBe('equal patient');
    expect(headerKey('Patient')).toBe('patient');
    expect(headerKey('-Ins Est')).toBe('estimate insurance minus');
  });
});

describe('matchHeader', () => {
  it('prefers an exact synonym to one inside a longer header', () => {
    const [best] = matchHeader('payments', 'automatic_payout_effective_at');
    expect(best).toMatchObject({ field: 'payout_date', exact: true });
    expect(matchHeader('claims', 'Rendering Provider Name')[0]).toMatchObject({ field: 'clinician_name', exact: false });
  });
});

describe('dateShape', () => {
  it.each([
    [['09/14/2026', '10/05/2026'], ['MM/dd/yyyy'], false],
    [['9/14/2026', '10/5/2026'], ['M/d/yyyy'], false],
    [['2026-03-02 14:05:11', '2026-03-04 09:12:30'], ['yyyy-MM-dd HH:mm:ss'], true],
    [['10/5/2026 8:00:00 AM', '10/6/2026 2:30:00 PM'], ['M/d/yyyy h:mm:ss a'], true],
    [['10/06/2026 9:00 AM'], ['MM/dd/yyyy h:mm a'], true],
    [['24/10/2026', '03/11/2026'], ['dd/MM/yyyy'], false],
    // Two formats in one column, the more frequent first.
    [['01/06/2026', '01/13/2026', '2026-02-03'], ['MM/dd/yyyy', 'yyyy-MM-dd'], false],
  ])('%j → %j', (values, formats, hasTime) => {
    expect(dateShape(values)).toEqual({ formats, hasTime });
  });

  it('is null when values are not dates', () => {
    expect(dateShape(['30.00', '12.50'])).toBeNull();
    expect(dateShape(['AUTH-1', 'AUTH-2'])).toBeNull();
  });
});

describe('agingBucket', () => {
  it.each([
    ['0-30', false, 'aging_0_30'],
    ['0-30 Days', false, 'aging_0_30'],
    ['31-60 Days', false, 'aging_31_60'],
    ['61-90', false, 'aging_61_90'],
    ['91-120', false, 'aging_over_90'],
    ['>120', false, 'aging_over_90'],
    ['> 90 Days', false, 'aging_over_90'],
    ['90+', false, 'aging_over_90'],
    ['Over 30', true, 'aging_31_60'],
    ['Over 60', true, 'aging_61_90'],
    ['Over 90', true, 'aging_over_90'],
    ['Current', true, 'aging_0_30'],
    // Next to "Current", "30 Days" is the 31-60 bucket (Cloud 9); alone it is the first 30 days.
    ['30 Days', true, 'aging_31_60'],
    ['30 Days', false, 'aging_0_30'],
    ['Patient Total Owing >90 Days', false, 'aging_over_90'],
    ['Total', false, null],
    ['Current Balance', false, null],
  ])('%s (with Current: %s) → %s', (header, hasCurrent, field) => {
    expect(agingBucket(header, hasCurrent)).toBe(field);
  });
});

describe('proposeCanonical', () => {
  it.each([
    ['appointments', 'status', 'No-Show', 'no_show'],
    ['appointments', 'status', 'late_canceled', 'late_canceled'],
    ['appointments', 'status', 'Late Cancellation', 'late_canceled'],
    ['claims', 'status', 'Draft', 'draft'],
    ['claims', 'status', 'Unsent', 'draft'],
    ['claims', 'status', 'Sent', 'submitted'],
    ['claims', 'status', 'Rejected', 'rejected'],
    ['claims', 'status', 'Void', 'void'],
    ['claims', 'status', 'Not Submitted', 'draft'],
    ['patients', 'status', 'Discharged', 'inactive'],
    ['payments', 'type', 'Autopay', 'payment_plan'],
    ['payments', 'type', 'Zelle', 'other'],
    ['claims', 'status', 'Not Paid', null],
    ['balances', 'status', 'Paid', null],
  ])('%s.%s "%s" → %s', (entity, field, value, expected) => {
    expect(proposeCanonical(entity as never, field, value)).toBe(expected);
  });
});

describe('columnShape', () => {
  it('tells money, IDs, names, codes and statuses apart', () => {
    expect(columnShape(['$1,200.00', '(25.00)', '30'])).toMatchObject({ money: true, decimals: true, integer: false });
    expect(columnShape(['CLM-1', 'CLM-2', 'CLM-3'])).toMatchObject({ idLike: true, unique: true, money: false });
    expect(columnShape(['Smith, Jr., Robert', 'Inés Muñoz', 'Dr. Hannah Cole, PsyD'])).toMatchObject({ nameLike: true });
    expect(columnShape(['1042 - Abernathy, Carol J', '1077 - Benoît, Hélène M'])).toMatchObject({ idPrefixedName: true });
    expect(columnShape(['Aetna (60054)', 'Blue Cross (MA)  Plan (BCBSMA)', 'UnitedHealthcare'])).toMatchObject({ payerWithId: true });
    expect(columnShape(['90837', '90834 ', '90791'].map((v) => v.trim()))).toMatchObject({ codes: 'single' });
    expect(columnShape(['90834,90837', '90837'])).toMatchObject({ codes: 'list' });
    expect(columnShape(['90837 Psychotherapy 60 min', 'Late Cancel Fee', '90834 Psychotherapy 45 min'])).toMatchObject({ codes: 'embedded' });
    expect(columnShape(['Paid', 'Denied', 'Paid', 'Pending'])).toMatchObject({ enumLike: true, distinct: ['Paid', 'Denied', 'Pending'] });
    expect(columnShape(['60 min', '45 min'])).toMatchObject({ leadingNumber: true, integer: false });
  });
});
