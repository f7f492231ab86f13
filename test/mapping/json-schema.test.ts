// The JSON Schema shipped for editors is exactly what the zod schema generates: run `npm run schema` after changing it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mappingJsonSchemaText } from '../../src/mapping/json-schema.js';
import { REPO } from '../helpers/cli.js';

describe('mappings/mapping.schema.json', () => {
  it('is in sync with the zod mapping schema', () => {
    const shipped = fs.readFileSync(path.join(REPO, 'mappings', 'mapping.schema.json'), 'utf8');
    expect(shipped, 'run `npm run schema`').toBe(mappingJsonSchemaText());
  });

  it('knows every canonical field name and the cell types', () => {
    const schema = JSON.parse(mappingJsonSchemaText());
    expect(schema.properties.fields.propertyNames.enum).toContain('patient_responsibility');
    expect(JSON.stringify(schema)).toContain('"money"');
  });
});
