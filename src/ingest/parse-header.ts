// Split one header record into trimmed column names, honouring quotes.
import { tokenize } from './csv-tokenizer.js';

export function parseHeaderLine(line: string, delimiter: string, stripPrefix?: string): string[] {
  let cells: string[];
  try {
    cells = tokenize(line, delimiter)[0] ?? [];
  } catch {
    cells = line.split(delimiter);
  }
  return cells.map((cell) => {
    // A wrapped header cell's line break reads as the space it stands for: `Date of⏎Service` is `Date of Service`.
    let name = cell.replace(/\s*[\r\n]+\s*/g, ' ').trim();
    if (stripPrefix && name.startsWith(stripPrefix)) name = name.slice(stripPrefix.length).trim();
    return name;
  });
}
