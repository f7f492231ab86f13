// The installed package's own folder, found from this module whether it runs from src/ (tests) or dist/src/ (the CLI).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'mappings'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('practice-sync: cannot find the package folder');
    dir = parent;
  }
  cached = dir;
  return dir;
}

export function builtinMappingsDir(): string {
  return path.join(packageRoot(), 'mappings');
}

export function fixturesDir(): string {
  return path.join(packageRoot(), 'fixtures');
}
