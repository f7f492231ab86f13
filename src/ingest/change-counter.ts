// The changes that matter in an import summary: "claims: 3 newly denied, 12 newly paid, 5 new".
import type { EntityName } from '../domain/entities.js';

export class ChangeCounter {
  private createdCount = 0;
  /** Counted by raw status, worded once in `summary`: this runs once per row of a million-row file. */
  private readonly createdWith = new Map<string, number>();
  private readonly becameStatus = new Map<string, number>();

  constructor(private readonly entity: EntityName) {}

  created(status: string | null): void {
    this.createdCount += 1;
    if (status && this.entity === 'claims' && status !== 'submitted' && status !== 'draft') bump(this.createdWith, status);
  }

  updated(previous: string | null, status: string | null): void {
    if (status && status !== previous) bump(this.becameStatus, status);
  }

  summary(): Record<string, number> {
    const counts = new Map<string, number>();
    for (const [status, n] of this.becameStatus) counts.set(`newly ${words(status)}`, n);
    for (const [status, n] of this.createdWith) counts.set(`new ${words(status)}`, n);
    if (this.createdCount) counts.set('new', this.createdCount);
    const order = [...counts.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    return Object.fromEntries(order.map((k) => [k, counts.get(k)!]));
  }
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function words(status: string): string {
  return status === 'no_show' ? 'no-show' : status.replace(/_/g, ' ');
}

function rank(key: string): number {
  if (key.startsWith('newly')) return 0;
  if (key === 'new') return 2;
  return 1;
}

/**
 * The changes line of an import summary. `updated` is the run's count of updated records: those whose status did not
 * change (a balance's new amounts, a claim's new paid amount) are counted too, so the line never says "no changes"
 * under a count of updated rows.
 */
export function describeChanges(entity: string, changes: Record<string, number>, updated: number): string {
  const entries = Object.entries(changes);
  const statusChanges = entries.filter(([what]) => what.startsWith('newly ')).reduce((sum, [, n]) => sum + n, 0);
  const other = updated - statusChanges;
  const parts = entries.filter(([what]) => what !== 'new').map(([what, n]) => `${n} ${what}`);
  if (other > 0) parts.push(statusChanges ? `${other} ${other === 1 ? 'other update' : 'other updates'}` : `${other} updated`);
  if (changes.new) parts.push(`${changes.new} new`);
  return `${entity}: ${parts.length ? parts.join(', ') : 'no changes'}`;
}
