// `doctor`: every check of a workspace in one report; a fail means exit 2. Reads only, and never names a patient.
import { workspacePaths } from '../workspace/layout.js';
import { checkInbox, checkLeftovers, checkLock } from './doctor-activity.js';
import type { DoctorReport } from './doctor-check.js';
import { checkConfig, checkLayout, checkPermissions } from './doctor-layout.js';
import { checkMappings } from './doctor-mappings.js';
import { checkStore } from './doctor-store.js';

export type { DoctorCheck, DoctorReport, DoctorStatus } from './doctor-check.js';

export function runDoctor(root: string, now: () => Date): DoctorReport {
  const paths = workspacePaths(root);
  return {
    checks: [
      checkLayout(paths),
      checkConfig(paths),
      ...checkMappings(paths),
      ...checkStore(paths),
      checkPermissions(paths),
      checkLock(paths),
      checkLeftovers(paths),
      ...checkInbox(paths, now),
    ],
  };
}

export const doctorFailed = (report: DoctorReport) => report.checks.some((check) => check.status === 'fail');
