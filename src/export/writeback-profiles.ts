// Finds and validates writeback profiles: `<dir>/writeback/<name>.json`, the workspace's mappings before the built-in ones.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fail } from '../errors.js';
import { type WritebackProfile, writebackProfileSchema } from './writeback-profile.js';

/** Validates parsed JSON; `mapping_invalid` names the file and the path of the bad key. */
export function parseWritebackProfile(json: unknown, source: string): WritebackProfile {
  const result = writebackProfileSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const key = issue.path.length > 0 ? issue.path.join('.') : '(root)';
  return fail('mapping_invalid', `${source}: ${key}: ${issue.message}`, { path: source, key });
}

export function readWritebackProfile(file: string): WritebackProfile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail('mapping_invalid', `${file}: not valid JSON (${(error as Error).message})`, { path: file });
  }
  const profile = parseWritebackProfile(json, file);
  const expected = path.basename(file, '.json');
  if (profile.name !== expected) fail('mapping_invalid', `${file}: name: "${profile.name}" should match the file name "${expected}"`, { path: file, key: 'name' });
  return profile;
}

/**
 * Loads profile `name` from the first of `mappingDirs` that has `writeback/<name>.json`
 * (pass the workspace's mappings/ first, then the built-in mappings/). `namedBy` says where the name came from.
 */
export function loadWritebackProfile(name: string, mappingDirs: readonly string[], namedBy = ''): WritebackProfile {
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) fail('usage', `"${name}"${namedBy} is not a writeback profile name`);
  for (const dir of mappingDirs) {
    const file = path.join(dir, 'writeback', `${name}.json`);
    if (existsSync(file)) return readWritebackProfile(file);
  }
  return fail('mapping_not_found', `no writeback profile "${name}"${namedBy} in ${mappingDirs.map((d) => path.join(d, 'writeback')).join(', ')}`, {
    profile: name,
  });
}
