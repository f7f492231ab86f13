// Which canonical aging bucket an A/R header is: "0-30", "31-60 Days", "> 90 Days", "Over 60", "90+", "Current", "30 Days".
// Buckets past 90 days (91-120, >120) all land in aging_over_90 and are added up.

const BY_UPPER_BOUND: [number, string][] = [
  [30, 'aging_0_30'],
  [60, 'aging_31_60'],
  [90, 'aging_61_90'],
];

/** The bucket holding amounts up to `days` old. */
function upTo(days: number): string {
  for (const [bound, field] of BY_UPPER_BOUND) if (days <= bound) return field;
  return 'aging_over_90';
}

/** The bucket holding amounts more than `days` old ("Over 30" is 31-60 next to "Over 60"). */
function over(days: number): string {
  return days >= 90 ? 'aging_over_90' : upTo(days + 1);
}

/**
 * `hasCurrent`: the export also has a "Current" column, so a bare "30 Days" means over 30 (Cloud 9, Denticon);
 * without one it means the first 30 days.
 */
export function agingBucket(header: string, hasCurrent: boolean): string | null {
  const text = header.trim().toLowerCase();
  if (text === 'current') return 'aging_0_30';
  const range = /(\d+)\s*(?:-|–|to)\s*(\d+)\s*(?:days?)?\b/.exec(text);
  if (range) return Number(range[1]) >= 90 ? 'aging_over_90' : upTo(Number(range[2]));
  const above = /(?:>|over|more than|older than|past)\s*(\d+)|(\d+)\s*\+/.exec(text);
  if (above) return over(Number(above[1] ?? above[2]));
  const bare = /^(?:due\s+)?(\d+)\s*days?$/.exec(text);
  if (bare) return hasCurrent ? over(Number(bare[1])) : upTo(Number(bare[1]));
  return null;
}

/** Whether a header is "Current", which changes how bare "30 Days" headers read. */
export function isCurrentBucket(header: string): boolean {
  return header.trim().toLowerCase() === 'current';
}
