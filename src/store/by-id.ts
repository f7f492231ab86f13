// Values by store id, for the name lookups a report joins in JS. SQLite hands out ids from 1 in order, so an array
// holds them and a lookup is an index, not a hash: a million claims look up three names each. An id set by hand past
// `DENSE_IDS` goes to a Map instead, so one odd id cannot make the array huge.

const DENSE_IDS = 1 << 22;

function isDense(id: number): boolean {
  return Number.isInteger(id) && id >= 0 && id < DENSE_IDS;
}

export class ById<T> {
  constructor(
    private readonly dense: (T | undefined)[] = [],
    private readonly sparse = new Map<number, T>(),
  ) {}

  /** A `ById` again after a structured clone (a worker thread's copy), which keeps the fields but not the class. */
  static revive<T>(cloned: ById<T>): ById<T> {
    const { dense, sparse } = cloned as unknown as { dense: (T | undefined)[]; sparse: Map<number, T> };
    return new ById(dense, sparse);
  }

  set(id: number, value: T): this {
    if (isDense(id)) this.dense[id] = value;
    else this.sparse.set(id, value);
    return this;
  }

  get(id: number): T | undefined {
    return isDense(id) ? this.dense[id] : this.sparse.get(id);
  }

  /** Every id and value, in id order. */
  *[Symbol.iterator](): Generator<[number, T]> {
    if (this.sparse.size > 0) {
      yield* [...this.denseEntries(), ...this.sparse].sort((a, b) => a[0] - b[0]);
      return;
    }
    yield* this.denseEntries();
  }

  private *denseEntries(): Generator<[number, T]> {
    for (let id = 0; id < this.dense.length; id++) {
      const value = this.dense[id];
      if (value !== undefined) yield [id, value];
    }
  }
}
