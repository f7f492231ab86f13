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
 * How claim statuses are drawn. `realistic`: 92% of the benchmark's completed appointments are billed (a claim on the
 * session's day), the rest of the million are three years of older claims, and as in a practice's store, claims
 * older than 120 days are nearly all paid (1.5% still unresolved). `stress`: 2026 dates, no relation to the
 * appointments, and statuses drawn uniformly at every age, so 62% of a million claims are unresolved and most raise an
 * alert, far beyond any real practice: the worst case.
 */
export type ClaimProfile = 'realistic' | 'stress';

const RECENT: [string, number][] = [['Paid', 0.55], ['Submitted', 0.7], ['In Process', 0.76], ['Pending', 0.82], ['Denied', 0.88], ['Rejected', 0.91], ['Not Submitted', 0.97], ['Void', 1]];
const OLD: [string, number][] = [['Paid', 0.93], ['Void', 0.96], ['Denied', 0.98], ['Rejected', 0.985], ['Submitted', 0.992], ['Pending', 0.995], ['Not Submitted', 1]];
const DAY = 86_400_000;
/** The day every benchmark report is run as of; the generated dates are placed around it. */
export const BENCH_AS_OF_DATE = '2026-11-23';
const BENCH_AS_OF = Date.parse(`${BENCH_AS_OF_DATE}T00:00:00Z`);

/** The benchmark's appointments and authorizations: 200,000 visits of 20,000 patients over the year before as-of. */
export const APPOINTMENTS = { rows: 200_000, patients: 20_000 };

function weighted(table: [string, number][], r: number): string {
  return (table.find(([, upTo]) => r < upTo) ?? table[table.length - 1])[0];
}

const usDate = (time: number) => {
  const date = new Date(time);
  return `${pad(date.getUTCMonth() + 1)}/${pad(date.getUTCDate())}/${date.getUTCFullYear()}`;
};

interface Visit {
  patient: number;
  time: number;
  status: string;
}

/** The appointments, deterministic: each patient's visits five weeks apart, the last ones still to come. */
function* visits(rows = APPOINTMENTS.rows, patients = APPOINTMENTS.patients, seed = 2): Generator<Visit> {
  const random = rng(seed);
  const statuses = ['Completed', 'Completed', 'Completed', 'Completed', 'No-show', 'Late Cancel', 'Cancelled'];
  const perPatient = Math.ceil(rows / patients);
  for (let i = 0; i < rows; i++) {
    const patient = i % patients;
    const visit = Math.floor(i / patients);
    const time = BENCH_AS_OF + ((visit - perPatient + 1) * 35 + Math.floor(random() * 7) + 3) * DAY;
    yield { patient, time, status: time > BENCH_AS_OF ? 'Scheduled' : statuses[Math.floor(random() * statuses.length)] };
  }
}

/** Writes `rows` generic claims for `patients` patients; returns bytes written. */
export function writeClaims(file: string, rows: number, patients = 50_000, seed = 1, profile: ClaimProfile = 'realistic'): number {
  const random = rng(seed);
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let buffer = 'Claim ID,Patient Name,Patient ID,Date of Service,Submission Date,Payer,Rendering Provider,Billed Amount,Allowed Amount,Paid Amount,Patient Responsibility,Claim Status,Denial Reason\n';
  // Realistic: the billed sessions first, then older claims.
  const billed = profile === 'realistic' && rows >= APPOINTMENTS.rows ? visits() : [][Symbol.iterator]();
  for (let i = 1; i <= rows; i++) {
    let p: number;
    let service: string;
    let submitted: string;
    let status: string;
    let next = billed.next();
    while (!next.done && (next.value.status !== 'Completed' || random() >= 0.92)) next = billed.next();
    if (!next.done) {
      p = next.value.patient;
      const age = Math.round((BENCH_AS_OF - next.value.time) / DAY);
      service = usDate(next.value.time);
      submitted = usDate(next.value.time + Math.floor(random() * 5) * DAY);
      status = weighted(age > 120 ? OLD : RECENT, random());
    } else if (profile === 'stress') {
      p = Math.floor(random() * patients);
      const month = 1 + Math.floor(random() * 10);
      const day = 1 + Math.floor(random() * 28);
      service = `${pad(month)}/${pad(day)}/2026`;
      submitted = `${pad(month)}/${pad(Math.min(day + 2, 28))}/2026`;
      status = STATUSES[Math.floor(random() * STATUSES.length)];
    } else {
      p = Math.floor(random() * patients);
      // Older than the appointments: the store's earlier years.
      const age = 365 + Math.floor(random() * 2 * 365);
      service = usDate(BENCH_AS_OF - age * DAY);
      submitted = usDate(BENCH_AS_OF - (age - Math.floor(random() * 5)) * DAY);
      status = weighted(OLD, random());
    }
    const amount = 100 + Math.floor(random() * 200);
    const paid = status === 'Paid' ? `${amount - 40}.00` : '';
    buffer += `CLM-${i},"${patientName(p)}",P${p},${service},${status === 'Not Submitted' ? '' : submitted},${PAYERS[p % 5]},Clinician ${p % 12},$${amount}.00,${paid ? `${amount - 30}.00` : ''},${paid},${paid ? '10.00' : ''},${status},${status === 'Denied' ? 'CO-197 authorization absent' : ''}\n`;
    if (buffer.length > 1 << 20) {
      bytes += fs.writeSync(fd, buffer);
      buffer = '';
    }
  }
  bytes += fs.writeSync(fd, buffer);
  fs.closeSync(fd);
  return bytes;
}

/** Writes the generic appointments of `visits`. */
export function writeAppointments(file: string): void {
  let text = 'Patient ID,Patient Name,Clinician Name,Appointment Date,Appointment Status,Service Type,Authorization ID\n';
  for (const { patient, time, status } of visits()) {
    text += `P${patient},"${patientName(patient)}",Clinician ${patient % 12},${usDate(time)},${status},90837,AUTH-${patient}\n`;
  }
  fs.writeFileSync(file, text);
}

/** One authorization per appointment patient, over the year of the appointments. */
export function writeAuthorizations(file: string): void {
  let text = 'Patient ID,Authorization Number,Insurance Carrier,Authorized Sessions,Authorization Start Date,Authorization End Date,Service Type\n';
  for (let p = 0; p < APPOINTMENTS.patients; p++) {
    const start = BENCH_AS_OF - (330 - (p % 60)) * DAY;
    text += `P${p},AUTH-${p},${PAYERS[p % 5]},${10 + (p % 20)},${usDate(start)},${usDate(start + (300 + (p % 90)) * DAY)},90837\n`;
  }
  fs.writeFileSync(file, text);
}

/** Every claims patient, with the payer their claims go to (one in ten self-pay). */
export function writePatients(file: string, patients = 50_000): void {
  let text = 'Patient ID,Patient Name,Insurance Carrier,Primary Clinician\n';
  for (let p = 0; p < patients; p++) text += `P${p},"${patientName(p)}",${p % 10 === 9 ? '' : PAYERS[p % 5]},Clinician ${p % 12}\n`;
  fs.writeFileSync(file, text);
}

/** A balance export for one patient in five. */
export function writeBalances(file: string, patients = 50_000): void {
  let text = 'Account ID,Patient Name,Patient Portion,Insurance Portion,Total Balance,0-30,31-60,61-90,90+\n';
  for (let p = 0; p < patients; p += 5) {
    const patient = 20 + (p % 300);
    const insurance = (p * 7) % 900;
    text += `P${p},"${patientName(p)}",${patient}.00,${insurance}.00,${patient + insurance}.00,${patient}.00,${insurance}.00,0.00,0.00\n`;
  }
  fs.writeFileSync(file, text);
}
