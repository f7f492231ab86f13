// Find and validate mapping files: the built-in ones shipped in mappings/, overridden by name from a workspace's mappings/.
import fs from 'node:fs';
import path from 'node:path';
import { fail } from '../errors.js';
import { builtinMappingsDir } from '../package-root.js';
import { describeIssues } from './format-issues.js';
import { mappingSchema, type Mapping } from './schema.js';

export interface LoadedMapping {
  mapping: Mapping;
  path: string;
  origin: 'built-in' | 'workspace';
}

export function parseMappingFile(file: string): Mapping {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('mapping_not_found', `no mapping file at ${file}`);
    return fail('mapping_invalid', `${file}: not valid JSON (${(error as Error).message})`);
  }
  const result = mappingSchema.safeParse(raw);
  if (!result.success) {
    const problems = describeIssues(result.error.issues);
    fail('mapping_invalid', `${file}: ${problems.join('; ')}`, { problems });
  }
  return result.data;
}

function listJsonFiles(dir: string, skip: (rel: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(rel);
      else if (entry.name.endsWith('.json') && !entry.name.endsWith('.schema.json') && !skip(rel)) out.push(rel);
    }
  };
  walk('');
  return out.sort();
}

/** Writeback profiles live beside mappings but are not import mappings. */
const isNotImportMapping = (rel: string) => rel.startsWith('writeback/');

export function loadMappings(workspaceMappingsDir?: string): LoadedMapping[] {
  const byName = new Map<string, LoadedMapping>();
  const builtins = builtinMappingsDir();
  for (const rel of listJsonFiles(builtins, isNotImportMapping)) {
    const file = path.join(builtins, rel);
    const mapping = parseMappingFile(file);
    byName.set(mapping.name, { mapping, path: file, origin: 'built-in' });
  }
  if (workspaceMappingsDir) {
    for (const rel of listJsonFiles(workspaceMappingsDir, isNotImportMapping)) {
      const file = path.join(workspaceMappingsDir, rel);
      const mapping = parseMappingFile(file);
      // A workspace mapping may stand in for a built-in of its name (SPEC §5), but two workspace files of one name
      // would leave which one imports to the order of their file names.
      const earlier = byName.get(mapping.name);
      if (earlier?.origin === 'workspace') {
        fail('mapping_invalid', `${file}: "name": "${mapping.name}" is also the name of ${earlier.path}; each mapping needs a name of its own`);
      }
      byName.set(mapping.name, { mapping, path: file, origin: 'workspace' });
    }
  }
  return [...byName.values()].sort((a, b) => a.mapping.name.localeCompare(b.mapping.name));
}

/** `--mapping NAME|PATH`: a path when it names an existing file or ends in .json, else a mapping name. */
export function resolveMapping(nameOrPath: string, all: LoadedMapping[], cwd: string): LoadedMapping {
  if (nameOrPath.endsWith('.json') || fs.existsSync(path.resolve(cwd, nameOrPath))) {
    const file = path.resolve(cwd, nameOrPath);
    return { mapping: parseMappingFile(file), path: file, origin: 'workspace' };
  }
  const found = all.find((m) => m.mapping.name === nameOrPath);
  if (!found) {
    fail('mapping_not_found', `no mapping named "${nameOrPath}"; practice-sync mapping list shows them`);
  }
  return found;
}
