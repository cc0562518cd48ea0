import { describe, expect, it } from "vitest";
import { ByteKeyedDictionary, utf8Bytes } from "../../src/io/dictionary.js";
import { seededPermutation } from "./helpers.js";

/** A deterministic stream of pseudo-random numbers in [0, 1). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

const ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

function randomId(next: () => number, length: number): string {
  let id = "";
  for (let i = 0; i < length; i++) id += ALPHABET[Math.floor(next() * ALPHABET.length)];
  return id;
}

describe("ByteKeyedDictionary", () => {
  it("finds ids of one width, and ids of another width added later, as a Map of strings does", () => {
    const next = lcg(7);
    const dict = new ByteKeyedDictionary();
    const expected = new Map<string, number>();
    const look = (id: string): number => {
      const bytes = Buffer.from(`,${id},`, "utf8");
      return dict.idOfBytes(bytes, 1, bytes.length - 1);
    };
    // 20,000 lookups of 8-character ids (most of them repeats), then ids of 3 to 12 characters
    // mixed in: the table has grown through several rehashes with values of one width first.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 20_000; i++) {
        const id = round === 0 ? randomId(next, 8).slice(0, 3) + "00000" : randomId(next, 3 + Math.floor(next() * 10));
        const want = expected.get(id) ?? expected.size;
        if (!expected.has(id)) expected.set(id, want);
        expect(look(id)).toBe(want);
      }
    }
    expect(dict.size).toBe(expected.size);
    // every value is found again with its index, and read back from its bytes
    for (const [id, index] of expected) {
      expect(dict.get(id)).toBe(index);
      expect(dict.list[index]).toBe(id);
    }
  });

  it("finds ids of one width held in the table's slots (up to 12 bytes) and beyond it, told apart by any byte", () => {
    // 12 bytes: the widest held in the slots (three full words); 13: the table of entries and tags.
    // The ids share all bytes but the last, or all but the first, with many others.
    for (const width of [1, 4, 5, 12, 13, 20]) {
      const next = lcg(width);
      const pick = () => ALPHABET[Math.floor(next() * ALPHABET.length)];
      const stems = Array.from({ length: 40 }, () => randomId(next, width - 1));
      const dict = new ByteKeyedDictionary();
      dict.reserve(1000);
      const expected = new Map<string, number>();
      const seen: string[] = [];
      for (let i = 0; i < 6000; i++) {
        const stem = stems[Math.floor(next() * stems.length)];
        const id = i % 2 === 0 ? stem + pick() : pick() + stem;
        if (!expected.has(id)) {
          expected.set(id, expected.size);
          seen.push(id);
        }
        const bytes = Buffer.from(`;${id};`, "utf8");
        expect(dict.idOfBytes(bytes, 1, bytes.length - 1)).toBe(expected.get(id));
        const again = seen[Math.floor(next() * seen.length)];
        expect(dict.get(again)).toBe(expected.get(again));
      }
      expect(dict.size).toBe(expected.size);
      expect(dict.size).toBeGreaterThan(width === 1 ? 30 : 1000);
      expect([...dict.frozenList()]).toEqual(seen);
    }
  });

  it("does not take a shorter or longer id for one of the fixed width that it starts or ends", () => {
    const dict = new ByteKeyedDictionary();
    expect(dict.id("p0001234")).toBe(0);
    expect(dict.id("p0004321")).toBe(1);
    // other lengths while every value so far has 8 bytes: not present
    expect(dict.get("p000123")).toBeUndefined();
    expect(dict.get("p00012345")).toBeUndefined();
    expect(dict.id("p000123")).toBe(2);
    // now of mixed widths: each found by its own bytes only
    expect(dict.get("p0001234")).toBe(0);
    expect(dict.get("p000123")).toBe(2);
    expect(dict.get("p00012345")).toBeUndefined();
    expect(dict.id("p00012345")).toBe(3);
    expect([...dict.frozenList()]).toEqual(["p0001234", "p0004321", "p000123", "p00012345"]);
  });

  it("gives a frozen list's values as the UTF-8 bytes it holds, the same as encoding them one by one", () => {
    const encoded = (list: readonly string[]) => {
      const parts = list.map((v) => Buffer.from(v, "utf8"));
      const offsets = new Int32Array(list.length + 1);
      parts.forEach((b, i) => (offsets[i + 1] = offsets[i] + b.length));
      return { bytes: [...Buffer.concat(parts)], offsets: [...offsets] };
    };
    const same = (list: readonly string[]) => {
      const got = utf8Bytes(list);
      expect({ bytes: [...got.bytes], offsets: [...got.offsets] }).toEqual(encoded(list));
    };
    const fixed = new ByteKeyedDictionary();
    for (const id of ["p0001234", "p0004321", "æøå12"]) fixed.id(id); // "æøå12" is 8 UTF-8 bytes too
    same(fixed.frozenList());
    const mixed = new ByteKeyedDictionary();
    for (const id of ["a", "bcd", "ef", "Ærø"]) mixed.id(id);
    same(mixed.frozenList());
    // a lone surrogate has no UTF-8 form that gives it back: encoded from the strings instead
    const odd = new ByteKeyedDictionary();
    for (const id of ["ab", "c\uD800", "de"]) odd.id(id);
    same(odd.frozenList());
    same(["plain", "array"]);
  });
});

describe("ByteKeyedDictionary.renumber (the loader's patient numbering, io/patientsByMunicipality)", () => {
  // Three tables of the dictionary: one width ≤ 12 bytes (ids held in the slots), one width above
  // it, mixed widths (tags and entries) — each with a value whose bytes do not decode back to it.
  const cases: [string, (i: number) => string][] = [
    ["one width, held in the slots", (i) => `P${String(i).padStart(8, "0")}`],
    ["one long width", (i) => `pseudonym-${String(i).padStart(10, "0")}`],
    ["mixed widths", (i) => `id${i}`],
  ];
  for (const [name, id] of cases) {
    it(`renumbers the patient dictionary in place (${name}): look-ups, values and later additions follow`, () => {
      const n = 3000;
      const d = new ByteKeyedDictionary();
      const values = Array.from({ length: n }, (_, i) => id(i));
      for (const v of values) d.id(v);
      const newIndex = Int32Array.from(seededPermutation(n, 7));
      d.renumber(newIndex);
      expect(d.size).toBe(n);
      const list = d.frozenList();
      for (let i = 0; i < n; i++) {
        expect(d.get(values[i])).toBe(newIndex[i]);
        expect(d.valueOf(newIndex[i])).toBe(values[i]);
        expect(list[newIndex[i]]).toBe(values[i]);
      }
      // a value added afterwards takes the next index; an old one is found, not added again
      expect(d.id("new-value")).toBe(n);
      expect(d.id(values[5])).toBe(newIndex[5]);
      expect(d.get("never-seen")).toBeUndefined();
    });
  }

  it("keeps a value whose UTF-8 bytes do not decode back to it (a lone surrogate) with its new index", () => {
    const d = new ByteKeyedDictionary();
    const odd = "x\uD800y";
    for (const v of ["a", odd, "b"]) d.id(v);
    d.renumber(Int32Array.from([2, 0, 1]));
    expect(d.valueOf(0)).toBe(odd);
    expect(d.get("a")).toBe(2);
    expect(d.get("b")).toBe(1);
    expect(() => d.renumber(Int32Array.from([0, 1]))).toThrow(RangeError);
  });
});
