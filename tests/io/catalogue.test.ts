/** The message catalogue: every code is produced by some bad input, and the rest of the texts word for word. */

import { readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/io/loadDataset.js";
import { MESSAGES } from "../../src/io/messages.js";
import { FREE_DECOMPRESSED_BYTES, MAX_LINE_BYTES } from "../../src/io/chunks.js";
import { ADM_HEADER, admLine, admRow, cprShaped, makeDataset, populationCsv } from "./helpers.js";

async function problemsOf(files: Record<string, string | Buffer>, options = {}) {
  const ds = await loadDataset(makeDataset(files), { maxProblemsPerCode: 1000, ...options });
  return ds.report.problems;
}

describe("message catalogue", () => {
  it("a corrupt .csv.gz: unreadable, rows read so far kept and counted", async () => {
    const dir = makeDataset({ "admissions.csv.gz": [ADM_HEADER, admLine(admRow())].join("\n") + "\n", "population.csv": populationCsv() });
    const p = join(dir, "admissions.csv.gz");
    const b = readFileSync(p);
    writeFileSync(p, b.subarray(0, b.length - 12)); // cut the gzip trailer and some data
    const ds = await loadDataset(dir);
    const m = ds.report.problems.map((x) => x.message);
    expect(m).toHaveLength(1);
    expect(m[0]).toMatch(/^admissions\.csv\.gz: the file could not be read \(.+\); rows after line \d+ were not read$/);
    const t = ds.report.tables[0];
    expect(t.rowsRead).toBe(t.rowsAccepted + t.rowsRejected + t.duplicates);
  });

  it("no usable geography", async () => {
    const ds = await loadDataset(makeDataset({ "admissions.csv": ADM_HEADER + "\n", "population.csv": populationCsv() }), { geography: [] });
    expect(ds.report.problems.map((x) => x.message)).toEqual(["geography (option): no usable geography (no valid rows); municipalities cannot be checked"]);
  });

  it("year and count texts", async () => {
    const probs = await problemsOf({
      "admissions.csv": ADM_HEADER + "\n",
      "population.csv": "year,municipality_code,sex,age,count\n19,751,F,0,1\n2019,751,F,1,1.5\n",
    });
    expect(probs.filter((p) => p.severity === "error").map((p) => p.message)).toEqual([
      'population.csv:2: year "19" is not a year YYYY',
      'population.csv:3: count "1.5" is not a whole number >= 0',
    ]);
  });

  it("every code of the catalogue is produced by some input", async () => {
    const seen = new Set<string>();
    const add = (ps: readonly { code: string }[]) => ps.forEach((p) => seen.add(p.code));
    add(
      await problemsOf({
        "admissions.csv": [
          ADM_HEADER,
          admLine(admRow({ patient_id: "", birth_date: "x", sex: "x", municipality_code: "x", admitted_at: "x", admission_type: "x", contact_type: "x", primary_diagnosis: "x", referral_source: "x", cost_dkk: "x" })),
          admLine(admRow({ cost_dkk: "-1" })),
          admLine(admRow({ patient_id: cprShaped(true) })),
          admLine(admRow({ municipality_code: "101" })),
          admLine(admRow({ discharged_at: "2019-01-01T00:00" })),
          admLine(admRow({ birth_date: "2020-01-01" })),
          "a,b",
          admLine(admRow({ hospital: '"x' })),
          admLine(admRow()),
          admLine(admRow()),
          admLine(admRow({ admitted_at: "2019-03-03T10:00", hospital: "B" })),
          admLine(admRow({ patient_id: "q", admitted_at: "2019-03-31T02:10", discharged_at: "2019-04-01T10:00" })),
        ].join("\n"),
        "population.csv": "year,municipality_code,sex,age,count\n19,751,F,a,1.5\n2019,751,F,0,1\n2019,751,F,0,2\n2019,751,F,2,1\n",
        "sector_costs.csv": "year,municipality_code,sector,cost_dkk\n2019,751,x,1\n",
        "experience.csv": "period,cluster,measure,positive,total\n2019,,m,1,1\n2019,Nord,m,1,1\n2019,Aarhus,m,2,1\n",
        "deaths.csv": "patient_id\n",
        // the optional inputs of issue 17
        "adverse_events.csv": "year,hospital_unit,cluster,events\n2019,Nowhere,,1\n2019,,,1\n",
        "care_status.csv": "patient_id,status,from,to\np1,x,2019-02-01,\np1,home_care,2019-02-01,2019-01-01\n",
      }),
    );
    add(await problemsOf({ "admissions.csv": ADM_HEADER.replaceAll(",", "\t") + "\n", "population.csv": Buffer.from("year,municipality_code,sex,age,count\n2019,751,F,0,1 æ\n", "latin1") }));
    add(await problemsOf({ "admissions.csv": "" }, { geography: [] }));
    add(await problemsOf({ "admissions.csv": ADM_HEADER + "\n" + ADM_HEADER + "\n", "population.csv": Buffer.from("year,municipality_code,sex,age,count\n2019,751,F,0,1 æ\n", "latin1") }, { encoding: "utf-8" }));
    const dir = makeDataset({ "admissions.csv.gz": ADM_HEADER + "\n" + admLine(admRow()) + "\n", "population.csv": populationCsv() });
    writeFileSync(join(dir, "admissions.csv.gz"), Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3]));
    add((await loadDataset(dir)).report.problems);
    // Register presets (docs/registers.md): an LPR2 folder with a person table, a cost file and FOLK1A.
    add(
      await problemsOf(
        {
          "t_adm.csv": [
            "recnum,pnr,d_inddto,v_indtime,v_indminut,d_uddto,v_udtime,c_pattype,c_indm,c_adiag,c_kom",
            "1,aa11bb,2019-03-02,10,,2019-03-02,11,0,9,DJ189,751",
            "2,aa11bb,2019-03-02,10,,2019-03-02,11,0,1,DJ189,751",
            "3,zz99yy,2019-03-05,8,0,2019-03-06,9,2,2,DJ189,751",
          ].join("\n"),
          "personer.csv": ["cpr_encrypted,koen,foed_dag", "aa11bb,M,1940-05-17", "aa11bb,K,1940-05-17"].join("\n"),
          "drg.csv": ["recnum,v_pris", "99,70"].join("\n"),
          "folk1a.csv": ["OMRÅDE;KØN;ALDER;TID;INDHOLD", "751;X;0 år;2019K1;5", "751;1;1 år;2019K1;..", "101;1;0 år;2019K1;5"].join("\n"),
        },
        { format: "lpr2", pseudonymKey: "a catalogue test key, 16+" },
      ),
    );
    add(await problemsOf({ "lpr_a_kontakt.csv": "recnum,pnr\n1,x\n", "population.csv": populationCsv() }, { format: "lpr3-a", pseudonymKey: "a catalogue test key, 16+" }));
    // Safety (SECURITY.md): a table both plain and gzipped, a symbolic link, a line over the limit, a decompression bomb.
    const plainAndGz = makeDataset({ "admissions.csv": ADM_HEADER + "\n", "admissions.csv.gz": ADM_HEADER + "\n", "population.csv": populationCsv() });
    symlinkSync(join(plainAndGz, "population.csv"), join(plainAndGz, "geography.csv"));
    add((await loadDataset(plainAndGz)).report.problems);
    add(await problemsOf({ "admissions.csv": ADM_HEADER + "\n" + "x".repeat(MAX_LINE_BYTES + 1) + "\n", "population.csv": populationCsv() }));
    add(await problemsOf({ "admissions.csv.gz": ADM_HEADER + "\n" + "\n".repeat(FREE_DECOMPRESSED_BYTES + 1), "population.csv": populationCsv() }));
    // A hospital name shaped like a person number: kept, with a warning.
    const shapedText = await problemsOf({ "admissions.csv": [ADM_HEADER, admLine(admRow({ hospital: `Afd. ${cprShaped(true)}` }))].join("\n") + "\n", "population.csv": populationCsv() });
    expect(shapedText.map((p) => p.message)).toContain("admissions.csv: 1 value(s) of hospital are shaped like a CPR number (not shown); kept, and masked in every output");
    add(shapedText);
    expect([...Object.keys(MESSAGES)].filter((c) => !seen.has(c))).toEqual([]);
  });
});
