// Sorting by patient name the way people read a list: case- and accent-insensitive, without a collator call per comparison.

const collator = new Intl.Collator('en', { sensitivity: 'base' });

/**
 * Returns a function giving each name its rank in reading order. The distinct names are sorted once with a
 * collator; comparisons then subtract ranks, which keeps sorting 100,000+ rows by name fast.
 */
export function nameRanks(names: Iterable<string | null>): (name: string | null) => number {
  const distinct = [...new Set(names)].map((name) => name ?? '').sort(collator.compare);
  const ranks = new Map<string, number>();
  distinct.forEach((name, i) => {
    if (!ranks.has(name)) ranks.set(name, i);
  });
  return (name) => ranks.get(name ?? '') ?? -1;
}
