// Which authorization an appointment counts toward (SPEC §6): of those that match, the one with the latest start date.
import type { AppointmentInput, AuthorizationInput, IsoDate } from './types.js';

interface Candidate {
  auth: AuthorizationInput;
  cptCodes: Set<string> | null;
}

/** CPT codes compare trimmed and upper-cased: exports write `90837 ` and `h0031` as readily as `H0031`. */
export function normalizeCpt(code: string): string {
  return code.trim().toUpperCase();
}

/**
 * Returns a function giving the one authorization an appointment counts toward, or null. Candidates are indexed by
 * patient and kept latest-start first (ties: higher store key), so the first match is the answer; a renewal that
 * overlaps the old authorization takes the overlap.
 */
export function authorizationMatcher(authorizations: AuthorizationInput[]): (appointment: AppointmentInput) => AuthorizationInput | null {
  const byPatient = new Map<number, Candidate[]>();
  for (const auth of authorizations) {
    const codes = auth.cptCodes.map(normalizeCpt).filter((code) => code !== '');
    const candidate = { auth, cptCodes: codes.length > 0 ? new Set(codes) : null };
    const list = byPatient.get(auth.patientKey);
    if (list) list.push(candidate);
    else byPatient.set(auth.patientKey, [candidate]);
  }
  for (const list of byPatient.values()) {
    list.sort((a, b) => compareStartDates(b.auth.startDate, a.auth.startDate) || b.auth.key - a.auth.key);
  }

  return (appointment) => {
    const candidates = byPatient.get(appointment.patientKey);
    if (!candidates) return null;
    const date = appointment.serviceDate;
    for (const { auth, cptCodes } of candidates) {
      if (!inWindow(auth, date)) continue;
      if (auth.clinicianKey !== null && appointment.clinicianKey !== auth.clinicianKey) continue;
      if (cptCodes && (appointment.cptCode === null || !cptCodes.has(normalizeCpt(appointment.cptCode)))) continue;
      return auth;
    }
    return null;
  };
}

/** Whether `date` is inside the authorization's window [start_date, end_date], both ends inclusive; a missing end is open. */
export function inWindow(auth: Pick<AuthorizationInput, 'startDate' | 'endDate'>, date: IsoDate): boolean {
  return (auth.startDate === null || date >= auth.startDate) && (auth.endDate === null || date <= auth.endDate);
}

/** Start dates in calendar order, a missing start (open since ever) before every date. */
export function compareStartDates(a: IsoDate | null, b: IsoDate | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}
