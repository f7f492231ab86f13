// Sorting by patient name the way people read a list: case- and accent-insensitive, and fast over 100,000+ rows.

/** Printable ASCII: nothing for NFD to take apart, so the folded key is the lower-case name. */
const ASCII = /^[\x20-\x7e]*$/;

/** "Élise O'Neil" → "elise o'neil": accents dropped, lower case; what the list is ordered by. */
function sortKey(name: string): string {
  if (ASCII.test(name)) return name.toLowerCase();
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Returns a function giving each name its rank in reading order. The distinct names are sorted once by a folded key
 * (ties: the names as written); comparisons then subtract ranks. An Intl.Collator per comparison was the slowest
 * part of the reports over large stores.
 */
export function nameRanks(names: Iterable<string | null>): (name: string | null) => number {
  const keyed = [...new Set(names)].map((name) => ({ name: name ?? '', key: sortKey(name ?? '') }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const ranks = new Map<string, number>();
  keyed.forEach(({ name }, i) => {
    if (!ranks.has(name)) ranks.set(name, i);
  });
  return (name) => ranks.get(name ?? '') ?? -1;
}

/**
 * `items` sorted by name in reading order (`nameRanks`), then by `then`. Each item's rank is looked up once, not once
 * per comparison: sorting 20,000 authorizations made 600,000 look-ups by name otherwise.
 */
export function sortByName<T>(items: readonly T[], nameOf: (item: T) => string | null, then: (a: T, b: T) => number): T[] {
  const rank = nameRanks(items.map(nameOf));
  const ranked = items.map((item) => ({ item, rank: rank(nameOf(item)) }));
  ranked.sort((a, b) => a.rank - b.rank || then(a.item, b.item));
  return ranked.map(({ item }) => item);
}
