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

  /** `expected`: the number of entries to make room for at once (optional; it grows as needed). */
  constructor(expected = 0) {
    if (expected > 256) {
      let size = 1024;
      while (size < expected * 2) size *= 2;
      this.slots = new Int32Array(size);
      this.mask = size - 1;
      const n = Math.ceil(expected);
      this.hashes = new Int32Array(n);
      this.offs = new Int32Array(n);
      this.lens = new Int32Array(n);
      this.val = new Int32Array(n);
      this.arena = new Uint8Array(n * 12);
    }
  }

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

/**
 * Values of a ByteDictionary that caches what a field rule made of each raw text cell: ≥ 0 a
 * registered index, CELL_PENDING valid but not yet registered (canonical string in `str`),
 * CELL_INVALID the rule failed, CELL_NONE valid "not given".
 */
export const CELL_PENDING = -1;
export const CELL_INVALID = -2;
export const CELL_NONE = -3;

/**
 * The index in `target` of entry e's canonical value, registering a pending value on first use
 * (values are registered in the order rows are accepted); −1 for "not given".
 */
export function registeredIndex(dict: ByteDictionary, e: number, target: StringDictionary): number {
  let v = dict.val[e];
  if (v === CELL_PENDING) {
    v = target.id(dict.str[e] as string);
    dict.val[e] = v;
  }
  return v === CELL_NONE ? -1 : v;
}

/** FNV-1a hash of bytes [s, e). */
export function fnvBytes(buf: Uint8Array, s: number, e: number): number {
  let h = FNV_OFFSET;
  for (let i = s; i < e; i++) h = Math.imul(h ^ buf[i], FNV_PRIME);
  return h;
}

/** Bits of an id-table slot that hold the entry (+1); the bits above hold a tag of the hash. */
const ENTRY_BITS = 26;
const ENTRY_MASK = (1 << ENTRY_BITS) - 1;
/** At most this many distinct values (entry + 1 must fit in ENTRY_BITS). */
const MAX_ENTRIES = ENTRY_MASK - 1;
/** Values of one width up to this many bytes are held in the hash table's slots (ByteKeyedDictionary). */
const INLINE_MAX_BYTES = 12;
/** Int32 words of an inline slot: entry + 1 and INLINE_MAX_BYTES / 4 words of bytes. */
const INLINE_WORDS = 4;

/** Bytes [s + at, s + at + 4) of buf[s, e) as a little-endian Int32 word, zero past e. */
function word(buf: Uint8Array, s: number, e: number, at: number): number {
  const p = s + at;
  if (p + 4 <= e) return buf[p] | (buf[p + 1] << 8) | (buf[p + 2] << 16) | (buf[p + 3] << 24);
  let v = 0;
  for (let i = 0; i < 4 && p + i < e; i++) v |= buf[p + i] << (8 * i);
  return v;
}

/**
 * Canonical strings → dense Int32 indexes in order of first use, keyed by their UTF-8 bytes
 * (FNV-1a, open addressing with linear probing) instead of a Map of strings: a byte scanner looks
 * an id up straight from the file's bytes. Used for patient ids (millions of values at national
 * scale), so it is kept small: per value only its bytes (an arena), one Int32 offset and one
 * Int32 slot of the hash table (the slot holds the entry and a 6-bit tag of the hash, so most
 * probes of other values are rejected without reading their bytes). While every value has the
 * same byte length of at most INLINE_MAX_BYTES, as pseudonyms usually do, the table holds each
 * value's bytes beside its entry instead (four Int32 words a slot): a look-up then reads one
 * place in memory instead of two (the slot, then the value's bytes in the arena) — on a table of
 * millions of patients met in random order, as in a file not grouped by patient, each is a cache
 * miss. No string is kept per value:
 * `list` builds each string from its bytes when it is read (the bytes are the canonical value's
 * UTF-8 bytes; the rare value whose UTF-8 form does not give it back — a lone surrogate — is kept
 * as a string).
 */
export class ByteKeyedDictionary {
  /** Hash table while values are of mixed or long widths: (tag << ENTRY_BITS) | (entry + 1); 0 = empty. */
  private slots: Int32Array = new Int32Array(0);
  /**
   * Hash table while every value has one width ≤ INLINE_MAX_BYTES (null otherwise): per slot
   * [entry + 1, bytes 0–3, 4–7, 8–11 as little-endian words, zero-padded]; entry + 1 = 0: empty.
   */
  private inline: Int32Array | null = new Int32Array(1024 * INLINE_WORDS);
  private mask = 1023;
  /** Byte offset of each entry in the arena; offs[count] = bytes used. */
  private offs: Int32Array = new Int32Array(257);
  private arena: Uint8Array = new Uint8Array(4096);
  private arenaView: Buffer = Buffer.from(this.arena.buffer, this.arena.byteOffset, this.arena.byteLength);
  /** Values whose UTF-8 bytes do not decode back to them (lone surrogates), by entry. */
  private readonly odd = new Map<number, string>();
  private count = 0;
  /**
   * The byte length every value has so far (−1: no value yet; −2: values of different lengths).
   * Ids of one width are usual for pseudonyms; then value i starts at i × width, and a lookup
   * reads its bytes without reading its offset first (one random memory access fewer per row on
   * a table of millions of patients).
   */
  private width = -1;
  private scratch = Buffer.allocUnsafe(256);
  private lazyList: readonly string[] | null = null;
  /**
   * False for a list of runs (a parser thread's, io/parallel/): `find` finds nothing, so each
   * value is added again unless the caller sees it repeat the previous one; no hash table is
   * kept, only each value's hash (`keyBytes`), for the one look-up in the table that merges them.
   */
  private readonly lookup: boolean;
  private hashes: Int32Array | null;
  /** Where the last unsuccessful `find` stopped (the free slot for that value), its hash and the size then. */
  private missSlot = -1;
  private missHash = 0;
  private missCount = -1;

  /** `lookup: false`: a list of runs (see `lookup`). */
  constructor(options: { readonly lookup?: boolean } = {}) {
    this.lookup = options.lookup ?? true;
    this.hashes = this.lookup ? null : new Int32Array(256);
    if (!this.lookup) this.inline = null;
  }

  /**
   * Make room for about `n` values without growing the hash table (e.g. from the number of rows:
   * the table is sized for at most 0.75 load; capped at 2^25 slots). Nothing for a list of runs.
   */
  reserve(n: number): void {
    if (!this.lookup) return;
    let size = this.mask + 1;
    while (size < 1 << 25 && n * 4 > size * 3) size *= 2;
    if (size > this.mask + 1) this.rehashTo(size);
  }

  /** Number of values. */
  get size(): number {
    return this.count;
  }

  /**
   * The values by index, as a read-only array whose strings are built from their bytes when read
   * (its `length` follows the dictionary as it grows). Indexing, `length`, iteration and the
   * array methods work; nothing is stored per value.
   */
  get list(): readonly string[] {
    return (this.lazyList ??= lazyStringList(() => this.count, (i) => this.valueOf(i)));
  }

  /**
   * A read-only view of the values added so far that holds only their bytes and offsets (not the
   * hash table): what a finished table keeps.
   */
  frozenList(): readonly string[] {
    const n = this.count;
    const view = this.arenaView;
    const odd = this.odd.size === 0 ? null : new Map(this.odd);
    // Ids of one width (usual for pseudonyms): the offsets are i × width, no array needed.
    const width = n > 0 ? this.offs[1] : 0;
    let fixed = true;
    for (let i = 1; i <= n && fixed; i++) if (this.offs[i] !== i * width) fixed = false;
    if (fixed) {
      const list = lazyStringList(() => n, (i) => odd?.get(i) ?? view.toString("utf8", i * width, (i + 1) * width));
      if (odd === null) LIST_BYTES.set(list, { bytes: this.arena.subarray(0, n * width), offsets: null, width });
      return list;
    }
    const offs = this.offs.slice(0, n + 1);
    const list = lazyStringList(() => n, (i) => odd?.get(i) ?? view.toString("utf8", offs[i], offs[i + 1]));
    if (odd === null) LIST_BYTES.set(list, { bytes: this.arena.subarray(0, offs[n]), offsets: offs, width: 0 });
    return list;
  }

  /**
   * Give value i the index newIndex[i] (`newIndex` must be a permutation of 0 … size − 1; the
   * caller's to ensure, it is not checked): the bytes move to their
   * new places and the hash table's entries are rewritten where they are, so no value is hashed
   * or compared again. Lists made by `frozenList` before keep the old numbering (and the old
   * bytes); make a new one after.
   */
  renumber(newIndex: Int32Array): void {
    const n = this.count;
    if (newIndex.length !== n) throw new RangeError(`renumber: ${newIndex.length} indexes for ${n} values`);
    // Read the bytes in their order and write each value at its new place: the reads stream, and
    // the writes do not wait on one another (reading the values in their new order instead waits
    // on two cache misses a value: about 1 s for 5.4 M patient ids).
    const offs = this.offs;
    const arena = this.arena;
    const offs2 = new Int32Array(offs.length);
    const arena2 = new Uint8Array(arena.length);
    const width = this.width;
    if (width >= 0) {
      for (let q = 0; q < n; q++) offs2[q + 1] = (q + 1) * width;
      for (let i = 0; i < n; i++) {
        let w = newIndex[i] * width;
        const e = offs[i + 1];
        for (let s = offs[i]; s < e; s++) arena2[w++] = arena[s];
      }
    } else {
      for (let i = 0; i < n; i++) offs2[newIndex[i] + 1] = offs[i + 1] - offs[i];
      for (let q = 0; q < n; q++) offs2[q + 1] += offs2[q];
      for (let i = 0; i < n; i++) {
        let w = offs2[newIndex[i]];
        const e = offs[i + 1];
        for (let s = offs[i]; s < e; s++) arena2[w++] = arena[s];
      }
    }
    this.offs = offs2;
    this.arena = arena2;
    this.arenaView = Buffer.from(arena2.buffer, arena2.byteOffset, arena2.byteLength);
    if (this.inline !== null) {
      const table = this.inline;
      for (let q = 0; q < table.length; q += INLINE_WORDS) if (table[q] !== 0) table[q] = newIndex[table[q] - 1] + 1;
    }
    const slots = this.slots;
    for (let k = 0; k < slots.length; k++) {
      const v = slots[k];
      if (v !== 0) slots[k] = (v & ~ENTRY_MASK) | (newIndex[(v & ENTRY_MASK) - 1] + 1);
    }
    if (this.hashes !== null) {
      const h2 = new Int32Array(this.hashes.length);
      for (let i = 0; i < n; i++) h2[newIndex[i]] = this.hashes[i];
      this.hashes = h2;
    }
    if (this.odd.size > 0) {
      const moved = [...this.odd].map(([i, s]) => [newIndex[i], s] as const);
      this.odd.clear();
      for (const [q, s] of moved) this.odd.set(q, s);
    }
    this.missCount = -1;
  }

  /** The value of index i (0 ≤ i < size). */
  valueOf(i: number): string {
    const odd = this.odd.size === 0 ? undefined : this.odd.get(i);
    return odd ?? this.arenaView.toString("utf8", this.offs[i], this.offs[i + 1]);
  }

  /** The index of the canonical value whose UTF-8 bytes are [s, e) with FNV-1a hash h, or −1. */
  find(buf: Uint8Array, s: number, e: number, h: number): number {
    if (this.inline !== null) return this.findInline(buf, s, e, h);
    if (!this.lookup) {
      this.missCount = -1;
      return -1;
    }
    const len = e - s;
    const sp = spread(h);
    const tag = (sp >>> ENTRY_BITS) << ENTRY_BITS;
    const slots = this.slots;
    const mask = this.mask;
    const offs = this.offs;
    const a = this.arena;
    const width = this.width;
    let k = sp & mask;
    for (;;) {
      const slot = slots[k];
      if (slot === 0) return this.miss(k, h);
      if ((slot & ~ENTRY_MASK) === tag) {
        const entry = (slot & ENTRY_MASK) - 1;
        // values of one width: no value of another length is present, and value i starts at i × width
        const o = width >= 0 ? (width === len ? entry * len : -1) : offs[entry + 1] - offs[entry] === len ? offs[entry] : -1;
        if (o >= 0) {
          let i = 0;
          while (i < len && a[o + i] === buf[s + i]) i++;
          if (i === len) return entry;
        }
      }
      k = (k + 1) & mask;
    }
  }

  /**
   * The first slot word a `find` of hash h reads (the caller keeps the result, so that the read is
   * not dropped). Reading the slots of a batch of look-ups before doing them lets their cache
   * misses overlap; the look-ups then find their slots in the cache (mergeRange.ts).
   */
  warm(h: number): number {
    const k = spread(h) & this.mask;
    return this.inline !== null ? this.inline[k * INLINE_WORDS] : this.slots[k];
  }

  /** A `find` that stopped at free slot k (value hash h): remembered for the `add` that follows; −1. */
  private miss(k: number, h: number): number {
    this.missSlot = k;
    this.missHash = h;
    this.missCount = this.count;
    return -1;
  }

  /** `find` on the inline table: a value of another width is not present. */
  private findInline(buf: Uint8Array, s: number, e: number, h: number): number {
    const table = this.inline as Int32Array;
    const len = e - s;
    if ((this.count > 0 && len !== this.width) || len > INLINE_MAX_BYTES) {
      this.missCount = -1;
      return -1;
    }
    const w0 = word(buf, s, e, 0);
    const w1 = word(buf, s, e, 4);
    const w2 = word(buf, s, e, 8);
    const mask = this.mask;
    let k = spread(h) & mask;
    for (;;) {
      const q = k * INLINE_WORDS;
      const slot = table[q];
      if (slot === 0) return this.miss(k, h);
      if (table[q + 1] === w0 && table[q + 2] === w1 && table[q + 3] === w2) return slot - 1;
      k = (k + 1) & mask;
    }
  }

  /** Add bytes [s, e) (hash h, not present) as the canonical value `str` (whose UTF-8 bytes they are). */
  add(buf: Uint8Array, s: number, e: number, h: number, str: string): number {
    return this.addBytes(buf, s, e, h, str);
  }

  /**
   * Add bytes [s, e) (hash h, not present) that are printable ASCII: the canonical value is the
   * bytes as text (no string is made).
   */
  addAscii(buf: Uint8Array, s: number, e: number, h: number): number {
    return this.addBytes(buf, s, e, h, null);
  }

  private addBytes(buf: Uint8Array, s: number, e: number, h: number, str: string | null): number {
    const entry = this.count;
    if (entry >= MAX_ENTRIES) throw new RangeError(`more than ${MAX_ENTRIES} distinct patient ids`);
    if (entry + 2 > this.offs.length) {
      const o = new Int32Array(this.offs.length * 2);
      o.set(this.offs);
      this.offs = o;
    }
    const len = e - s;
    const used = this.offs[entry];
    if (used + len > this.arena.length) {
      const a = new Uint8Array(Math.max(this.arena.length * 2, used + len + 1024));
      a.set(this.arena.subarray(0, used));
      this.arena = a;
      this.arenaView = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    }
    const a = this.arena;
    let high = 0;
    for (let i = 0; i < len; i++) high |= a[used + i] = buf[s + i];
    this.offs[entry + 1] = used + len;
    this.count = entry + 1;
    if (this.width === -1) this.width = len;
    else if (this.width !== len) this.width = -2;
    // ASCII bytes decode to exactly their string; other bytes are checked once.
    if (str !== null && high >= 0x80 && this.arenaView.toString("utf8", used, used + len) !== str) this.odd.set(entry, str);
    if (this.hashes !== null) {
      if (entry >= this.hashes.length) {
        const g = new Int32Array(this.hashes.length * 2);
        g.set(this.hashes);
        this.hashes = g;
      }
      this.hashes[entry] = h;
      return entry;
    }
    const size = this.mask + 1;
    if (this.inline !== null && (this.width < 1 || this.width > INLINE_MAX_BYTES)) {
      // Values of another width (or too long to hold in a slot): the table of tags and entries.
      this.inline = null;
      this.rehashTo(this.count * 4 > size * 3 ? size * 2 : size);
    } else if (this.count * 4 > size * 3) this.rehashTo(size * 2);
    else if (this.missCount === entry && this.missHash === h) {
      // The free slot the preceding find stopped at (nothing was added since).
      this.put(this.missSlot, entry, h);
    } else this.place(entry, h);
    this.missCount = -1;
    return entry;
  }

  /**
   * Copies of the values' UTF-8 bytes and offsets (value i is bytes [offs[i], offs[i + 1])): what
   * a parser thread sends back (io/parallel/).
   */
  keyBytes(): { bytes: Uint8Array; offs: Int32Array; hashes: Int32Array } {
    const n = this.count;
    const offs = this.offs;
    const hashes = this.hashes !== null ? this.hashes.slice(0, n) : new Int32Array(n);
    if (this.hashes === null) for (let i = 0; i < n; i++) hashes[i] = fnvBytes(this.arena, offs[i], offs[i + 1]);
    return { bytes: this.arena.slice(0, offs[n]), offs: offs.slice(0, n + 1), hashes };
  }

  /** The index of the canonical value whose UTF-8 bytes are [s, e), added when new. */
  idOfBytes(buf: Uint8Array, s: number, e: number): number {
    return this.idOfHashedBytes(buf, s, e, fnvBytes(buf, s, e));
  }

  /** `idOfBytes` with the bytes' FNV-1a hash already known (`fnvBytes`). */
  idOfHashedBytes(buf: Uint8Array, s: number, e: number, h: number): number {
    const i = this.find(buf, s, e, h);
    if (i >= 0) return i;
    let high = 0;
    for (let k = s; k < e; k++) high |= buf[k];
    if (high < 0x80) return this.addAscii(buf, s, e, h);
    return this.add(buf, s, e, h, Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString("utf8"));
  }

  /** Whether index i's bytes equal bytes [s, e) of buf. */
  sameBytes(i: number, buf: Uint8Array, s: number, e: number): boolean {
    const o = this.offs[i];
    const len = e - s;
    if (this.offs[i + 1] - o !== len) return false;
    const a = this.arena;
    for (let j = 0; j < len; j++) if (a[o + j] !== buf[s + j]) return false;
    return true;
  }

  private place(entry: number, h: number): void {
    let k = spread(h) & this.mask;
    if (this.inline !== null) while (this.inline[k * INLINE_WORDS] !== 0) k = (k + 1) & this.mask;
    else while (this.slots[k] !== 0) k = (k + 1) & this.mask;
    this.put(k, entry, h);
  }

  /** Write entry (hash h) into free slot k of the table in use. */
  private put(k: number, entry: number, h: number): void {
    const table = this.inline;
    if (table !== null) {
      const q = k * INLINE_WORDS;
      const s = this.offs[entry];
      const e = this.offs[entry + 1];
      table[q] = entry + 1;
      table[q + 1] = word(this.arena, s, e, 0);
      table[q + 2] = word(this.arena, s, e, 4);
      table[q + 3] = word(this.arena, s, e, 8);
    } else this.slots[k] = ((spread(h) >>> ENTRY_BITS) << ENTRY_BITS) | (entry + 1);
  }

  private rehashTo(size: number): void {
    if (this.inline !== null) {
      this.inline = new Int32Array(size * INLINE_WORDS);
      this.slots = new Int32Array(0);
    } else this.slots = new Int32Array(size);
    this.mask = size - 1;
    this.missCount = -1;
    const offs = this.offs;
    for (let e = 0; e < this.count; e++) this.place(e, fnvBytes(this.arena, offs[e], offs[e + 1]));
  }

  private encode(str: string): number {
    const need = str.length * 3;
    if (need > this.scratch.length) this.scratch = Buffer.allocUnsafe(Math.max(need, this.scratch.length * 2));
    return this.scratch.write(str, 0, "utf8");
  }

  /** The index of `s`, or undefined. */
  get(str: string): number | undefined {
    const n = this.encode(str);
    const i = this.find(this.scratch, 0, n, fnvBytes(this.scratch, 0, n));
    return i < 0 ? undefined : i;
  }

  /** The index of `s`, added when new. */
  id(str: string): number {
    const n = this.encode(str);
    const h = fnvBytes(this.scratch, 0, n);
    const i = this.find(this.scratch, 0, n, h);
    return i >= 0 ? i : this.add(this.scratch, 0, n, h, str);
  }
}

/**
 * The UTF-8 bytes behind a frozen list (ByteKeyedDictionary.frozenList) whose every value is its
 * bytes decoded: value i is bytes [offsets[i], offsets[i + 1]), or [i·width, (i + 1)·width) when
 * `offsets` is null.
 */
const LIST_BYTES = new WeakMap<readonly string[], { readonly bytes: Uint8Array; readonly offsets: Int32Array | null; readonly width: number }>();

/**
 * The values of a list of strings as UTF-8 bytes and offsets (value i is bytes [offsets[i],
 * offsets[i + 1])): taken from the bytes a frozen dictionary list already holds, without making
 * a string per value, else encoded value by value.
 * @example utf8Bytes(["ab", "c"]).offsets // Int32Array [0, 2, 3]
 */
export function utf8Bytes(list: readonly string[]): { bytes: Uint8Array; offsets: Int32Array } {
  const known = LIST_BYTES.get(list);
  const n = list.length;
  if (known !== undefined) {
    let offsets = known.offsets;
    if (offsets === null) {
      offsets = new Int32Array(n + 1);
      for (let i = 1; i <= n; i++) offsets[i] = i * known.width;
    }
    return { bytes: known.bytes, offsets };
  }
  const offsets = new Int32Array(n + 1);
  const parts: Buffer[] = [];
  let total = 0;
  let cur = Buffer.allocUnsafe(1 << 20);
  let w = 0;
  for (let i = 0; i < n; i++) {
    const s = list[i];
    if (w + s.length * 3 > cur.length) {
      parts.push(cur.subarray(0, w));
      cur = Buffer.allocUnsafe(Math.max(1 << 20, s.length * 3));
      w = 0;
    }
    const len = cur.write(s, w, "utf8");
    w += len;
    total += len;
    offsets[i + 1] = total;
  }
  parts.push(cur.subarray(0, w));
  return { bytes: Buffer.concat(parts, total), offsets };
}

/** Canonical array index of a property key, or −1. */
function arrayIndex(key: string | symbol): number {
  if (typeof key !== "string" || key.length === 0 || key.length > 10) return -1;
  const c = key.charCodeAt(0);
  if (c < 48 || c > 57 || (c === 48 && key.length > 1)) return -1;
  const i = Number(key);
  return Number.isInteger(i) && String(i) === key ? i : -1;
}

/**
 * A read-only array (Array.isArray is true; indexing, length, iteration, the array methods and
 * equality in tests work) of `length()` strings, each made by `at(i)` when read.
 */
export function lazyStringList(length: () => number, at: (i: number) => string): readonly string[] {
  const target: string[] = [];
  const readOnly = (): boolean => false;
  return new Proxy(target, {
    get(t, key, receiver) {
      if (key === "length") return length();
      const i = arrayIndex(key);
      if (i >= 0) return i < length() ? at(i) : undefined;
      return Reflect.get(t, key, receiver) as unknown;
    },
    has(t, key) {
      const i = arrayIndex(key);
      if (i >= 0) return i < length();
      return Reflect.has(t, key);
    },
    ownKeys(t) {
      const n = length();
      const keys: (string | symbol)[] = new Array<string>(n);
      for (let i = 0; i < n; i++) keys[i] = String(i);
      for (const k of Reflect.ownKeys(t)) keys.push(k);
      return keys;
    },
    getOwnPropertyDescriptor(t, key) {
      if (key === "length") return { value: length(), writable: true, enumerable: false, configurable: false };
      const i = arrayIndex(key);
      if (i >= 0) return i < length() ? { value: at(i), writable: false, enumerable: true, configurable: true } : undefined;
      return Reflect.getOwnPropertyDescriptor(t, key);
    },
    set: readOnly,
    defineProperty: readOnly,
    deleteProperty: readOnly,
  }) as readonly string[];
}

/**
 * A read-only list of `n` strings stored as fixed-width ASCII bytes (string i = bytes
 * [i·width, (i + 1)·width)), built when read: e.g. the pseudonyms of a register import.
 */
export function fixedWidthList(bytes: Uint8Array, width: number, n: number): readonly string[] {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return lazyStringList(() => n, (i) => view.toString("latin1", i * width, (i + 1) * width));
}
