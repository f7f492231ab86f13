// Doctor: every mapping file, built-in and workspace, parsed on its own so each bad one is its own line.
import fs from 'node:fs';
import path from 'node:path';
import { parseMappingFile } from '../mapping/load-mappings.js';
import { builtinMappingsDir } from '../package-root.js';
import { plural } from '../text/plural.js';
import type { WorkspacePaths } from '../workspace/layout.js';
import { failed, ok, type DoctorCheck } from './doctor-check.js';

export function checkMappings(paths: WorkspacePaths): DoctorCheck[] {
  const checks: DoctorCheck[] = [];
  const counts = { 'built-in': 0, workspace: 0 };
  const sources = [
    { origin: 'built-in' as const, dir: builtinMappingsDir(), fix: 'reinstall practice-sync: a file it ships with is damaged' },
    { origin: 'workspace' as const, dir: paths.mappings, fix: '' },
  ];
  for (const { origin, dir, fix } of sources) {
    for (const rel of mappingFiles(dir)) {
      const file = path.join(dir, rel);
      try {
        parseMappingFile(file);
        counts[origin]++;
      } catch (error) {
        const shown = origin === 'workspace' ? `mappings/${rel}` : rel;
        const message = (error as Error).message.replace(`${file}: `, '');
        checks.push(failed(`mapping ${shown}`, `${origin} mapping file is invalid: ${message}`,
          fix || `fix it (practice-sync mapping check "${file}" explains each problem) or move it out of mappings/`));
      }
    }
  }
  checks.unshift(ok('mappings', `${plural(counts['built-in'], 'built-in mapping')} and ${plural(counts.workspace, 'workspace mapping')} valid`));
  return checks;
}

/** The files loadMappings reads: *.json under the folder, except JSON Schemas and writeback profiles. */
function mappingFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (sub: string) => {
    for (const entry of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (rel !== 'writeback') walk(rel);
      } else if (entry.name.endsWith('.json') && !entry.name.endsWith('.schema.json')) {
        out.push(rel);
      }
    }
  };
  walk('');
  return out.sort();
}
