// `npm run schema`: regenerate mappings/mapping.schema.json from the zod schema.
import fs from 'node:fs';
import path from 'node:path';
import { builtinMappingsDir } from '../package-root.js';
import { mappingJsonSchemaText } from './json-schema.js';

const target = path.join(builtinMappingsDir(), 'mapping.schema.json');
fs.writeFileSync(target, mappingJsonSchemaText());
process.stdout.write(`wrote ${target}\n`);
