// The shape of one doctor finding: ok, warn (works, but look at it) or fail (exit 2), with the fix.
export type DoctorStatus = 'ok' | 'warn' | 'fail';

export interface DoctorCheck {
  name: string;
  status: DoctorStatus;
  detail: string;
  fix?: string;
}

export interface DoctorReport {
  checks: DoctorCheck[];
}

export const ok = (name: string, detail: string): DoctorCheck => ({ name, status: 'ok', detail });
export const warn = (name: string, detail: string, fix: string): DoctorCheck => ({ name, status: 'warn', detail, fix });
export const failed = (name: string, detail: string, fix: string): DoctorCheck => ({ name, status: 'fail', detail, fix });
