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

/** Writes `rows` generic claims for `patients` patients; returns bytes written. */
export function writeClaims(file: string, rows: number, patients = 50_000, seed = 1): number {
  const random = rng(seed);
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let buffer = 'Claim ID,Patient Name,Patient ID,Date of Service,Submission Date,Payer,Rendering Provider,Billed Amount,Allowed Amount,Paid Amount,Patient Responsibility,Claim Status,Denial Reason\n';
  for (let i = 1; i <= rows; i++) {
    const p = Math.floor(random() * patients);
    const month = 1 + Math.floor(random() * 10);
    const day = 1 + Math.floor(random() * 28);
    const status = STATUSES[Math.floor(random() * STATUSES.length)];
    const billed = 100 + Math.floor(random() * 200);
    const paid = status === 'Paid' ? `${billed - 40}.00` : '';
    buffer += `CLM-${i},"${patientName(p)}",P${p},${pad(month)}/${pad(day)}/2026,${pad(month)}/${pad(Math.min(day + 2, 28))}/2026,${PAYERS[p % 5]},Clinician ${p % 12},$${billed}.00,${paid ? `${billed - 30}.00` : ''},${paid},${paid ? '10.00' : ''},${status},${status === 'Denied' ? 'CO-197 authorization absent' : ''}\n`;
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
