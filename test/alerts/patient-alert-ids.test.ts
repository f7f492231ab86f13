// Alert ids that name a patient key them by the patient's source ID when there is one, else by a hash of the name.
import { describe, expect, it } from 'vitest';
import { nameToken, patientToken } from '../../src/alerts/alert-ids.js';
import { appointment, authorization, claim, patient } from '../compute/builders.js';
import { pick, remember, runAlerts } from './run-alerts.js';

// Two patients who share a name, told apart by their IDs; a paid claim on another day, so sessions are checked.
const annOne = { patientKey: 1, patientId: 'P-1', patientName: 'Ann Lee', payerName: 'Aetna' };
const annTwo = { patientKey: 2, patientId: 'P-2', patientName: 'Ann Lee', payerName: 'Aetna' };
const patients = [patient({ key: 1, patientId: 'P-1', name: 'Ann Lee' }), patient({ key: 2, patientId: 'P-2', name: 'Ann Lee' })];
const paidElsewhere = claim({ claimId: 'OTHER', patientKey: 1, serviceDate: '2026-01-02', status: 'paid' });

describe('patientToken', () => {
  it('is the source ID when there is one, else the hash of the normalized name', () => {
    expect(patientToken('P-1', 'Ann Lee')).toBe('id-P-1');
    expect(patientToken(null, 'Ann Lee')).toBe(nameToken('ann  lee '));
    expect(patientToken(null, 'Ann Lee')).toMatch(/^p[0-9a-f]{8}$/);
    expect(patientToken(null, 'Ann Lee')).not.toBe(patientToken(null, 'Ann Leigh'));
  });
});

describe('alert ids of patients with an ID', () => {
  it('give two same-named patients their own unbilled alerts, however their sessions interleave', () => {
    // Three completed sessions on 02/02, store keys 11 (P-1), 12 (P-2), 13 (P-1): sorted by name, then key.
    const appointments = [
      appointment({ key: 11, ...annOne, serviceDate: '2026-02-02' }),
      appointment({ key: 12, ...annTwo, serviceDate: '2026-02-02' }),
      appointment({ key: 13, ...annOne, serviceDate: '2026-02-02' }),
    ];
    const rows = runAlerts({ appointments, claims: [paidElsewhere], patients }, '2026-02-20').rows;
    expect(pick(rows, 'id', 'patient')).toEqual([
      ['unbilled_session:id-P-1:2026-02-02', 'Ann Lee'],
      ['unbilled_session:id-P-1:2026-02-02#2', 'Ann Lee'],
      ['unbilled_session:id-P-2:2026-02-02', 'Ann Lee'],
    ]);
  });

  it("do not hand one patient's remembered alert to the other when the first is billed", () => {
    const first = appointment({ key: 11, ...annOne, serviceDate: '2026-02-02' });
    const second = appointment({ key: 12, ...annTwo, serviceDate: '2026-02-02' });
    const week1 = runAlerts({ appointments: [first], claims: [paidElsewhere], patients }, '2026-02-10');
    expect(pick(week1.rows, 'id', 'first_seen', 'new')).toEqual([['unbilled_session:id-P-1:2026-02-02', '2026-02-10', true]]);

    // A week later P-1's session is billed and P-2's is imported: P-2's alert is new, first seen this week.
    const billed = claim({ claimId: 'CLM-9', patientKey: 1, serviceDate: '2026-02-02', submittedDate: '2026-02-16', status: 'submitted' });
    const week2 = runAlerts({ appointments: [first, second], claims: [paidElsewhere, billed], patients }, '2026-02-17', { previous: remember(week1.rows) });
    expect(pick(week2.rows, 'id', 'first_seen', 'new')).toEqual([['unbilled_session:id-P-2:2026-02-02', '2026-02-17', true]]);
  });

  it('keep an unbilled alert, and an authorization without a number, when the patient is renamed', () => {
    const session = appointment({ key: 11, ...annOne, serviceDate: '2026-01-05' });
    const auth = authorization({ authorizationNumber: null, patientKey: 1, patientId: 'P-1', patientName: 'Ann Lee', authorizedSessions: 5, startDate: '2026-01-01', endDate: '2026-06-30' });
    const before = runAlerts({ authorizations: [auth], appointments: [session], claims: [paidElsewhere], patients }, '2026-02-01');
    const renamed = (name: string) => ({ patientName: name });
    const after = runAlerts(
      { authorizations: [{ ...auth, ...renamed('Ann Lee-Park') }], appointments: [{ ...session, ...renamed('Ann Lee-Park') }], claims: [paidElsewhere], patients },
      '2026-02-08',
      { previous: remember(before.rows) },
    );
    // The session of 01/05 is unbilled (due by its filing deadline, so first); 5 authorized, 1 used: 4 left (low).
    expect(pick(after.rows, 'id', 'first_seen', 'new')).toEqual([
      ['unbilled_session:id-P-1:2026-01-05', '2026-02-01', false],
      ['auth_sessions_low:id-P-1:2026-01-01', '2026-02-01', false],
    ]);
  });
});
