import { describe, expect, it } from 'vitest';
import { appointment, claim, config, patient } from '../compute/builders.js';
import { pick, remember, runAlerts } from './run-alerts.js';

describe('claim_denied', () => {
  it('is due first_seen + followup_days, owned by the payer rule', () => {
    const cfg = config({ alerts: { owners: [{ match: 'aetna', owner: 'Kim' }], billing_staff: ['Lee', 'Max'] } });
    const denied = claim({ claimId: 'CLM-1001', payerName: 'AETNA (60054)', status: 'denied', serviceDate: '2026-02-02', submittedDate: '2026-02-03', billed: 15000, allowed: 0 });
    const first = runAlerts({ claims: [denied] }, '2026-03-01', { config: cfg });
    expect(first.rows).toEqual([
      {
        id: 'claim_denied:CLM-1001',
        type: 'claim_denied',
        severity: 'high',
        subject: 'Claim CLM-1001',
        patient: 'Avery Quill',
        clinician: 'Dana Reyes',
        payer: 'AETNA (60054)',
        amount: 15000, // allowed 0 → billed 150.00
        due: '2026-03-08', // 03-01 + 7
        owner: 'Kim',
        message: 'Claim denied by AETNA (60054) for the 02/02/2026 session ($150.00 outstanding); review the denial and appeal or correct it',
        first_seen: '2026-03-01',
        new: true,
      },
    ]);
    expect(first.roundRobinAssigned).toBe(0);
    // A week later the follow-up is still due when first seen + 7, not pushed back.
    const again = runAlerts({ claims: [denied] }, '2026-03-06', { config: cfg, previous: remember(first.rows) });
    expect(pick(again.rows, 'due', 'first_seen', 'new')).toEqual([['2026-03-08', '2026-03-01', false]]);
  });

  it('assigns other payers round-robin over billing_staff in claim id order, continuing the rotation, and keeps owners', () => {
    const cfg = config({ alerts: { owners: [{ match: 'aetna', owner: 'Kim' }], billing_staff: ['Lee', 'Max', 'Noor'] } });
    const denied = ['CLM-3', 'CLM-1', 'CLM-2'].map((claimId) => claim({ claimId, status: 'rejected', payerName: 'Cigna' }));
    const fresh = runAlerts({ claims: denied }, '2026-03-01', { config: cfg });
    const owners = (rows: typeof fresh.rows) => pick(rows.filter((r) => r.type === 'claim_denied'), 'id', 'owner');
    expect(owners(fresh.rows)).toEqual([
      ['claim_denied:CLM-1', 'Lee'],
      ['claim_denied:CLM-2', 'Max'],
      ['claim_denied:CLM-3', 'Noor'],
    ]);
    expect(fresh.roundRobinAssigned).toBe(3);

    // 4 owners handed out before: 4 mod 3 = 1, so the rotation resumes at Max.
    const continued = runAlerts({ claims: denied }, '2026-03-01', { config: cfg, rotationOffset: 4 });
    expect(owners(continued.rows).map((r) => r[1])).toEqual(['Max', 'Noor', 'Lee']);

    // Next run: the three keep their owners even though staff changed; a new denial continues from 3 (3 mod 2 = 1 → Lee).
    const changed = config({ alerts: { billing_staff: ['Ola', 'Lee'] } });
    const next = runAlerts({ claims: [...denied, claim({ claimId: 'CLM-0', status: 'denied', payerName: 'Cigna' })] }, '2026-03-02', {
      config: changed,
      previous: remember(fresh.rows),
      rotationOffset: 3,
    });
    // CLM-0 is due a day later (first seen 03/02, due 03/09), so it sorts after the others (due 03/08).
    expect(pick(next.rows.filter((r) => r.type === 'claim_denied'), 'id', 'owner', 'due', 'new')).toEqual([
      ['claim_denied:CLM-1', 'Lee', '2026-03-08', false],
      ['claim_denied:CLM-2', 'Max', '2026-03-08', false],
      ['claim_denied:CLM-3', 'Noor', '2026-03-08', false],
      ['claim_denied:CLM-0', 'Lee', '2026-03-09', true],
    ]);
    expect(next.roundRobinAssigned).toBe(1);
  });

  it('hands the rotation only to new claims without a payer rule, in claim id order around the others', () => {
    const cfg = config({ alerts: { owners: [{ match: 'aetna', owner: 'Kim' }], billing_staff: ['Lee', 'Max', 'Noor'] } });
    const denied = (claimId: string, payerName = 'Cigna') => claim({ claimId, status: 'denied', payerName });
    // CLM-2 is remembered with Noor, CLM-4 is Aetna's (Kim): CLM-1, CLM-3 and CLM-5 are new and take Lee, Max, Noor.
    const previous = new Map([['claim_denied:CLM-2', { firstSeen: '2026-02-20', owner: 'Noor' }]]);
    const report = runAlerts({ claims: ['CLM-5', 'CLM-4', 'CLM-3', 'CLM-2', 'CLM-1'].map((id) => denied(id, id === 'CLM-4' ? 'Aetna' : 'Cigna')) }, '2026-03-01', {
      config: cfg,
      previous,
    });
    expect(pick(report.rows, 'id', 'owner')).toEqual([
      ['claim_denied:CLM-2', 'Noor'], // due 02/27, first seen 02/20
      ['claim_denied:CLM-1', 'Lee'],
      ['claim_denied:CLM-3', 'Max'],
      ['claim_denied:CLM-4', 'Kim'],
      ['claim_denied:CLM-5', 'Noor'],
    ]);
    expect(report.roundRobinAssigned).toBe(3);
  });

  it('has no owner when no rule matches and there are no billing staff', () => {
    const report = runAlerts({ claims: [claim({ status: 'denied', payerName: 'Cigna' })] }, '2026-03-01');
    expect(pick(report.rows, 'type', 'owner')).toEqual([['claim_denied', null]]);
  });
});

describe('claim_unpaid', () => {
  it('fires at 30 days (medium) and turns high at 90', () => {
    // as of 04/30/2026: 04-01 is 29 days, 03-31 is 30, 01-31 is 89, 01-30 is 90.
    const claims = [
      claim({ claimId: 'D29', submittedDate: '2026-04-01' }),
      claim({ claimId: 'D30', submittedDate: '2026-03-31', billed: 12000 }),
      claim({ claimId: 'D89', submittedDate: '2026-01-31', status: 'pending' }),
      claim({ claimId: 'D90', submittedDate: null, serviceDate: '2026-01-30' }),
      claim({ claimId: 'PAID', submittedDate: '2026-01-01', status: 'paid' }),
    ];
    const rows = runAlerts({ claims }, '2026-04-30').rows.filter((r) => r.type === 'claim_unpaid');
    expect(pick(rows, 'id', 'severity', 'amount', 'message')).toEqual([
      ['claim_unpaid:D90', 'high', 15000, 'No payment from Aetna 90 days since the 01/30/2026 session (no submission date) ($150.00 outstanding)'],
      ['claim_unpaid:D30', 'medium', 12000, 'No payment from Aetna 30 days since it was submitted on 03/31/2026 ($120.00 outstanding)'],
      ['claim_unpaid:D89', 'medium', 15000, 'No payment from Aetna 89 days since it was submitted on 01/31/2026 ($150.00 outstanding)'],
    ]);
  });
});

describe('claim_unpaid on a claim the payer has paid from', () => {
  it('says a partial payment is not full payment, and a claim paid in full but still open should be closed', () => {
    // As of 04/30/2026, submitted 03/20: 41 days. Billed 150.00, allowed 120.00, patient responsibility 20.00.
    const claims = [
      // 120.00 − 20.00 − 60.00 = 40.00 outstanding
      claim({ claimId: 'PART', submittedDate: '2026-03-20', billed: 15000, allowed: 12000, patientResponsibility: 2000, paid: 6000 }),
      // 120.00 − 20.00 − 100.00 = 0.00: paid in full, still submitted
      claim({ claimId: 'FULL', submittedDate: '2026-03-20', billed: 15000, allowed: 12000, patientResponsibility: 2000, paid: 10000 }),
      // No billed or allowed amount in the export: whether 55.00 is all of it is not known.
      claim({ claimId: 'UNPRICED', submittedDate: '2026-03-20', billed: null, allowed: null, paid: 5500 }),
    ];
    const rows = runAlerts({ claims }, '2026-04-30').rows.filter((r) => r.type === 'claim_unpaid');
    expect(pick(rows, 'id', 'amount', 'message')).toEqual([
      ['claim_unpaid:FULL', 0, 'Claim still open 41 days since it was submitted on 03/20/2026, yet Aetna has paid it in full ($100.00 paid, $0.00 outstanding): close it in the PMS'],
      ['claim_unpaid:PART', 4000, 'Not paid in full by Aetna 41 days since it was submitted on 03/20/2026 ($60.00 paid, $40.00 outstanding)'],
      ['claim_unpaid:UNPRICED', null, 'Claim still open 41 days since it was submitted on 03/20/2026 ($55.00 paid by Aetna; amount not in the export)'],
    ]);
  });
});

describe('claims without an amount in the export', () => {
  it('say the amount is not in the export and carry none, instead of "$0.00 outstanding"; a billed 0.00 is still 0.00', () => {
    // SimplePractice's claims report carries no amounts: billed and allowed are both empty.
    const claims = [
      claim({ claimId: 'SP-1', status: 'rejected', serviceDate: '2026-03-02', submittedDate: '2026-03-03', billed: null, allowed: null }),
      claim({ claimId: 'SP-2', status: 'submitted', serviceDate: '2026-03-02', submittedDate: '2026-03-03', billed: null, allowed: null }),
      claim({ claimId: 'SP-3', status: 'submitted', serviceDate: '2026-03-02', submittedDate: '2026-03-03', billed: 0, allowed: null }),
    ];
    const rows = runAlerts({ claims }, '2026-05-06').rows.filter((r) => r.type !== 'timely_filing');
    // 03/03 to 05/06: 28 + 30 + 6 = 64 days.
    expect(pick(rows, 'id', 'amount', 'message')).toEqual([
      ['claim_denied:SP-1', null, 'Claim rejected by Aetna for the 03/02/2026 session (amount not in the export); correct it and resubmit'],
      ['claim_unpaid:SP-2', null, 'No payment from Aetna 64 days since it was submitted on 03/03/2026 (amount not in the export)'],
      ['claim_unpaid:SP-3', 0, 'No payment from Aetna 64 days since it was submitted on 03/03/2026 ($0.00 outstanding)'],
    ]);
  });
});

describe('timely_filing', () => {
  // Blue Cross is not in the payer list: 90 days. Service 01/05/2026 + 90 → deadline 04/05/2026.
  const rejected = claim({ claimId: 'REJ-1', status: 'rejected', payerName: 'Blue Cross', serviceDate: '2026-01-05', submittedDate: '2026-03-20' });

  it('warns on a rejected claim within 14 days of its filing deadline', () => {
    // 03-22 → 04-05 is 9 + 5 = 14 days: warned. 03-21 is 15 days: not yet.
    const warned = runAlerts({ claims: [rejected] }, '2026-03-22').rows.filter((r) => r.type === 'timely_filing');
    expect(pick(warned, 'id', 'severity', 'due', 'amount', 'message')).toEqual([
      ['timely_filing:REJ-1', 'high', '2026-04-05', 15000, 'Filing deadline 04/05/2026 is in 14 days; the rejected claim must be resubmitted'],
    ]);
    expect(runAlerts({ claims: [rejected] }, '2026-03-21').rows.filter((r) => r.type === 'timely_filing')).toEqual([]);
  });

  it('keeps warning after the deadline passed, covers drafts, and ignores filed claims', () => {
    const draft = claim({ claimId: 'DRAFT-1', status: 'draft', payerName: 'Blue Cross', serviceDate: '2026-01-05', submittedDate: null });
    const filed = claim({ claimId: 'SUB-1', status: 'submitted', payerName: 'Blue Cross', serviceDate: '2026-01-05' });
    const rows = runAlerts({ claims: [rejected, draft, filed] }, '2026-04-08').rows.filter((r) => r.type === 'timely_filing');
    expect(pick(rows, 'id', 'message')).toEqual([
      ['timely_filing:DRAFT-1', 'Filing deadline 04/05/2026 passed 3 days ago; the claim is still a draft'],
      ['timely_filing:REJ-1', 'Filing deadline 04/05/2026 passed 3 days ago; the rejected claim must be resubmitted'],
    ]);
  });

  it('warns on an unbilled session near its deadline, next to its unbilled_session alert', () => {
    // Session 12/20/2025, Cigna (90 days): 11 + 31 + 28 = 70, + 20 → 03/20/2026. As of 03/10: 10 days left, 80 days since service.
    const data = {
      appointments: [appointment({ serviceDate: '2025-12-20', payerName: 'Cigna' })],
      claims: [claim({ claimId: 'OTHER', serviceDate: '2025-12-01', status: 'paid' })],
      patients: [patient()],
    };
    const rows = runAlerts(data, '2026-03-10').rows;
    expect(pick(rows, 'type', 'severity', 'subject', 'due', 'message')).toEqual([
      ['timely_filing', 'high', 'Session 12/20/2025', '2026-03-20', 'Filing deadline 03/20/2026 is in 10 days; the session has not been billed'],
      ['unbilled_session', 'medium', 'Session 12/20/2025', '2026-03-20', 'Completed session on 12/20/2025 (80 days ago) has no claim; bill Cigna by 03/20/2026'],
    ]);
    expect(rows[0].id).toMatch(/^timely_filing:session:p[0-9a-f]{8}:2025-12-20$/);
    expect(rows[1].id).toMatch(/^unbilled_session:p[0-9a-f]{8}:2025-12-20$/);
  });
});
