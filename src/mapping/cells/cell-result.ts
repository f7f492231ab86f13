// The outcome of typing one cell: a value, or a short phrase naming what was expected instead.

/**
 * `expected` completes a sentence such as
 * `claims.csv line 14, column "Billed Amount": "12,5O" is not an amount; expected an amount like 1234.56`.
 */
export type CellResult<T> = { ok: true; value: T } | { ok: false; expected: string };

export function cellOk<T>(value: T): CellResult<T> {
  return { ok: true, value };
}

/** Failures are shared, frozen objects: a bad column repeats the same one a million times without allocating. */
export function cellError(expected: string): { readonly ok: false; readonly expected: string } {
  return Object.freeze({ ok: false as const, expected });
}
