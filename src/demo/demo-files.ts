// The bundled sample exports the demo imports: every fixture under fixtures/, except deliberately broken ones.
import fs from 'node:fs';
import path from 'node:path';
import { fixturesDir } from '../package-root.js';

/** Fixtures that exist to be rejected (tests of bad input) live under a `bad/` folder and are left out. */
export function demoFiles(root = fixturesDir()): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'bad' && entry.name !== 'expected') walk(full);
      } else if (/\.(csv|txt|tsv|xls)$/i.test(entry.name)) {
        out.push(full);
      }
    }
  };
  walk(root);
  return out;
}
