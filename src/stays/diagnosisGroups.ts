/**
 * Diagnosis groups as data: a group is a set of ICD-10 code prefixes (or prefix ranges such as
 * "C00-D09"). Groups are read from CSV files under data/diagnosis-groups/ (columns group,
 * label_da, label_en, code_prefix; one row per prefix) so that code lists can be corrected
 * without a code change (danish-context.md).
 */
import { existsSync, readFileSync } from "node:fs";
import { staysMessages } from "./messages.js";

export interface DiagnosisGroup {
  readonly group: string;
  readonly label_da?: string;
  readonly label_en?: string;
  /** Population group the group applies to (e.g. "65+"), when the file gives one. */
  readonly age_group?: string;
  /** Normalised prefixes ("J18", "C") or ranges ("C00-D09"). */
  readonly prefixes: readonly string[];
}

/**
 * Normalise a diagnosis code or prefix the way the contract normalises codes: upper case, no dot,
 * no spaces, and no leading SKS "D" when a letter follows it (DJ189 → J189; D05 stays D05).
 */
export function normaliseDiagnosisCode(code: string): string {
  let c = code.trim().toUpperCase().replace(/[.\s]/g, "");
  if (c.length >= 2 && c[0] === "D" && c[1] >= "A" && c[1] <= "Z") c = c.slice(1);
  return c;
}

function normalisePrefix(p: string): string {
  const dash = p.indexOf("-");
  if (dash > 0) return `${normaliseDiagnosisCode(p.slice(0, dash))}-${normaliseDiagnosisCode(p.slice(dash + 1))}`;
  return normaliseDiagnosisCode(p);
}

/** True when a normalised code matches a normalised prefix or prefix range. */
export function codeMatchesPrefix(code: string, prefix: string): boolean {
  const dash = prefix.indexOf("-");
  if (dash < 0) return code.startsWith(prefix);
  const lo = prefix.slice(0, dash);
  const hi = prefix.slice(dash + 1);
  return code.slice(0, lo.length) >= lo && code.slice(0, hi.length) <= hi;
}

function splitCsvLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim());
}

/**
 * Parse diagnosis-group CSV text: one row per (group, prefix); rows of one group are gathered.
 * Accepts `,` or `;`, a BOM, and `#` comment lines. A code_prefix cell may hold several prefixes
 * separated by `|` or spaces.
 * @example parseDiagnosisGroups("group,label_da,label_en,code_prefix\ncancer,Kræft,Cancer,C00-D09")
 */
export function parseDiagnosisGroups(text: string, source = "diagnosis groups"): DiagnosisGroup[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim() !== "" && !l.startsWith("#"));
  if (lines.length === 0) return [];
  const delimiter = lines[0].includes(";") && !lines[0].includes(",") ? ";" : ",";
  const header = splitCsvLine(lines[0], delimiter).map((h) => h.toLowerCase());
  const gi = header.findIndex((h) => h === "group" || h === "group_id" || h === "id");
  const pi = header.findIndex((h) => h === "code_prefix" || h === "prefix" || h === "code" || h === "codes");
  if (gi < 0 || pi < 0) throw new Error(staysMessages.groupFileColumns(source, header.join(",")));
  const da = header.indexOf("label_da");
  const en = header.indexOf("label_en");
  const ag = header.findIndex((h) => h === "age_group" || h === "population_group");
  const byGroup = new Map<string, { label_da?: string; label_en?: string; age_group?: string; prefixes: string[] }>();
  for (let r = 1; r < lines.length; r++) {
    let cells = splitCsvLine(lines[r], delimiter);
    if (cells.length > header.length) {
      // An unquoted delimiter inside a label: keep the first cells and take the rest from the end.
      const extra = cells.length - header.length;
      const firstLabel = Math.min(...[da, en].filter((i) => i >= 0), header.length);
      cells = [...cells.slice(0, firstLabel), ...new Array<string>(header.length - firstLabel).fill("")];
      const tail = splitCsvLine(lines[r], delimiter).slice(firstLabel + extra);
      for (let k = 0; k < tail.length; k++) if (header[firstLabel + k] !== "label_da" && header[firstLabel + k] !== "label_en") cells[firstLabel + k] = tail[k];
    }
    const g = cells[gi];
    if (!g) continue;
    let entry = byGroup.get(g);
    if (!entry) {
      entry = { prefixes: [] };
      if (da >= 0 && cells[da]) entry.label_da = cells[da];
      if (en >= 0 && cells[en]) entry.label_en = cells[en];
      if (ag >= 0 && cells[ag]) entry.age_group = cells[ag];
      byGroup.set(g, entry);
    }
    for (const p of (cells[pi] ?? "").split(/[|\s]+/)) if (p) entry.prefixes.push(normalisePrefix(p));
  }
  return [...byGroup].map(([group, e]) => ({ group, ...e }));
}

/**
 * Read a diagnosis-group CSV file. @throws Error naming the file when it is missing or malformed.
 * @example const exclusions = readDiagnosisGroups("my-exclusions.csv")
 */
export function readDiagnosisGroups(path: string): DiagnosisGroup[] {
  if (!existsSync(path)) throw new Error(staysMessages.groupFileMissing(path));
  return parseDiagnosisGroups(readFileSync(path, "utf8"), path);
}

/** Groups from plain prefix lists, e.g. `{ cancer: ["C", "D00-D09"] }`. */
export function groupsFromPrefixes(lists: Readonly<Record<string, readonly string[]>>): DiagnosisGroup[] {
  return Object.entries(lists).map(([group, prefixes]) => ({ group, prefixes: prefixes.map(normalisePrefix) }));
}

/**
 * For each entry of a diagnosis dictionary, the index of the first group that matches it, or −1.
 * One pass over the dictionary (not the contacts), so testing a contact is one array read.
 */
export function groupIndexByDiagnosis(diagnoses: readonly string[], groups: readonly DiagnosisGroup[]): Int16Array {
  const out = new Int16Array(diagnoses.length).fill(-1);
  for (let d = 0; d < diagnoses.length; d++) {
    const code = normaliseDiagnosisCode(diagnoses[d]);
    for (let g = 0; g < groups.length && out[d] < 0; g++) {
      for (const p of groups[g].prefixes) {
        if (codeMatchesPrefix(code, p)) {
          out[d] = g;
          break;
        }
      }
    }
  }
  return out;
}
