/**
 * The optional input adverse_events.csv (UTH by unit and year, issue 17): validated like the rest
 * of the contract (file, line, column, expected, found; every problem in one pass), used beside the
 * readmissions when present, and said to be absent when not given.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeIndicators } from "../../src/indicators/computeIndicators.js";
import { loadDataset } from "../../src/io/loadDataset.js";

const CONTRACT = join(__dirname, "..", "..", "data", "samples", "lpr3-a", "contract");
function folder(adverse: string | null): string {
  const dir = mkdtempSync(join(tmpdir(), "klynge-uth-"));
  for (const f of ["admissions.csv", "population.csv"]) copyFileSync(join(CONTRACT, f), join(dir, f));
  if (adverse !== null) writeFileSync(join(dir, "adverse_events.csv"), adverse);
  return dir;
}

describe("adverse_events.csv", () => {
  it("bad rows: each problem names file, line, column, expected and found, all in one pass", async () => {
    const ds = await loadDataset(folder("year,hospital_unit,cluster,events\n2021,Regionshospitalet Horsens,,7\n2021,Nowhere Hospital,,3\n2021,,,2\n20x1,,Midt,1\n2021,,Nord,4\n2021,,Vest,-1\n"));
    const t = ds.report.tables.find((x) => x.file === "adverse_events.csv");
    expect([t?.rowsRead, t?.rowsAccepted, t?.rowsRejected]).toEqual([6, 1, 5]);
    const msgs = ds.report.problems.filter((p) => p.file === "adverse_events.csv").map((p) => `${p.line}|${p.column}|${p.message}`);
    expect(msgs).toEqual([
      '3|hospital_unit|adverse_events.csv:3: hospital_unit "Nowhere Hospital" is not a hospital_unit of the geography',
      "4|hospital_unit|adverse_events.csv:4: neither hospital_unit nor cluster is given",
      expect.stringMatching(/^5\|year\|adverse_events\.csv:5: .*"20x1".*a year YYYY/),
      '6|cluster|adverse_events.csv:6: cluster "Nord" is not in the geography',
      expect.stringMatching(/^7\|events\|adverse_events\.csv:7: events "-1" is negative/),
    ]);
  });

  it("present: UTH by cluster (a hospital unit's cluster from the geography) and the region, suppressed like every count", async () => {
    const ds = await loadDataset(folder("year,hospital_unit,cluster,events\n2021,Regionshospitalet Horsens,,7\n2021,,Horsens,5\n2021,,Midt,9\n2021,,Vest,2\n"));
    const rows = computeIndicators(ds, { indicators: ["questions"], groups: ["all"], sexes: ["all"] });
    const get = (unit: string) => rows.find((r) => r.indicator === "adverse_events" && r.unit === unit && r.period === "2021");
    // Horsens 7 + 5 = 12; Midt 9; Vest 2 (below 5: hidden) and so one more hidden to protect it
    expect(get("Horsens")?.numerator).toBe(12);
    expect(get("Vest")?.suppressed).toBe(true);
    const hidden = rows.filter((r) => r.indicator === "adverse_events" && r.period === "2021" && r.level === "cluster" && r.suppressed);
    expect(hidden.length).toBeGreaterThanOrEqual(2);
  });

  it("absent: a row per year says it is not given, and the load report lists the file as not present", async () => {
    const ds = await loadDataset(folder(null));
    expect(ds.report.tables.find((x) => x.file === "adverse_events.csv")?.present).toBe(false);
    const rows = computeIndicators(ds, { indicators: ["questions"], groups: ["all"], sexes: ["all"], minCount: 0 });
    const notes = rows.filter((r) => r.indicator === "adverse_events");
    expect(notes.length).toBeGreaterThan(0);
    for (const r of notes) {
      expect(r.numerator).toBeNull();
      expect(r.note).toBe("ikke opgjort: adverse_events.csv er ikke givet");
    }
  });
});

describe("care_status.csv", () => {
  it("validated like the contract (every problem in one pass) and joined to the patients", async () => {
    const dir = folder(null);
    writeFileSync(
      join(dir, "care_status.csv"),
      "patient_id,status,from,to\nka7mq2xr9t,plejehjem,2020-12-01,\nka7mq2xr9t,hjemmepleje,2021-02-01,2021-01-01\nnobody,home_care,2021-01-01,\nka7mq2xr9t,hospice,2021-01-01,\n",
    );
    const ds = await loadDataset(dir);
    const t = ds.report.tables.find((x) => x.file === "care_status.csv");
    expect([t?.rowsRead, t?.rowsAccepted, t?.rowsRejected]).toEqual([4, 2, 2]);
    const msgs = ds.report.problems.filter((p) => p.file === "care_status.csv").map((p) => `${p.line}|${p.column}|${p.message}`);
    expect(msgs).toEqual([
      '3|to|care_status.csv:3: to "2021-01-01" is before from "2021-02-01"',
      expect.stringMatching(/^5\|status\|care_status\.csv:5: .*"hospice".*nursing_home or home_care/),
    ]);
    // the patient with no contact is counted apart; the nursing-home period is kept
    expect(ds.careStatus?.unmatched).toBe(1);
    expect(Array.from(ds.careStatus?.status ?? [])).toEqual([1]);
  });
});

describe("the dataset cache keeps the optional inputs", () => {
  it("a dataset read back from the cache has the same UTH rows and care periods; a new file is not served stale", async () => {
    const dir = folder("year,hospital_unit,cluster,events\n2021,,Midt,9\n");
    writeFileSync(join(dir, "care_status.csv"), "patient_id,status,from,to\nka7mq2xr9t,plejehjem,2020-12-01,\n");
    const cacheDir = mkdtempSync(join(tmpdir(), "klynge-uth-cache-"));
    const first = await loadDataset(dir, { cache: true, cacheDir });
    expect(first.report.cache?.status).toBe("written");
    const second = await loadDataset(dir, { cache: true, cacheDir });
    expect(second.report.cache?.status).toBe("read");
    expect(second.adverseEvents).toEqual(first.adverseEvents);
    expect(Array.from(second.careStatus?.status ?? [])).toEqual([1]);
    expect(second.careStatus?.from[0]).toBe(first.careStatus?.from[0]);
    // a changed input file is read again
    writeFileSync(join(dir, "adverse_events.csv"), "year,hospital_unit,cluster,events\n2021,,Midt,11\n");
    const third = await loadDataset(dir, { cache: true, cacheDir });
    expect(third.report.cache?.status).not.toBe("read");
    expect(third.adverseEvents?.[0].events).toBe(11);
  });
});
