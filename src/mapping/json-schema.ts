// The JSON Schema editors use for mapping files, generated from the zod schema (the single source of truth).
// `npm run schema` writes it to mappings/mapping.schema.json; a test fails when the file is out of date.
import { z } from 'zod';
import { ENTITY_FIELDS } from '../domain/entities.js';
import { mappingSchema } from './schema.js';

export function mappingJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(mappingSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  // zod cannot express "field names depend on the entity"; list every canonical field so editors can complete them.
  const allFields = [...new Set(Object.values(ENTITY_FIELDS).flatMap((fields) => Object.keys(fields)))].sort();
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  properties.fields = { ...properties.fields, propertyNames: { enum: allFields } };
  return { $id: 'https://practice-sync.invalid/mapping.schema.json', title: 'practice-sync mapping', ...schema };
}

export function mappingJsonSchemaText(): string {
  return `${JSON.stringify(mappingJsonSchema(), null, 2)}\n`;
}
