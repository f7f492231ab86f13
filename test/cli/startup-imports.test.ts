// What every command loads before it runs: the modules reachable from the entry point by static imports. The import
// pipeline (reader, mappings, cell types with date-fns' parser) is loaded only by the commands that import or read
// mappings, so the reports and alerts start without it (module loading: about 200 ms against 270 here).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

/** Static value imports of a source file: `import type` and `import('...')` load nothing at start. */
function staticImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const specs: string[] = [];
  for (const match of text.matchAll(/^import\s+(type\s+)?[^'";]*?from\s+'([^']+)';/gms)) {
    if (!match[1]) specs.push(match[2]);
  }
  for (const match of text.matchAll(/^export\s+(type\s+)?[^'";]*?from\s+'([^']+)';/gms)) {
    if (!match[1]) specs.push(match[2]);
  }
  return specs;
}

/** Every module loaded at start from `entry`: source files by path from the repository, packages by name. */
function loadedAtStart(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [path.join(REPO, entry)];
  while (queue.length > 0) {
    const file = queue.pop()!;
    const key = path.relative(REPO, file);
    if (seen.has(key)) continue;
    seen.add(key);
    for (const spec of staticImports(file)) {
      if (spec.startsWith('.')) queue.push(path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts')));
      else seen.add(spec);
    }
  }
  return seen;
}

describe('modules loaded at start', () => {
  const loaded = loadedAtStart('src/cli/main.ts');

  it('include every command and the reports', () => {
    expect(loaded).toContain('src/cli/commands/import.ts');
    expect(loaded).toContain('src/report/build-reports.ts');
    expect(loaded).toContain('zod');
  });

  it.each([
    'src/ingest/import-file.ts',
    'src/mapping/preview-mapping.ts',
    'src/mapping/cells/make-date-parser.ts',
    'src/mapping/wizard/draft-mapping.ts',
    'src/maintenance/doctor.ts',
    'src/run/run-inbox.ts',
    'src/export/run-writeback.ts',
    'date-fns/parse',
  ])('leave out %s', (module) => {
    expect(loaded).not.toContain(module);
  });
});
