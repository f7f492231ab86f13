// Assemble the drafted mapping file: name, description, detection headers, read options, nulls and fields,
// checked against the mapping schema like any hand-written one.
import path from 'node:path';
import type { EntityName } from '../../domain/entities.js';
import { fail } from '../../errors.js';
import { describeIssues } from '../format-issues.js';
import { mappingSchema, type FieldSpec, type Mapping, type ReadOptions } from '../schema.js';
import { draftField, type DraftedField } from './field-spec.js';
import { fieldWeight } from './guess-entity.js';
import type { Placement } from './place-columns.js';
import type { ColumnShape } from './value-shapes.js';

/** Fields that key their record (SPEC §4 identity), marked required when every sampled row fills them. */
const KEYS = new Set(['claim_id', 'payment_id', 'appointment_id', 'authorization_number', 'account_id', 'patient_name']);

export interface BuildInput {
  file: string;
  name: string;
  entity: EntityName;
  header: string[];
  read: ReadOptions;
  nulls: string[];
  shapes: ColumnShape[];
  rowCount: number;
  placements: Placement[];
}

/** `custom/<file-stem>`: the stem lower-cased, anything but [a-z0-9_-] turned into "-". */
export function defaultMappingName(file: string): string {
  const stem = path.basename(file).replace(/\.[^.]*$/, '').toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+|-+$/g, '');
  return `custom/${stem || 'export'}`;
}

/** The 3-5 placed columns that say most clearly which export this is. */
function detectionColumns(input: BuildInput): string[] {
  const ranked = input.placements
    .filter((p) => p.combine !== 'template')
    .flatMap((p) => p.indexes.map((i) => ({ column: input.header[i], weight: fieldWeight(input.entity, p.field) * p.score, index: i })))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  const columns = [...new Set(ranked.map((r) => r.column))].slice(0, 5);
  if (columns.length > 0) return columns;
  return input.header.filter((h) => h.trim() !== '').slice(0, 3);
}

export function buildMapping(input: BuildInput): { mapping: Mapping; drafted: Map<string, DraftedField> } {
  const drafted = new Map<string, DraftedField>();
  const fields: Record<string, FieldSpec> = {};
  for (const placement of input.placements) {
    const field = draftField(input.entity, placement, input.header, input.shapes);
    const full = placement.combine === 'template' || placement.indexes.every((i) => input.shapes[i].filled === input.rowCount);
    if (KEYS.has(placement.field) && full && input.rowCount > 0) field.spec.required = true;
    drafted.set(placement.field, field);
    fields[placement.field] = field.spec;
  }
  const raw = {
    name: input.name,
    entity: input.entity,
    source: 'custom',
    description: `Drafted by \`practice-sync mapping init\` from ${path.basename(input.file)} on its columns `
      + `(${input.header.filter((h) => h.trim() !== '').join(', ')}). Check every field against the export, then set "verified" to true.`,
    verified: false,
    detect: { required: detectionColumns(input) },
    read: input.read,
    nulls: input.nulls,
    fields,
  };
  const parsed = mappingSchema.safeParse(raw);
  if (!parsed.success) fail('internal', `the drafted mapping is not valid: ${describeIssues(parsed.error.issues).join('; ')}`);
  return { mapping: parsed.data, drafted };
}
