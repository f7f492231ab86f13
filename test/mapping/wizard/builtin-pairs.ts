// Every built-in import mapping with the fixtures of its source whose header it detects, read the way the engine reads
// them: the loop the wizard's tests run over, so a new mapping and fixture join them without new test code.
import fs from 'node:fs';
import path from 'node:path';
import { inspectFile, readHeadLines } from '../../../src/ingest/source-file.js';
import { headerIndex, locateColumns } from '../../../src/mapping/bind-mapping.js';
import { readHeader } from '../../../src/mapping/detect.js';
import { mappingSchema, type Mapping } from '../../../src/mapping/schema.js';
import { builtinMappingsDir, fixturesDir } from '../../../src/package-root.js';
import { fixtureFiles, mappingFiles } from '../../helpers/builtin-files.js';

export interface BuiltinPair {
  mappingFile: string;
  mapping: Mapping;
  fixture: string;
  header: string[];
}



export async function builtinPairs(): Promise<BuiltinPair[]> {
  const root = builtinMappingsDir();
  const pairs: BuiltinPair[] = [];
  for (const rel of mappingFiles(root).sort()) {
    const parsed = mappingSchema.safeParse(JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8')));
    if (!parsed.success) continue; // the built-in shape test reports invalid mappings
    const mapping = parsed.data;
    for (const fixture of fixtureFiles(path.join(fixturesDir(), mapping.source))) {
      let header: string[] | undefined;
      try {
        const info = await inspectFile(fixture, mapping.read?.encoding);
        header = readHeader(mapping, readHeadLines(fixture, info.encoding))?.header;
      } catch {
        continue;
      }
      if (!header) continue;
      const present = new Set(header.map((h) => h.trim().toLowerCase()));
      const has = (name: string) => present.has(name.trim().toLowerCase());
      if (!mapping.detect.required.every(has) || (mapping.detect.absent ?? []).some(has)) continue;
      pairs.push({ mappingFile: rel, mapping, fixture, header });
    }
  }
  return pairs;
}

/** field → header column indexes a mapping reads in this header (columns, summed columns and template columns). */
export function columnsRead(mapping: Mapping, header: string[]): Map<string, number[]> {
  const index = headerIndex(header);
  const out = new Map<string, number[]>();
  for (const [field, spec] of Object.entries(mapping.fields)) {
    let indexes: number[] = [];
    if (spec.template) {
      indexes = [...spec.template.matchAll(/\{([^}]+)\}/g)].flatMap((m) => index.get(m[1].trim().toLowerCase())?.slice(0, 1) ?? []);
    } else {
      indexes = locateColumns(spec, index).indexes;
    }
    if (indexes.length) out.set(field, indexes);
  }
  return out;
}
