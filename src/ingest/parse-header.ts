// Split one header line into trimmed column names, honouring quotes.
import { tokenize } from './csv-tokenizer.js';

export function parseHeaderLine(line: string, delimiter: string, stripPrefix?: string): string[] {
  let cells: string[];
  try {
    cells = tokenize(line, delimiter)[0] ?? [];
  } catch {
    cells = line.split(delimiter);
  }
  return cells.map((cell) => {
    let name = cell.trim();
    if (stripPrefix && name.startsWith(stripPrefix)) name = name.slice(stripPrefix.length).trim();
    return name;
  });
}
