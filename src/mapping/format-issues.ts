// Turn a zod issue into the dotted key path users see (`alerts.balance_over`, `fields.status.map.Show`).
import type { z } from 'zod';

export function formatIssuePath(issue: z.core.$ZodIssue): string {
  const parts = [...issue.path.map(String)];
  if (issue.code === 'unrecognized_keys') parts.push(...issue.keys);
  return parts.length ? parts.join('.') : '(top level)';
}

export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatIssuePath(issue)}: ${issue.code === 'unrecognized_keys' ? 'unknown key' : issue.message}`);
}
