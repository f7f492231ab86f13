// The mapping-file schema (SPEC §5): one zod schema is the TypeScript type, the validator and,
// through `npm run schema`, the JSON Schema in mappings/mapping.schema.json that editors use.
import { z } from 'zod';
import { ENTITY_FIELDS, ENTITY_NAMES, type EntityName } from '../domain/entities.js';
import { dateFormatProblem } from './date-format-problem.js';
import { COMPATIBLE, DEFAULT_TYPE } from './field-types.js';

export const CELL_TYPES = ['text', 'integer', 'number', 'money', 'date', 'datetime', 'time', 'name', 'enum', 'boolean', 'list'] as const;
export type CellType = (typeof CELL_TYPES)[number];

const columnName = z.string().min(1);

export const fieldSpecSchema = z
  .strictObject({
    column: z.union([columnName, z.array(columnName).min(1)]).optional()
      .describe('Header name, or alternatives (first present wins); matched trimmed and case-insensitively.'),
    occurrence: z.number().int().min(1).optional().describe('Pick the Nth column of a repeated header (1-based).'),
    type: z.enum(CELL_TYPES).optional().describe('Cell type; text by default.'),
    formats: z.array(z.string().min(1)).min(1).optional().describe('date-fns formats tried in order for date/datetime/time; a date needs year, month and day (MM/dd/yyyy), a time an hour.'),
    pattern: z.string().min(1).optional().describe('Regular expression applied to the cell first.'),
    group: z.number().int().min(0).optional().describe('Capture group of `pattern` to keep, at most its number of groups (default 1, or 0 without groups).'),
    map: z.record(z.string(), z.string()).optional().describe('Vocabulary translation, case-insensitive.'),
    default: z.string().optional().describe('Enum value for cells the map does not know.'),
    split: z.string().min(1).optional().describe('Separator for list cells (default ",").'),
    value: z.union([z.string(), z.number(), z.boolean()]).optional().describe('A constant instead of a column.'),
    template: z.string().min(1).optional()
      .describe('Build a text value from several columns: "{PatName}|{DateService}" (a composite key when an export has no ID).'),
    sum: z.boolean().optional().describe('With a list of columns: add up every one present (e.g. 91-120 and >120 into over 90).'),
    required: z.boolean().optional().describe('Reject rows where this field is empty.'),
    nulls: z.array(z.string()).optional().describe('Cell values meaning empty for this field (adds to the mapping-wide list).'),
  })
  .refine((spec) => [spec.column, spec.value, spec.template].filter((x) => x !== undefined).length === 1, {
    message: 'a field needs exactly one of "column", "value" or "template"',
  });

export type FieldSpec = z.infer<typeof fieldSpecSchema>;

const skipRowRule = z.strictObject({
  column: columnName.optional().describe('Header of the column to test; omitted: the first column.'),
  matches: z.string().min(1).refine(isRegExp, 'not a valid regular expression').describe('Regular expression; rows whose cell matches are skipped.'),
});

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'i');
    return true;
  } catch {
    return false;
  }
}

export const readOptionsSchema = z.strictObject({
  delimiter: z.enum([',', '\t', ';', '|']).optional().describe('Fixed delimiter; sniffed from the header line when absent.'),
  encoding: z.enum(['utf-8', 'windows-1252']).optional().describe('Fixed encoding; UTF-8 with Windows-1252 fallback when absent.'),
  skip_lines: z.number().int().min(0).optional().describe('Preamble lines before the header.'),
  skip_rows_where: z.union([skipRowRule, z.array(skipRowRule)]).optional().describe('Summary or totals rows to skip.'),
  skip_rows: z.number().int().min(0).optional().describe('Data rows to skip right after the header (summary rows).'),
  strip_header_prefix: z.string().min(1).optional().describe("Prefix removed from header names (Open Dental writes '-Ins Est)."),
});

export type ReadOptions = z.infer<typeof readOptionsSchema>;

export const mappingSchema = z
  .strictObject({
    $schema: z.string().optional(),
    name: z.string().regex(/^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/, 'lower-case words separated by "/"'),
    entity: z.enum(ENTITY_NAMES),
    source: z.string().min(1),
    description: z.string().optional(),
    verified: z.boolean().optional().describe('false when built from documentation, not a real export.'),
    full_export: z.boolean().optional().describe(
      'true when every export lists all the records of its entity the source has (an A/R aging report, an outstanding-claims list): a record an earlier export of this mapping listed and a later one lacks is reported as missing, never removed.',
    ),
    detect: z.strictObject({
      required: z.array(columnName).min(1).describe('Headers that must all be present for detection.'),
      absent: z.array(columnName).optional().describe('Headers whose presence rules this mapping out.'),
    }),
    read: readOptionsSchema.optional(),
    nulls: z.array(z.string()).optional().describe('Cell values meaning empty, e.g. "--"; "" is always empty.'),
    fields: z.record(z.string(), fieldSpecSchema),
  })
  .superRefine((mapping, ctx) => {
    const known = ENTITY_FIELDS[mapping.entity as EntityName];
    for (const [field, spec] of Object.entries(mapping.fields)) {
      const def = known[field];
      if (!def) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', field],
          message: `"${field}" is not a field of ${mapping.entity}; expected one of ${Object.keys(known).join(', ')}`,
        });
        continue;
      }
      if (def.values && spec.map) {
        for (const [from, to] of Object.entries(spec.map)) {
          if (!def.values.includes(to)) {
            ctx.addIssue({
              code: 'custom',
              path: ['fields', field, 'map', from],
              message: `"${to}" is not a ${mapping.entity} ${field}; expected one of ${def.values.join(', ')}`,
            });
          }
        }
      }
      if (def.values && spec.default !== undefined && !def.values.includes(spec.default)) {
        ctx.addIssue({
          code: 'custom',
          path: ['fields', field, 'default'],
          message: `"${spec.default}" is not a ${mapping.entity} ${field}; expected one of ${def.values.join(', ')}`,
        });
      }
      if (spec.pattern !== undefined) {
        let groups: number | undefined;
        try {
          // An empty alternative matches "", and the match has one slot per capture group.
          groups = new RegExp(`${spec.pattern}|`).exec('')!.length - 1;
        } catch {
          ctx.addIssue({ code: 'custom', path: ['fields', field, 'pattern'], message: 'not a valid regular expression' });
        }
        // Without this, a group past the last would quietly keep the whole match (bind-mapping's fallback for `group` left out).
        if (groups !== undefined && spec.group !== undefined && spec.group > groups) {
          ctx.addIssue({
            code: 'custom',
            path: ['fields', field, 'group'],
            message: `${spec.group}, but pattern "${spec.pattern}" has ${groups} group${groups === 1 ? '' : 's'}`,
          });
        }
      }
      // The cell type bind-mapping reads the field as: formats matter only to dates and times.
      const type = spec.type ?? (spec.map ? 'enum' : DEFAULT_TYPE[def.kind]);
      if (!COMPATIBLE[def.kind].includes(type)) {
        ctx.addIssue({ code: 'custom', path: ['fields', field, 'type'], message: `"${type}" cannot fill a ${def.kind} field; expected one of ${COMPATIBLE[def.kind].join(', ')}` });
      }
      if (spec.formats && (type === 'date' || type === 'datetime' || type === 'time')) {
        spec.formats.forEach((format, i) => {
          const problem = dateFormatProblem(format, type);
          if (problem) ctx.addIssue({ code: 'custom', path: ['fields', field, 'formats', i], message: problem });
        });
      }
    }
  });

export type Mapping = z.infer<typeof mappingSchema>;
