// Text as QuickBooks Desktop's IIF reader takes it: ASCII only, no field or line separators.
import { fail } from '../../errors.js';

/**
 * Accents are transliterated (é → e) and other non-ASCII characters dropped; tabs, semicolons and
 * newlines (which IIF treats as separators) and double quotes (which it treats as quoting) become
 * spaces, then runs of spaces collapse.
 */
export function iifText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\t\r\n;"]/g, ' ')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/**
 * An account name must reach QuickBooks unchanged: IIF silently creates a new account for a
 * misspelled one, so a name that iifText would alter is refused rather than rewritten.
 */
export function iifAccount(account: string): string {
  if (iifText(account) !== account) {
    fail('export_rejected', `account name "${account}" cannot be written to IIF unchanged (ASCII only, no tab, semicolon, quote or newline)`);
  }
  return account;
}
