// practice-sync.json (SPEC §8): the schema is the type, the validator and the source of every default `init` writes.
import { z } from 'zod';
import { APPOINTMENT_STATUSES, PAYMENT_TYPES } from '../domain/entities.js';

const days = z.number().int().min(0);
const count = z.number().int().min(0);
/** Money in config is written in dollars, as staff think of it; code converts to cents. */
const dollars = z.number().min(0).refine((n) => Math.round(n * 100) === Number((n * 100).toFixed(6)), 'at most two decimals');

/** QuickBooks matches account names exactly, and a leading formula character would be neutralized on export. */
const accountName = z
  .string()
  .min(1)
  .refine((name) => !/^[=+\-@\t\r]/.test(name), 'an account name may not begin with =, +, -, @, tab or CR');

const payerRule = z.strictObject({
  match: z.string().min(1).describe('Case-insensitive substring of the payer name.'),
  timely_filing_days: days,
});

const ownerRule = z.strictObject({
  match: z.string().min(1).describe('Case-insensitive substring of the payer name.'),
  owner: z.string().min(1),
});

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  sessions: z
    .strictObject({
      count_statuses: z.array(z.enum(APPOINTMENT_STATUSES)).min(1).default(['completed']),
    })
    .prefault({}),
  alerts: z
    .strictObject({
      auth_sessions_remaining_at_most: count.default(10),
      auth_expiring_within_days: days.default(14),
      claim_unpaid_after_days: days.default(30),
      claim_unpaid_high_after_days: days.default(90),
      timely_filing_warning_days: days.default(14),
      unbilled_after_days: days.default(7),
      balance_over: dollars.default(500),
      followup_days: days.default(7),
      billing_staff: z.array(z.string().min(1)).default([]),
      owners: z.array(ownerRule).default([]),
    })
    .prefault({}),
  claims: z
    .strictObject({
      timely_filing_days_default: days.default(90),
    })
    .prefault({}),
  payers: z
    .array(payerRule)
    .default([
      { match: 'medicare', timely_filing_days: 365 },
      { match: 'medicaid', timely_filing_days: 365 },
      { match: 'aetna', timely_filing_days: 120 },
      { match: 'unitedhealthcare', timely_filing_days: 90 },
      { match: 'cigna', timely_filing_days: 90 },
      { match: 'anthem', timely_filing_days: 90 },
    ]),
  writeback: z
    .strictObject({
      profile: z.string().min(1).default('generic'),
      amount: z.enum(['net', 'gross']).default('net'),
      types: z.array(z.enum(PAYMENT_TYPES)).default(['card_terminal', 'portal', 'payment_plan', 'membership', 'other']),
    })
    .prefault({}),
  quickbooks: z
    .strictObject({
      bank_account: accountName.default('Checking'),
      fee_account: accountName.default('Merchant Fees'),
      default_income_account: accountName.default('Services'),
      income_accounts: z.partialRecord(z.enum(PAYMENT_TYPES), accountName).default({}),
      skip_processors: z.array(z.string().min(1)).default(['quickbooks_payments']),
    })
    .prefault({}),
  backup: z
    .strictObject({
      keep: count.default(7),
    })
    .prefault({}),
});

export type Config = z.infer<typeof configSchema>;

export function defaultConfig(): Config {
  return configSchema.parse({});
}
