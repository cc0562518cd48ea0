/**
 * Dictionaries for columnar text: `StringDictionary` (string → dense index, a Map) holds the
 * canonical values of a column; `ByteDictionary` caches, for each raw byte sequence seen in a
 * column, what the field rule made of it, without building a string per row.
 */

/** Canonical strings → dense Int32 indexes in order of first use. */
export class StringDictionary {
  readonly map = new Map<string, number>();
  readonly list: string[] = [];

  /** The index of `s`, added when new. */
  id(s: string): number {
    let i = this.map.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.map.set(s, i);
      this.list.push(s);
    }
    return i;
  }
}

/** Final avalanche of MurmurHash3 (spreads FNV's bits before masking to a power of two). */
function spread(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h ^ (h >>> 16);
}

/** FNV-1a offset basis and prime (32 bit). */
export const FNV_OFFSET = 0x811c9dc5 | 0;
export const FNV_PRIME = 16777619;

/**
 * Open-addressing hash table keyed by byte ranges. Each entry holds an Int32 value and an
 * optional string (set by the caller). Keys are copied into an arena.
 */
export class ByteDictionary {
  private slots: Int32Array = new Int32Array(1024); // entry + 1; 0 = empty
  private mask = 1023;
  private hashes: Int32Array = new Int32Array(256);
  private offs: Int32Array = new Int32Array(256);
  private lens: Int32Array = new Int32Array(256);
  private arena: Uint8Array = new Uint8Array(4096);
  private arenaLen = 0;
  /** Per-entry value. */
  val: Int32Array = new Int32Array(256);
  /** Per-entry string (e.g. a canonical value not yet registered). */
  readonly str: (string | undefined)[] = [];
  count = 0;

  /** The entry of bytes [s, e) with hash h, or −1. */
  find(buf: Uint8Array, s: number, e: number, h: number): number {
    const len = e - s;
    let k = spread(h) & this.mask;
    for (;;) {
      const slot = this.slots[k];
      if (slot === 0) return -1;
      const entry = slot - 1;
      if (this.hashes[entry] === h && this.lens[entry] === len) {
        const o = this.offs[entry];
        const a = this.arena;
        let i = 0;
        while (i < len && a[o + i] === buf[s + i]) i++;
        if (i === len) return entry;
      }
      k = (k + 1) & this.mask;
    }
  }

  /** Add bytes [s, e) (not present) with hash h and a value; returns the entry. */
  add(buf: Uint8Array, s: number, e: number, h: number, value: number, str?: string): number {
    const entry = this.count++;
    if (entry >= this.val.length) this.growEntries();
    const len = e - s;
    if (this.arenaLen + len > this.arena.length) {
      const a = new Uint8Array(Math.max(this.arena.length * 2, this.arenaLen + len + 1024));
      a.set(this.arena.subarray(0, this.arenaLen));
      this.arena = a;
    }
    const a = this.arena;
    const o = this.arenaLen;
    for (let i = 0; i < len; i++) a[o + i] = buf[s + i];
    this.offs[entry] = this.arenaLen;
    this.lens[entry] = len;
    this.arenaLen += len;
    this.hashes[entry] = h;
    this.val[entry] = value;
    if (str !== undefined || entry < this.str.length) this.str[entry] = str;
    if (this.count * 2 > this.slots.length) this.rehash();
    else this.place(entry);
    return entry;
  }

  /** Whether entry's key bytes equal bytes [s, e) of buf. */
  sameBytes(entry: number, buf: Uint8Array, s: number, e: number): boolean {
    const len = e - s;
    if (this.lens[entry] !== len) return false;
    const o = this.offs[entry];
    const a = this.arena;
    for (let i = 0; i < len; i++) if (a[o + i] !== buf[s + i]) return false;
    return true;
  }

  private place(entry: number): void {
    let k = spread(this.hashes[entry]) & this.mask;
    while (this.slots[k] !== 0) k = (k + 1) & this.mask;
    this.slots[k] = entry + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let e = 0; e < this.count; e++) this.place(e);
  }

  private growEntries(): void {
    const n = this.val.length * 2;
    const g = (a: Int32Array): Int32Array => {
      const b = new Int32Array(n);
      b.set(a);
      return b;
    };
    this.hashes = g(this.hashes);
    this.offs = g(this.offs);
    this.lens = g(this.lens);
    this.val = g(this.val);
  }
}

/**
 * A few distinct byte sequences (code columns: sex, admission type, contact type, referral,
 * hospital) compared by a linear scan — cheaper than hashing when a column has a handful of
 * values. Holds at most `capacity` entries; `find` returns the entry or −1.
 */
export class SmallByteCache {
  private bytes: Uint8Array = new Uint8Array(256);
  private used = 0;
  private offs: number[] = [];
  private lens: number[] = [];
  readonly val: number[] = [];
  readonly str: (string | undefined)[] = [];
  count = 0;

  constructor(readonly capacity = 64) {}

  find(buf: Uint8Array, s: number, e: number): number {
    const len = e - s;
    const b = this.bytes;
    for (let i = 0; i < this.count; i++) {
      if (this.lens[i] !== len) continue;
      const o = this.offs[i];
      let j = 0;
      while (j < len && b[o + j] === buf[s + j]) j++;
      if (j === len) return i;
    }
    return -1;
  }

  get full(): boolean {
    return this.count >= this.capacity;
  }

  add(buf: Uint8Array, s: number, e: number, value: number, str?: string): number {
    const len = e - s;
    if (this.used + len > this.bytes.length) {
      const a = new Uint8Array(Math.max(this.bytes.length * 2, this.used + len));
      a.set(this.bytes.subarray(0, this.used));
      this.bytes = a;
    }
    this.bytes.set(buf.subarray(s, e), this.used);
    this.offs.push(this.used);
    this.lens.push(len);
    this.used += len;
    this.val.push(value);
    this.str.push(str);
    return this.count++;
  }
}

/** FNV-1a hash of bytes [s, e). */
export function fnvBytes(buf: Uint8Array, s: number, e: number): number {
  let h = FNV_OFFSET;
  for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], FNV_PRIME);
  return h;
}

/**
 * Canonical strings → dense Int32 indexes in order of first use, keyed by their UTF-8 bytes
 * (FNV-1a, open addressing) instead of a Map of strings: a byte scanner looks an id up straight
 * from the file's bytes, and a new id costs one string (kept in `list`) and a few typed-array
 * slots. Used for patient ids (millions of values at national scale).
 */
export class ByteKeyedDictionary {
  private readonly dict = new ByteDictionary();
  readonly list: string[] = [];
  private scratch = Buffer.allocUnsafe(256);

  /** The index of the canonical value whose UTF-8 bytes are [s, e) with FNV-1a hash h, or −1. */
  find(buf: Uint8Array, s: number, e: number, h: number): number {
    return this.dict.find(buf, s, e, h);
  }

  /** Add bytes [s, e) (hash h, not present) as the canonical value `str` (whose UTF-8 bytes they are). */
  add(buf: Uint8Array, s: number, e: number, h: number, str: string): number {
    const i = this.dict.add(buf, s, e, h, this.list.length);
    this.list.push(str);
    return i;
  }

  /** Whether index i's bytes equal bytes [s, e) of buf. */
  sameBytes(i: number, buf: Uint8Array, s: number, e: number): boolean {
    return this.dict.sameBytes(i, buf, s, e);
  }

  private encode(str: string): number {
    const need = str.length * 3;
    if (need > this.scratch.length) this.scratch = Buffer.allocUnsafe(Math.max(need, this.scratch.length * 2));
    return this.scratch.write(str, 0, "utf8");
  }

  /** The index of `s`, or undefined. */
  get(str: string): number | undefined {
    const n = this.encode(str);
    const i = this.dict.find(this.scratch, 0, n, fnvBytes(this.scratch, 0, n));
    return i < 0 ? undefined : i;
  }

  /** The index of `s`, added when new. */
  id(str: string): number {
    const n = this.encode(str);
    const h = fnvBytes(this.scratch, 0, n);
    const i = this.dict.find(this.scratch, 0, n, h);
    return i >= 0 ? i : this.add(this.scratch, 0, n, h, str);
  }
}
