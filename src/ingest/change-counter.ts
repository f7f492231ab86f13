// The changes that matter in an import summary: "claims: 3 newly denied, 12 newly paid, 5 new".
import type { EntityName } from '../domain/entities.js';

export class ChangeCounter {
  private readonly counts = new Map<string, number>();

  constructor(private readonly entity: EntityName) {}

  created(status: string | null): void {
    this.bump('new');
    if (status && this.entity === 'claims' && status !== 'submitted' && status !== 'draft') this.bump(`new ${words(status)}`);
  }

  updated(previous: string | null, status: string | null): void {
    if (status && status !== previous) this.bump(`newly ${words(status)}`);
  }

  summary(): Record<string, number> {
    const order = [...this.counts.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    return Object.fromEntries(order.map((k) => [k, this.counts.get(k)!]));
  }

  private bump(key: string): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }
}

function words(status: string): string {
  return status === 'no_show' ? 'no-show' : status.replace(/_/g, ' ');
}

function rank(key: string): number {
  if (key.startsWith('newly')) return 0;
  if (key === 'new') return 2;
  return 1;
}

export function describeChanges(entity: string, changes: Record<string, number>): string {
  const parts = Object.entries(changes).map(([what, n]) => `${n} ${what}`);
  return `${entity}: ${parts.length ? parts.join(', ') : 'no changes'}`;
}
