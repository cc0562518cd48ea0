/**
 * Seed 002 asks "Hvor henvises målgruppen fra – almen praksis, plejecenter?". Municipal care
 * status (care_status.csv) answers the "plejecenter?" part also on an extract with no referral
 * source, so each focus-area section shows it under question 2, or says it is not given (issue 17).
 */
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/io/loadDataset.js";
import { prepareReportData } from "../../src/report/prepareReportData.js";
import { reportSections } from "../../src/report/reportSections.js";
import type { ReportSection } from "../../src/report/reportTypes.js";

const CONTRACT = join(__dirname, "..", "..", "data", "samples", "lpr3-a", "contract");

async function areaSections(care: string | null, lang: "da" | "en" = "da"): Promise<ReportSection[]> {
  const dir = mkdtempSync(join(tmpdir(), "klynge-area-care-"));
  for (const f of ["admissions.csv", "population.csv"]) copyFileSync(join(CONTRACT, f), join(dir, f));
  if (care !== null) writeFileSync(join(dir, "care_status.csv"), care);
  const data = prepareReportData(await loadDataset(dir), { lang, minCount: 0 });
  return reportSections(data, { lang, minCount: 0 }).filter((s) => s.id.startsWith("sec-area-"));
}

/** Position of the question heading "n. …" among a section's items. */
const headingAt = (s: ReportSection, n: number): number => s.items.findIndex((i) => i.kind === "text" && i.paragraphs[0].startsWith(`${n}. `));

describe("care status answers 'plejecenter?' under question 2 of each focus area", () => {
  it("given: the table sits between questions 2 and 3, with the note saying what it answers", async () => {
    const sections = await areaSections("patient_id,status,from,to\nka7mq2xr9t,home_care,2020-11-03,\n");
    expect(sections.length).toBe(4);
    for (const s of sections) {
      const at = s.items.findIndex((i) => i.kind === "table" && i.id.startsWith("who-care-"));
      expect(at, s.id).toBeGreaterThan(headingAt(s, 2));
      expect(at, s.id).toBeLessThan(headingAt(s, 3));
      const item = s.items[at];
      expect(item.kind === "table" ? item.notes : []).toContain(
        "Borgerens kommunale pleje på indlæggelsesdagen (care_status.csv): om indlæggelsen kom fra et plejehjem eller fra eget hjem med hjemmepleje — også når udtrækket ikke har en henvisningskilde.",
      );
    }
    // the 0–2 child of the sample has home care from birth: every admission of hers in the category
    const child = sections.find((s) => s.id === "sec-area-0-2")!;
    const table = child.items.find((i) => i.kind === "table" && i.id === "who-care-0-2");
    const rows = table?.kind === "table" ? table.table.rows : [];
    expect(rows.find((r) => r.label === "Hjemmepleje")?.count).toBeGreaterThan(0);
  });

  it("not given: question 2 says so, in English too", async () => {
    for (const [lang, text] of [
      ["da", "Plejehjem og hjemmepleje: ikke opgjort"],
      ["en", "Nursing home and home care: not counted"],
    ] as const) {
      for (const s of await areaSections(null, lang)) {
        const at = s.items.findIndex((i) => i.kind === "text" && i.paragraphs[0].startsWith(text));
        expect(at, s.id).toBeGreaterThan(headingAt(s, 2));
        expect(at, s.id).toBeLessThan(headingAt(s, 3));
      }
    }
  });
});
