// The built-in mappings and fixtures on disk, for the tests that loop over every system with no per-system code.
import fs from 'node:fs';
import path from 'node:path';

/** Relative paths of the import mappings, as the loader sees them (writeback profiles are not import mappings). */
export function mappingFiles(dir: string, sub = ''): string[] {
  return fs.readdirSync(path.join(dir, sub), { withFileTypes: true }).flatMap((entry) => {
    const rel = sub ? `${sub}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return rel === 'writeback' ? [] : mappingFiles(dir, rel);
    return entry.name.endsWith('.json') && !entry.name.endsWith('.schema.json') ? [rel] : [];
  });
}

export function fixtureFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && !/\.(md|json)$/i.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name));
}
