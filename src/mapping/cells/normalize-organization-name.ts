// The identity key of a payer or other organization: folded like a person's name, but never reordered
// or trimmed, since `BCBS MA` and `BCBS PA` are different payers while `MA` and `PA` are credentials.
import { foldCase, foldNameWord } from './fold-name-word.js';

const BRACKETED = /\([^()]*\)|\[[^[\]]*\]/g;
const SEPARATORS = /[^\p{L}\p{M}\p{N}'’‘ʼ`´./\-‐‑–—]+/gu;

/** `AETNA (60054)` and `Aetna` agree: the bracketed payer ID is not part of the name. */
export function normalizeOrganizationName(raw: string): string {
  const keyOf = (text: string): string =>
    text.replace(SEPARATORS, ' ').split(' ').map(foldNameWord).filter(Boolean).join(' ');
  return keyOf(raw.replace(BRACKETED, ' ')) || keyOf(raw) || foldCase(raw).replace(/\s+/g, ' ').trim();
}
