/**
 * The person table in memory: one row per (person, year), chained per person id (head/next), in
 * growable typed arrays. Adding a row that repeats a (person, year) tells whether it is an exact
 * repeat (a duplicate) or a conflicting row (the first is kept).
 */

/** What adding a person row did: added, or the line of the row already held for that person and year. */
export type PersonAdd = { readonly kind: "added" } | { readonly kind: "duplicate" | "conflict"; readonly lineRef: number };

const ADDED: PersonAdd = { kind: "added" };

function grow(a: Int32Array, n: number, fill = 0): Int32Array {
  const b = new Int32Array(n).fill(fill);
  b.set(a);
  return b;
}

/** Growable arrays of person rows, keyed by a dense person index. */
export class PersonStore {
  head: Int32Array = new Int32Array(1024).fill(-1);
  next: Int32Array = new Int32Array(1024);
  year: Int32Array = new Int32Array(1024);
  sexEntry: Int32Array = new Int32Array(1024);
  birth: Int32Array = new Int32Array(1024);
  muni: Int32Array = new Int32Array(1024);
  private line0: Int32Array = new Int32Array(1024);
  private rows = 0;

  /** Add the row of person `p` (dense index from the id dictionary) for year `y` (−1: no year column). */
  add(p: number, y: number, sexE: number, birth: number, muni: number, line: number): PersonAdd {
    if (p >= this.head.length) this.head = grow(this.head, Math.max(this.head.length * 2, p + 1), -1);
    for (let r = this.head[p]; r >= 0; r = this.next[r]) {
      if (this.year[r] !== y) continue;
      const same = this.sexEntry[r] === sexE && this.birth[r] === birth && this.muni[r] === muni;
      return { kind: same ? "duplicate" : "conflict", lineRef: this.line0[r] };
    }
    const i = this.rows;
    if (i >= this.next.length) {
      const n = this.next.length * 2;
      this.next = grow(this.next, n);
      this.year = grow(this.year, n);
      this.sexEntry = grow(this.sexEntry, n);
      this.birth = grow(this.birth, n);
      this.muni = grow(this.muni, n);
      this.line0 = grow(this.line0, n);
    }
    this.next[i] = this.head[p];
    this.head[p] = i;
    this.year[i] = y;
    this.sexEntry[i] = sexE;
    this.birth[i] = birth;
    this.muni[i] = muni;
    this.line0[i] = line;
    this.rows++;
    return ADDED;
  }
}
