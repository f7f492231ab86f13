// Synthetic generic exports for the benchmark: invented patients, deterministic (seeded) so runs compare.
import fs from 'node:fs';

const PAYERS = ['Aetna (60054)', 'Cigna (62308)', 'UnitedHealthcare (87726)', 'Medicare Part B (MCR01)', 'Anthem BCBS (ANTHM)'];
const STATUSES = ['Submitted', 'In Process', 'Pending', 'Paid', 'Denied', 'Rejected', 'Paid', 'Paid'];
const FIRST = ['Ana', 'Ben', 'Cara', 'Dev', 'Eli', 'Fay', 'Gus', 'Hana', 'Ivo', 'Jun'];
const LAST = ['Abbott', 'Brandt', 'Cortez', 'Dunn', 'Ebert', 'Fischer', 'Gale', 'Holm', 'Iwata', 'Jovic'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export function patientName(i: number): string {
  return `${FIRST[i % 10]} ${LAST[Math.floor(i / 10) % 10]} ${i}`;
}

/**
 * How claim statuses are drawn. `realistic`: three years of service dates, and as in a practice's store, claims older
 * than 120 days nearly all paid (1.5% still unresolved), recent ones often still open. `stress`: 2026 dates and
 * statuses drawn uniformly at every age, so 62% of a million claims are unresolved and most raise an alert, far
 * beyond any real practice: the worst case.
 */
export type ClaimProfile = 'realistic' | 'stress';

const RECENT: [string, number][] = [['Paid', 0.55], ['Submitted', 0.7], ['In Process', 0.76], ['Pending', 0.82], ['Denied', 0.88], ['Rejected', 0.91], ['Not Submitted', 0.97], ['Void', 1]];
const OLD: [string, number][] = [['Paid', 0.93], ['Void', 0.96], ['Denied', 0.98], ['Rejected', 0.985], ['Submitted', 0.992], ['Pending', 0.995], ['Not Submitted', 1]];
const BENCH_AS_OF = Date.UTC(2026, 10, 23);

function weighted(table: [string, number][], r: number): string {
  return (table.find(([, upTo]) => r < upTo) ?? table[table.length - 1])[0];
}

/** Writes `rows` generic claims for `patients` patients; returns bytes written. */
export function writeClaims(file: string, rows: number, patients = 50_000, seed = 1, profile: ClaimProfile = 'realistic'): number {
  const random = rng(seed);
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let buffer = 'Claim ID,Patient Name,Patient ID,Date of Service,Submission Date,Payer,Rendering Provider,Billed Amount,Allowed Amount,Paid Amount,Patient Responsibility,Claim Status,Denial Reason\n';
  const us = (date: Date) => `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()}`;
  for (let i = 1; i <= rows; i++) {
    const p = Math.floor(random() * patients);
    let service: string;
    let submitted: string;
    let status: string;
    if (profile === 'stress') {
      const month = 1 + Math.floor(random() * 10);
      const day = 1 + Math.floor(random() * 28);
      service = `${pad(month)}/${pad(day)}/2026`;
      submitted = `${pad(month)}/${pad(Math.min(day + 2, 28))}/2026`;
      status = STATUSES[Math.floor(random() * STATUSES.length)];
    } else {
      const age = Math.floor(random() * 3 * 365);
      const date = new Date(BENCH_AS_OF - age * 86_400_000);
      service = us(date);
      submitted = us(new Date(date.getTime() + Math.floor(random() * 5) * 86_400_000));
      status = weighted(age > 120 ? OLD : RECENT, random());
    }
    const billed = 100 + Math.floor(random() * 200);
    const paid = status === 'Paid' ? `${billed - 40}.00` : '';
    buffer += `CLM-${i},"${patientName(p)}",P${p},${service},${status === 'Not Submitted' ? '' : submitted},${PAYERS[p % 5]},Clinician ${p % 12},$${billed}.00,${paid ? `${billed - 30}.00` : ''},${paid},${paid ? '10.00' : ''},${status},${status === 'Denied' ? 'CO-197 authorization absent' : ''}\n`;
    if (buffer.length > 1 << 20) {
      bytes += fs.writeSync(fd, buffer);
      buffer = '';
    }
  }
  bytes += fs.writeSync(fd, buffer);
  fs.closeSync(fd);
  return bytes;
}

/** Writes generic appointments: weekly sessions for `patients` patients. */
export function writeAppointments(file: string, rows: number, patients = 50_000, seed = 2): number {
  const random = rng(seed);
  const statuses = ['Completed', 'Completed', 'Completed', 'No-show', 'Late Cancel', 'Scheduled'];
  let text = 'Patient ID,Patient Name,Clinician Name,Appointment Date,Appointment Status,Service Type,Authorization ID\n';
  for (let i = 0; i < rows; i++) {
    const p = i % patients;
    const week = Math.floor(i / patients);
    const date = new Date(Date.UTC(2026, 0, 5 + week * 7 + Math.floor(random() * 3)));
    const iso = `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()}`;
    text += `P${p},"${patientName(p)}",Clinician ${p % 12},${iso},${statuses[Math.floor(random() * statuses.length)]},90837,AUTH-${p}\n`;
  }
  fs.writeFileSync(file, text);
  return text.length;
}

export function writeAuthorizations(file: string, patients: number): void {
  let text = 'Patient ID,Authorization Number,Insurance Carrier,Authorized Sessions,Authorization Start Date,Authorization End Date,Service Type\n';
  for (let p = 0; p < patients; p++) text += `P${p},AUTH-${p},${PAYERS[p % 5]},${10 + (p % 20)},01/01/2026,${pad(6 + (p % 6))}/30/2026,90837\n`;
  fs.writeFileSync(file, text);
}
