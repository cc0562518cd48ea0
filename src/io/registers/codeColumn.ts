/**
 * A code column of a register file at run time: each distinct value (its trimmed bytes) is
 * resolved once — the preset's documented meaning, else the user's mapping, else "no mapping" —
 * and counted every time it is met, so the load report can list every value, its count and what
 * it became (docs/registers.md "Rows that are not imported").
 */

import type { CodeCount } from "../../contract/dataset.js";
import { safeValue } from "../../contract/personNumber.js";
import { ByteDictionary, fnvBytes } from "../dictionary.js";
import { DROP, UNMAPPED } from "./registerPreset.js";
import type { CodeRule } from "./registerPreset.js";

/** The user's mappings: column → value → target name (e.g. { kont_type: { ALCA10: "keep" } }). */
export type CodeMap = Readonly<Record<string, Readonly<Record<string, string>>>>;

export class CodeColumn {
  private readonly dict = new ByteDictionary();
  private counts = new Int32Array(16);
  private readonly values: string[] = [];
  private readonly mapped: (string | null)[] = [];
  private readonly notes: (string | undefined)[] = [];
  private readonly user: ReadonlyMap<string, string>;

  /**
   * @param column the column's name in messages (e.g. "prioritet")
   * @param userMap the user's mapping of this column, values compared in upper case
   */
  constructor(
    readonly column: string,
    readonly rule: CodeRule,
    userMap: Readonly<Record<string, string>> | undefined,
  ) {
    const m = new Map<string, string>();
    for (const [k, v] of Object.entries(userMap ?? {})) m.set(k.trim().toUpperCase(), v);
    this.user = m;
  }

  /** The entry of the value in [s, e) (trimmed by the caller), added and resolved when new; counted. */
  entry(buf: Uint8Array, s: number, e: number): number {
    // Most rows repeat the previous row's value: compare with it before hashing.
    const last = this.last;
    if (last >= 0 && this.dict.sameBytes(last, buf, s, e)) {
      this.counts[last]++;
      return last;
    }
    const i = this.lookup(buf, s, e);
    this.last = i;
    return i;
  }

  private last = -1;

  private lookup(buf: Uint8Array, s: number, e: number): number {
    const h = fnvBytes(buf, s, e);
    let i = this.dict.find(buf, s, e, h);
    if (i < 0) {
      const text = Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString("utf8");
      const [code, name, note] = this.resolve(text);
      i = this.dict.add(buf, s, e, h, code);
      this.values[i] = text;
      this.mapped[i] = name;
      this.notes[i] = note;
      if (i >= this.counts.length) {
        const c = new Int32Array(this.counts.length * 2);
        c.set(this.counts);
        this.counts = c;
      }
    }
    this.counts[i]++;
    return i;
  }

  /** The numeric target of an entry: a target code, DROP or UNMAPPED. */
  code(entry: number): number {
    return this.dict.val[entry];
  }

  /** The value of an entry as found. */
  value(entry: number): string {
    return this.values[entry];
  }

  private resolve(text: string): [number, string | null, string | undefined] {
    const key = text.toUpperCase();
    const own = this.user.get(key);
    if (own !== undefined) return [Object.hasOwn(this.rule.targets, own) ? this.rule.targets[own] : UNMAPPED, own, "mapped by the user"];
    // Own properties only: a value such as "constructor" or "__proto__" must not find Object.prototype's.
    const k = Object.hasOwn(this.rule.known, key) ? this.rule.known[key] : undefined;
    if (k !== undefined) {
      const to = typeof k === "string" ? k : k.to;
      const note = typeof k === "string" ? undefined : k.note;
      return [Object.hasOwn(this.rule.targets, to) ? this.rule.targets[to] : UNMAPPED, to, note];
    }
    return [UNMAPPED, null, this.rule.unmappedNote];
  }

  /** Every value met, with its count and mapping, most frequent first. */
  report(): CodeCount[] {
    const out: CodeCount[] = [];
    for (let i = 0; i < this.dict.count; i++) {
      const note = this.notes[i];
      out.push({ column: this.column, value: this.values[i], count: this.counts[i], mappedTo: this.mapped[i], ...(note === undefined ? {} : { note }) });
    }
    return out.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  }
}

/** Check the user's mappings against the rules before reading: unknown targets are errors. */
export function checkCodeMap(map: CodeMap, rules: ReadonlyMap<string, CodeRule>): string[] {
  const problems: string[] = [];
  for (const [column, values] of Object.entries(map)) {
    const rule = rules.get(column.toLowerCase());
    if (rule === undefined) {
      problems.push(`--map ${column}: not a mapped column of this format (mapped columns: ${[...rules.keys()].join(", ")})`);
      continue;
    }
    for (const [value, target] of Object.entries(values)) {
      if (!Object.hasOwn(rule.targets, target)) {
        problems.push(`--map ${column}.${safeValue(value)}=${safeValue(target)}: expected one of ${Object.keys(rule.targets).join(", ")}`);
      }
    }
  }
  return problems;
}

export { DROP, UNMAPPED };
