/** Small helpers for the CLI's options: parse, check and explain (texts in cliMessages.ts). */

import { parsePeriod, type Period } from "../contract/period.js";
import { existsSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;
/** What parseCommandArgs returns: parseArgs' result for these options. */
export type ParsedCommand<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: boolean; strict: true }>>;
import { parseAgeGroup } from "../indicators/ageGroup.js";
import { MAX_WORKERS } from "../io/parallel/workerCount.js";
import { cliText, type CliParams, type CliTextKey } from "./cliMessages.js";

/** A usage error: the command line is wrong (exit 2). The text is looked up in the user's language. */
export class UsageError extends Error {
  constructor(
    readonly key: CliTextKey,
    readonly params: CliParams = {},
  ) {
    super(cliText("en", key, params));
    this.name = "UsageError";
  }
}

/** The user's language for the CLI's messages (one rule for the whole CLI: io/safetyMessages.ts). */
export { cliLang } from "../io/safetyMessages.js";

/** Edit distance (Levenshtein) of two short words. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

/** The closest of `known` to `word` when it is close enough to be a typo, else undefined. */
export function closest(word: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = distance(word.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return best !== undefined && bestD <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

/**
 * node:util parseArgs with its errors turned into one clear usage line: an unknown option with the
 * closest known one, an option without its value, a stray argument.
 */
export function parseCommandArgs<O extends Options>(argv: readonly string[], options: O, allowPositionals: boolean): ParsedCommand<O> {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const message = (err as Error).message;
    const names = Object.keys(options).map((k) => `--${k}`);
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const found = /'(-[^']*)'/.exec(message)?.[1] ?? argv.find((a) => a.startsWith("-") && !names.includes(a.split("=")[0])) ?? "";
      const word = found.split("=")[0];
      const suggestion = closest(word, names);
      throw new UsageError("unknownOption", { found: word, ...(suggestion ? { suggestion } : {}) });
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const option = /--[a-z0-9-]+/.exec(message)?.[0] ?? "";
      const o = options[option.slice(2)];
      if (o?.type === "boolean") throw new UsageError("noValueAllowed", { option });
      throw new UsageError("missingValue", { option });
    }
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      const found = /'([^']*)'/.exec(message)?.[1] ?? "";
      throw new UsageError("extraArgument", { found });
    }
    throw err;
  }
}

/** A year range "2016-2023" (or a single year) as [from, to]. */
export function parseYears(text: string): [number, number] {
  const ends = text.trim().split("-").map(parsePeriod);
  if (ends.length > 2 || ends.some((p) => p === null || p.kind !== "year")) throw new UsageError("yearsFormat", { found: text });
  const from = (ends[0] as Period).year;
  const to = (ends[ends.length - 1] as Period).year;
  if (to < from) throw new UsageError("yearsOrder", { found: text.trim(), from, to });
  return [from, to];
}

export function parseInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (text.trim() === "" || !Number.isInteger(n)) throw new UsageError("wholeNumber", { option: name, found: text });
  return n;
}

/**
 * --workers: the threads that parse admissions.csv, a whole number from 1 to MAX_WORKERS.
 * @example parseWorkers("2") // 2
 */
export function parseWorkers(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === "" || !Number.isInteger(n) || n < 1 || n > MAX_WORKERS) throw new UsageError("workers", { found: text, max: String(MAX_WORKERS) });
  return n;
}

export function parseNumber(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (text.trim() === "" || !Number.isFinite(n)) throw new UsageError("number", { option: name, found: text });
  return n;
}

export function oneOf<T extends string>(name: string, text: string | undefined, allowed: readonly T[], fallback: T): T {
  if (text === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(text)) {
    const suggestion = closest(text, allowed);
    throw new UsageError("oneOf", { option: name, allowed: allowed.join(", "), found: text, ...(suggestion ? { suggestion } : {}) });
  }
  return text as T;
}

/** --group "all,0-2,65+": each checked as an age group. */
export function parseGroups(text: string): string[] {
  const groups = text.split(",").map((g) => g.trim()).filter(Boolean);
  for (const g of groups) {
    try {
      parseAgeGroup(g);
    } catch {
      throw new UsageError("group", { found: g });
    }
  }
  return groups;
}

/** An output path whose folder must already exist (klynge does not create folders nobody asked for). */
export function requireOutFolder(out: string): void {
  const folder = dirname(resolve(out));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError("outFolderMissing", { found: out, folder: dirname(out) });
}

/**
 * `--practice-change "HE Midt=2019-03-01",…` → the dated changes of registration practice
 * (hospital=YYYY-MM-DD), undefined when absent.
 */
export function parsePracticeChanges(text: string | undefined): { hospital: string; from: string }[] | undefined {
  if (text === undefined) return undefined;
  const out: { hospital: string; from: string }[] = [];
  for (const pair of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^(.+?)\s*=\s*(\d{4})-(\d{2})-(\d{2})$/.exec(pair);
    const month = m ? Number(m[3]) : 0;
    const day = m ? Number(m[4]) : 0;
    if (!m || month < 1 || month > 12 || day < 1 || day > 31) throw new UsageError("practiceChange", { found: pair });
    out.push({ hospital: m[1], from: `${m[2]}-${m[3]}-${m[4]}` });
  }
  return out;
}

/** `--pool 741=751,…` → { "741": "751", … } (member=host municipality codes), undefined when absent. */
export function parsePool(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const pair of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d{1,4})=(\d{1,4})$/.exec(pair);
    if (!m) throw new UsageError("pool", { found: pair });
    out[m[1]] = m[2];
  }
  return out;
}
