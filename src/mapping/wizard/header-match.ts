// How strongly one header names each canonical field: an exact synonym (any word order) beats a synonym
// contained in a longer header; earlier phrases in the synonym table win ties.
import type { EntityName } from '../../domain/entities.js';
import { headerTokens } from './normalize-header.js';
import { synonymsFor } from './synonyms.js';

export interface HeaderMatch {
  field: string;
  score: number;
  exact: boolean;
}

/** The best match per field for one header, strongest first. */
export function matchHeader(entity: EntityName, header: string): HeaderMatch[] {
  const tokens = headerTokens(header);
  if (tokens.length === 0) return [];
  const have = new Set(tokens);
  const best = new Map<string, HeaderMatch>();
  const rank = new Map<string, number>();
  for (const synonym of synonymsFor(entity)) {
    const position = rank.get(synonym.field) ?? 0;
    rank.set(synonym.field, position + 1);
    if (!synonym.tokens.every((t) => have.has(t))) continue;
    const exact = synonym.tokens.length === tokens.length;
    // A phrase inside a longer header ("Payout" in "automatic_payout_effective_at") is a weaker hint the longer the header.
    const score = exact ? 1 - position * 0.002 : 0.4 + (0.4 * synonym.tokens.length) / tokens.length - position * 0.001;
    const previous = best.get(synonym.field);
    if (!previous || score > previous.score) best.set(synonym.field, { field: synonym.field, score, exact });
  }
  return [...best.values()].sort((a, b) => b.score - a.score);
}
