// Text as QuickBooks Desktop's IIF reader takes it: ASCII only, no field or line separators.
import { fail } from '../../errors.js';
import { PAYMENT_TYPES } from '../../domain/entities.js';
import type { Config } from '../../workspace/config-schema.js';

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

/** Config keys whose account names IIF would have to alter, with the names: QuickBooks Desktop would not find them. */
export function iifUnsafeAccounts(config: Config): { key: string; name: string }[] {
  const qb = config.quickbooks;
  const named: [string, string | undefined][] = [
    ['quickbooks.bank_account', qb.bank_account],
    ['quickbooks.fee_account', qb.fee_account],
    ['quickbooks.default_income_account', qb.default_income_account],
    ...PAYMENT_TYPES.map((type): [string, string | undefined] => [`quickbooks.income_accounts.${type}`, qb.income_accounts[type]]),
  ];
  return named.flatMap(([key, name]) => (name !== undefined && iifText(name) !== name ? [{ key, name }] : []));
}

const IIF_ACCOUNT_RULE = 'IIF takes ASCII only, without tab, semicolon, double quote or newline';

/** Refuse (exit 2) a config whose account names IIF cannot carry unchanged, naming the first key, before anything is written. */
export function requireIifAccounts(config: Config): void {
  const [first] = iifUnsafeAccounts(config);
  if (first) {
    fail('config_invalid', `practice-sync.json: ${first.key}: account name "${first.name}" cannot be written to IIF unchanged (${IIF_ACCOUNT_RULE}); ` +
      'write it as QuickBooks Desktop spells it, or export --format qbo-journal', { key: first.key });
  }
}
