// What every command loads before it runs: the modules reachable from the entry point by static imports. The import
// pipeline (reader, mappings, cell types with date-fns' parser) is loaded only by the commands that import or read
// mappings, so the reports and alerts start without it (module loading: 195-260 ms against 260-300 here).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

/**
 * Modules a source file loads when it is loaded, as TypeScript reads it: `import type`, imports of types only (which
 * the compiler leaves out) and `import('...')` load nothing at start; side-effect imports and `export ... from` do.
 */
function staticImports(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
  const specs: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const bindings = clause?.namedBindings;
      const typesOnly = clause !== undefined && (clause.isTypeOnly ||
        (!clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)));
      if (!typesOnly) specs.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specs.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
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
  ])('leave out %s', (module) => {
    expect(loaded).not.toContain(module);
  });

  it('leave out date-fns', () => {
    expect([...loaded].filter((module) => module.startsWith('date-fns'))).toEqual([]);
  });
});
