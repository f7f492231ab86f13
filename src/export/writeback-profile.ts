// The writeback profile schema: a mapping run in reverse, naming the columns of a PMS's payment import.
import { format } from 'date-fns/format';
import { z } from 'zod';

/** What a writeback column can hold; `amount` is net or gross as the export asks, `note` is written by practice-sync. */
export const WRITEBACK_FIELDS = [
  'payment_id',
  'patient_id',
  'patient_name',
  'payment_date',
  'amount',
  'gross',
  'fee',
  'net',
  'type',
  'method',
  'reference',
  'claim_id',
  'payout_id',
  'payout_date',
  'processor',
  'note',
] as const;
export type WritebackField = (typeof WRITEBACK_FIELDS)[number];

export const WRITEBACK_DATE_FIELDS: readonly WritebackField[] = ['payment_date', 'payout_date'];
export const WRITEBACK_MONEY_FIELDS: readonly WritebackField[] = ['amount', 'gross', 'fee', 'net'];

function isDateFormat(pattern: string): boolean {
  try {
    format(new Date(2026, 0, 2), pattern);
    return true;
  } catch {
    return false;
  }
}

export const writebackColumnSchema = z
  .strictObject({
    header: z.string().min(1).describe('Column header the PMS import expects.'),
    field: z.enum(WRITEBACK_FIELDS).optional().describe('Payment field written in this column.'),
    value: z.string().optional().describe('A constant instead of a field.'),
    format: z.string().min(1).refine(isDateFormat, 'not a date-fns format').optional()
      .describe('date-fns format for date fields (default yyyy-MM-dd).'),
    map: z.record(z.string(), z.string()).optional().describe('Translates values (e.g. payment types) into the PMS vocabulary.'),
  })
  .refine((column) => (column.field === undefined) !== (column.value === undefined), {
    message: 'a column needs exactly one of "field" or "value"',
  })
  .refine((column) => column.format === undefined || (column.field !== undefined && WRITEBACK_DATE_FIELDS.includes(column.field)), {
    message: '"format" applies only to payment_date and payout_date',
    path: ['format'],
  })
  .refine((column) => column.map === undefined || (column.field !== undefined && !WRITEBACK_MONEY_FIELDS.includes(column.field)), {
    message: '"map" does not apply to money fields',
    path: ['map'],
  });

export const writebackProfileSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'lower-case letters, digits, "-" and "_"'),
  description: z.string().optional(),
  verified: z.boolean().optional().describe('false when built from documentation, not a tested import.'),
  columns: z.array(writebackColumnSchema).min(1),
  line_ending: z.enum(['\n', '\r\n']).optional().describe('Default CRLF.'),
  delimiter: z.enum([',', '\t', ';', '|']).optional().describe('Default ",".'),
});

export type WritebackColumn = z.infer<typeof writebackColumnSchema>;
export type WritebackProfile = z.infer<typeof writebackProfileSchema>;
