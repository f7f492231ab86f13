// Which line of the file first touched each record, kept in a typed array indexed by row id: 4 bytes per record
// of the table, where a Map took ~50 — so a file of any size imports in bounded memory.
export class LineIndex {
  private lines = new Int32Array(1024);

  get(rowId: number): number | undefined {
    const line = rowId < this.lines.length ? this.lines[rowId] : 0;
    return line === 0 ? undefined : line;
  }

  set(rowId: number, line: number): void {
    if (rowId >= this.lines.length) {
      let size = this.lines.length;
      while (size <= rowId) size *= 2;
      const grown = new Int32Array(size);
      grown.set(this.lines);
      this.lines = grown;
    }
    this.lines[rowId] = line;
  }

  /** The row ids with a line, in id order. */
  *ids(): Generator<number> {
    const lines = this.lines;
    for (let rowId = 0; rowId < lines.length; rowId++) if (lines[rowId] !== 0) yield rowId;
  }
}
