// The boolean cell type (SPEC §5): yes/no, y/n, true/false, t/f, 1/0, and `x` for a ticked box.
import { cellError, type CellResult } from './cell-result.js';

const TRUE: CellResult<boolean> = Object.freeze({ ok: true, value: true });
const FALSE: CellResult<boolean> = Object.freeze({ ok: true, value: false });
const NOT_YES_OR_NO = cellError('yes or no');

const WORDS = new Map<string, CellResult<boolean>>([
  ['yes', TRUE], ['y', TRUE], ['true', TRUE], ['t', TRUE], ['1', TRUE], ['x', TRUE],
  ['no', FALSE], ['n', FALSE], ['false', FALSE], ['f', FALSE], ['0', FALSE],
]);

/** Case-insensitive. An empty cell (an unticked `x` column) is null, which the caller decides. */
export function parseBoolean(raw: string): CellResult<boolean> {
  return WORDS.get(raw.toLowerCase()) ?? NOT_YES_OR_NO;
}
