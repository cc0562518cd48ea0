/**
 * The course key of each imported contact, kept cheaply for the join with the cost file
 * (courseCosts.ts): register keys (dw_sk_sygehusophold, dw_ek_forloeb, recnum) are running
 * numbers, so a key of at most 15 digits is kept as its number (one Float64 per contact, no hash
 * table while reading 15 million rows); any other key goes through a byte dictionary and is kept
 * as −(entry + 1). NaN = the contact has no key.
 */

import { ByteDictionary, fnvBytes } from "../dictionary.js";

export class CourseKeys {
  keys: Float64Array;
  length = 0;
  readonly text = new ByteDictionary();
  min = Infinity;
  max = -Infinity;

  constructor(expected: number) {
    this.keys = new Float64Array(Math.max(1024, Math.ceil(expected)));
  }

  /** Set the key of the next contact from bytes [s, e) (empty = no key). */
  push(buf: Uint8Array, s: number, e: number): void {
    if (this.length === this.keys.length) {
      const k = new Float64Array(this.keys.length * 2);
      k.set(this.keys);
      this.keys = k;
    }
    this.keys[this.length++] = this.keyOf(buf, s, e, true);
  }

  /**
   * The key value of bytes [s, e): a number ≥ 0, −(entry + 1) of a text key, NaN when empty — or,
   * with `add` false, −Infinity for a text key never seen.
   */
  keyOf(buf: Uint8Array, s: number, e: number, add: boolean): number {
    if (e <= s) return NaN;
    let v = 0;
    let p = s;
    if (e - s <= 15) {
      while (p < e) {
        const c = buf[p];
        if (c < 48 || c > 57) break;
        v = v * 10 + (c - 48);
        p++;
      }
    }
    if (p === e) {
      if (add) {
        if (v < this.min) this.min = v;
        if (v > this.max) this.max = v;
      }
      return v;
    }
    const h = fnvBytes(buf, s, e);
    let t = this.text.find(buf, s, e, h);
    if (t < 0) {
      if (!add) return -Infinity;
      t = this.text.add(buf, s, e, h, 0);
    }
    return -(t + 1);
  }

  /** Keep only the contacts whose `drop` flag is 0 (after duplicates were removed). */
  compact(drop: Uint8Array): void {
    let w = 0;
    for (let i = 0; i < this.length; i++) if (drop[i] === 0) this.keys[w++] = this.keys[i];
    this.length = w;
  }
}
