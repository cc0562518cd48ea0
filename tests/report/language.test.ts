/**
 * The report speaks one language: the Danish report has no English words in its visible text, the
 * English report no Danish words in klynge's own text (texts quoted from the intervention files are
 * the users' own and are left out of the English check), and ids are never shown as labels.
 * Always on a small generated dataset with two demo interventions; on the demo dataset with every
 * demo intervention in the slow run (KLYNGE_SLOW_EXAMPLES=1).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateDataset } from "../../src/generate/index.js";
import { buildReport } from "../../src/report/index.js";
import { loadInterventions } from "../../src/spread/index.js";
import { DEMO_INTERVENTIONS, REPO } from "./fixture.js";

/** Words that are English and not Danish. */
const ENGLISH = ["the", "and", "of", "with", "from", "which", "are", "is", "was", "were", "has", "this", "that", "these", "not", "only", "none", "between", "where", "when", "than", "been", "because", "target", "targets", "adopting", "units", "baseline", "missing", "periods", "limits", "points", "phase", "met", "estimate", "cluster", "clusters"];
/** Words that are Danish and not English. */
const DANISH = ["og", "af", "til", "ikke", "på", "er", "det", "som", "fra", "ved", "eller", "efter", "før", "mellem", "hvor", "indlæggelser", "borgere", "andel", "klynger", "ingen", "også", "samt", "mål", "indsatsen"];

/** The text a reader sees: text nodes (HTML and inline SVG) and alt/title texts; script and style left out (vega's generated aria-labels are not checked). */
export function visibleText(html: string): string[] {
  const s = html.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, " ");
  const attrs = [...s.matchAll(/\s(?:alt|title)="([^"]*)"/g)].map((m) => m[1]);
  const text = s.replace(/<[^>]+>/g, "\n");
  const decode = (t: string) => t.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");
  return [...text.split("\n"), ...attrs].map((l) => decode(l).trim()).filter((l) => l !== "");
}

/** Words of a line, file names (charts/x.svg, data/…/y.csv) left out. */
function words(line: string): string[] {
  return line
    .split(/\s+/)
    .filter((w) => !/[/\\]|\.(csv|svg|png|pdf|html|yaml)\b/.test(w))
    .join(" ")
    .toLowerCase()
    .split(/[^a-zæøå_]+/)
    .filter((w) => w !== "");
}

function offending(lines: readonly string[], list: readonly string[]): string[] {
  const set = new Set(list);
  return lines.filter((l) => words(l).some((w) => set.has(w)));
}

/** Strings of the intervention files (their names, descriptions, notes): the users' own text. */
function interventionStrings(dir: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === "string") out.push(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === "object") Object.values(v).forEach(walk);
  };
  walk(loadInterventions(dir).interventions);
  return out.filter((s) => s.length >= 4).sort((a, b) => b.length - a.length);
}

/** Lines that quote the users' own text (a run of 3 words of an intervention file, or the wrapped last words of one) are left out. */
function withoutQuoted(lines: readonly string[], quoted: readonly string[]): string[] {
  const norm = (t: string) => ` ${t.toLowerCase().split(/[^a-zæøå0-9]+/).filter((w) => w !== "").join(" ")} `;
  const corpus = quoted.map(norm).join("|");
  return lines.filter((l) => {
    const n = norm(l);
    const w = n.trim().split(" ");
    // The last one or two words of a quoted text, alone on the line a chart wrapped them onto.
    if (w.length < 3 && n.trim() !== "" && (corpus.includes(`${n}|`) || corpus.endsWith(n))) return false;
    for (let i = 0; i + 3 <= w.length; i++) if (corpus.includes(` ${w.slice(i, i + 3).join(" ")} `)) return false;
    return true;
  });
}

/** Ids of interventions, targets, kernel elements and keys: never a label. */
function ids(dir: string): string[] {
  const out = new Set<string>();
  for (const iv of loadInterventions(dir).interventions) {
    out.add(iv.id);
    for (const t of iv.targets) out.add(t.id);
  }
  return [...out].filter((id) => id.includes("-"));
}

function checkReports(name: string, make: () => Promise<{ dataDir: string; da: string; en: string; root: string }>): void {
  describe(name, () => {
    let r: { dataDir: string; da: string; en: string; root: string };
    beforeAll(async () => {
      r = await make();
    }, 900_000);
    afterAll(() => {
      if (r) rmSync(r.root, { recursive: true, force: true });
    });

    it("the Danish report has no English words in its visible text", () => {
      const lines = visibleText(readFileSync(join(r.da, "report.html"), "utf8"));
      expect(lines.length).toBeGreaterThan(200);
      expect(offending(lines, ENGLISH)).toEqual([]);
    });

    it("the English report has no Danish words in klynge's own text", () => {
      const lines = withoutQuoted(visibleText(readFileSync(join(r.en, "report.html"), "utf8")), interventionStrings(join(r.dataDir, "interventions")));
      expect(offending(lines, DANISH)).toEqual([]);
    });

    it("writes dates in words inside sentences, never YYYY-MM-DD (a table cell may hold one)", () => {
      for (const dir of [r.da, r.en]) {
        const sentences = visibleText(readFileSync(join(dir, "report.html"), "utf8")).filter((l) => l.split(/\s+/).length >= 6);
        expect(sentences.filter((l) => /\b\d{4}-\d{2}-\d{2}\b/.test(l.replace(/\S*\.(csv|svg|png|pdf)\b/g, "")))).toEqual([]);
      }
    });

    it("names an intervention in the report's language: the English name given beside the Danish one in the English report", () => {
      const withEnglish = loadInterventions(join(r.dataDir, "interventions")).interventions.filter((iv) => iv.name_en !== undefined);
      expect(withEnglish.length).toBeGreaterThan(0);
      const da = readFileSync(join(r.da, "report.html"), "utf8");
      const en = readFileSync(join(r.en, "report.html"), "utf8");
      for (const iv of withEnglish) {
        expect(da).toContain(iv.name);
        expect(da).not.toContain(iv.name_en as string);
        expect(en).toContain(iv.name_en as string);
        expect(en).not.toContain(iv.name);
      }
    });

    it("shows no intervention or target id as a label (file names aside)", () => {
      const idList = ids(join(r.dataDir, "interventions"));
      expect(idList.length).toBeGreaterThan(2);
      for (const dir of [r.da, r.en]) {
        const lines = visibleText(readFileSync(join(dir, "report.html"), "utf8")).map((l) => l.split(/\s+/).filter((w) => !/[/\\]|\.(csv|svg|png|pdf)\b/.test(w)).join(" "));
        const shown = lines.filter((l) => idList.some((id) => new RegExp(`(^|[^\\w-])${id}($|[^\\w-])`).test(l)));
        expect(shown).toEqual([]);
      }
    });
  });
}

checkReports("a report on a small generated dataset", async () => {
  const root = mkdtempSync(join(tmpdir(), "klynge-lang-"));
  const dataDir = join(root, "data");
  await generateDataset({ seed: 7, years: [2019, 2021], scale: "region", fraction: 0.02, outDir: dataDir });
  mkdirSync(join(dataDir, "interventions"));
  for (const f of ["frail-elderly-follow-up.yaml", "frail-elderly-coordination.yaml"]) copyFileSync(join(DEMO_INTERVENTIONS, f), join(dataDir, "interventions", f));
  const da = join(root, "da");
  const en = join(root, "en");
  await buildReport(dataDir, { outDir: da, formats: ["svg"], lang: "da" });
  await buildReport(dataDir, { outDir: en, formats: ["svg"], lang: "en" });
  return { dataDir, da, en, root };
});

const demo = join(REPO, "data", "demo");
if (process.env.KLYNGE_SLOW_EXAMPLES === "1" && existsSync(join(demo, "interventions")) && readdirSync(join(demo, "interventions")).length > 0) {
  checkReports("the demo report (slow)", async () => {
    const root = mkdtempSync(join(tmpdir(), "klynge-lang-demo-"));
    const da = join(root, "da");
    const en = join(root, "en");
    await buildReport(demo, { outDir: da, formats: ["svg"], lang: "da" });
    await buildReport(demo, { outDir: en, formats: ["svg"], lang: "en" });
    return { dataDir: demo, da, en, root };
  });
}
