// Split one header line into trimmed column names, honouring quotes.
import { parse } from 'csv-parse/sync';

export function parseHeaderLine(line: string, delimiter: string, stripPrefix?: string): string[] {
  let cells: string[];
  try {
    const records = parse(line, { delimiter, relax_quotes: true, relax_column_count: true }) as string[][];
    cells = records[0] ?? [];
  } catch {
    cells = line.split(delimiter);
  }
  return cells.map((cell) => {
    let name = cell.trim();
    if (stripPrefix && name.startsWith(stripPrefix)) name = name.slice(stripPrefix.length).trim();
    return name;
  });
}
