// `mapping init FILE`: draft a mapping for an export nobody has mapped yet, from its header and first rows.
import { ENTITY_NAMES, isEntityName, type EntityName } from '../../domain/entities.js';
import { fail } from '../../errors.js';
import type { Mapping, ReadOptions } from '../schema.js';
import { buildMapping, defaultMappingName } from './build-mapping.js';
import { deriveFields } from './derive-fields.js';
import { guessEntity } from './guess-entity.js';
import { missingIdentity } from './missing-identity.js';
import { placeColumns, type Placement } from './place-columns.js';
import { readSample, type Sample } from './read-sample.js';
import { sampleColumns } from './sample-columns.js';
import { datelessVisitRule } from './skip-rows.js';
import { columnShape, type ColumnShape } from './value-shapes.js';

export interface DraftResult {
  mapping: Mapping;
  entityGuessed: boolean;
  placed: { column: string; field: string; type?: string; reason?: string }[];
  enums: { field: string; values: { value: string; proposed: string | null }[] }[];
  /** Header columns it could not place. */
  unplaced: string[];
  /** Canonical fields the entity needs to find its records that are still unmapped (e.g. claims: claim_id). */
  missingRequired: string[];
}

export interface DraftOptions {
  entity?: string;
  name?: string;
  /** Data rows read for the values' shapes (default 200). */
  sampleRows?: number;
}

/**
 * Cells no export uses as a column name. Bare whole numbers are not among them: aging reports head their buckets
 * `30`, `60`, `90`, and some reports a column per year (`2025`).
 */
const VALUE_KINDS: [string, RegExp][] = [
  ['a date', /^\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}( \d{1,2}:\d{2}(:\d{2})?( ?[ap]m)?)?$/i],
  ['an amount', /^-?\(?-?\$?\d[\d,]*\.\d{2}\)?$|^-?\$\d[\d,]*$/],
  ['a phone number', /^\(?\d{3}\)?[-. ]?\d{3}[-. ]\d{4}$/],
  ['an email address', /^[^\s@]+@[^\s@]+\.[^\s@]+$/],
];

function valueKind(cell: string): string | undefined {
  const text = cell.trim();
  return VALUE_KINDS.find(([, pattern]) => pattern.test(text))?.[0];
}

/** A first line with two cells or more that are values (a date and an amount, a phone and an email) is a row of data. */
function valuesInHeader(header: string[]): { column: number; kind: string }[] {
  return header.flatMap((cell, i) => {
    const kind = valueKind(cell);
    return kind ? [{ column: i + 1, kind }] : [];
  });
}

const NAME = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;

export async function draftMapping(file: string, options: DraftOptions): Promise<DraftResult> {
  if (options.entity !== undefined && !isEntityName(options.entity)) {
    fail('usage', `"${options.entity}" is not an entity; expected one of ${ENTITY_NAMES.join(', ')}`);
  }
  if (options.name !== undefined && !NAME.test(options.name)) {
    fail('usage', `"${options.name}" is not a mapping name: use lower-case words separated by "/", e.g. mypms/claims`);
  }
  const sample = await readSample(file, options.sampleRows ?? 200);
  if (sample.header.every((h) => h === '')) fail('input_empty', `${file} has no header line: nothing to draft a mapping from`);
  const inHeader = valuesInHeader(sample.header);
  if (inHeader.length >= 2) {
    // Its first line is a row of data (a name, a phone, a birth date): neither shown nor written into a draft (SPEC §10).
    const which = inHeader.slice(0, 2).map((v) => `${v.kind} in column ${v.column}`).join(', ');
    fail('input_rejected', `${file} has no header line: its first line holds values (${which}), not column names; export it again with column headers`);
  }
  const { values, nulls } = sampleColumns(sample.header, sample.rows);
  const shapes = values.map(columnShape);

  const entities: readonly EntityName[] = options.entity ? [options.entity as EntityName] : ENTITY_NAMES;
  const byEntity = new Map<EntityName, Placement[]>(entities.map((e) => [e, placeColumns(e, sample.header, shapes)]));
  const entity = options.entity ? (options.entity as EntityName) : guessEntity(byEntity);
  const direct = byEntity.get(entity)!;
  const placements = [...direct, ...deriveFields(entity, sample.header, shapes, direct, sample.rows.length)];
  const read = withDatelessRule(entity, sample, placements, shapes);

  const { mapping, drafted } = buildMapping({
    file, name: options.name ?? defaultMappingName(file), entity, header: sample.header, read, nulls, shapes,
    rowCount: sample.rows.length, placements,
  });
  const used = new Set(placements.flatMap((p) => p.indexes));
  return {
    mapping,
    entityGuessed: options.entity === undefined,
    placed: placements.map((p) => ({
      column: p.indexes.map((i) => sample.header[i]).join(p.combine === 'sum' ? ' + ' : p.combine === 'template' ? ' | ' : ''),
      field: p.field,
      type: drafted.get(p.field)?.type,
      reason: p.reason,
    })),
    enums: [...drafted.entries()].filter(([, d]) => d.enumValues).map(([field, d]) => ({ field, values: d.enumValues! })),
    unplaced: sample.header.filter((h, i) => h.trim() !== '' && !used.has(i)),
    missingRequired: missingIdentity(entity, new Set(placements.map((p) => p.field))),
  };
}

/** Appointments keyed by visit (no appointment ID): rows without a date of service are skipped, and the placement says so. */
function withDatelessRule(entity: EntityName, sample: Sample, placements: Placement[], shapes: ColumnShape[]): ReadOptions {
  if (entity !== 'appointments' || placements.some((p) => p.field === 'appointment_id')) return sample.read;
  const date = placements.find((p) => p.field === 'service_date' && p.indexes.length === 1);
  if (!date) return sample.read;
  const rule = datelessVisitRule(sample.header[date.indexes[0]], shapes[date.indexes[0]].filled, sample.rows.length);
  if (!rule) return sample.read;
  date.reason += '; rows without one are skipped';
  const existing = sample.read.skip_rows_where === undefined ? [] : [sample.read.skip_rows_where].flat();
  return { ...sample.read, skip_rows_where: [rule, ...existing] };
}
