// Read practice-sync.json: parse, validate against the schema, and name the exact key on any problem.
import fs from 'node:fs';
import { fail } from '../errors.js';
import { configSchema, type Config } from './config-schema.js';
import { formatIssuePath } from '../mapping/format-issues.js';

export function loadConfig(file: string): Config {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    return fail('config_invalid', `${file}: not valid JSON (${(error as Error).message})`);
  }
  return parseConfig(raw, file);
}

export function parseConfig(raw: unknown, file = 'practice-sync.json'): Config {
  const result = configSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = formatIssuePath(issue);
    fail('config_invalid', `${file}: ${key}: ${issue.message}`, { key });
  }
  return result.data;
}
