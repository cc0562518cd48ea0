/**
 * population.csv and deaths.csv: the columnar fast path (field rules called directly) and the
 * zod row path must give identical tables and identical problems, line for line.
 */

import { describe, expect, it } from "vitest";
import { loadDataset } from "../../src/io/loadDataset.js";
import { ADM_HEADER, admLine, admRow, cprShaped, makeDataset, mulberry32, snapshot } from "./helpers.js";

const POP_VARIANTS: readonly (readonly [string, string])[] = [
  ["year", "2019"],
  ["year", " 2019 "],
  ["year", "19"],
  ["municipality_code", "101"],
  ["municipality_code", "0751"],
  ["sex", "k"],
  ["sex", "X"],
  ["age", "4+"],
  ["age", "-1"],
  ["age", "abc"],
  ["count", "1000.5"],
  ["count", "-3"],
  ["count", ""],
  ["count", '"1000"'],
];

function populationText(seed: number, delimiter: string): string {
  const r = mulberry32(seed);
  const lines = [["year", "municipality_code", "sex", "age", "count"].join(delimiter)];
  for (let i = 0; i < 600; i++) {
    const row: Record<string, string> = {
      year: String(2018 + Math.floor(r() * 3)),
      municipality_code: r() < 0.5 ? "751" : "661",
      sex: r() < 0.5 ? "F" : "M",
      age: String(Math.floor(r() * 90)),
      count: String(Math.floor(r() * 900)),
    };
    if (r() < 0.3) {
      const [k, v] = POP_VARIANTS[Math.floor(r() * POP_VARIANTS.length)];
      row[k] = v;
    }
    if (r() < 0.02) lines.push("2019" + delimiter + "751");
    else lines.push([row.year, row.municipality_code, row.sex, row.age, row.count].join(delimiter));
  }
  const extra = ["2030", "751", "F", "5", "10"].join(delimiter);
  lines.push(extra, extra); // a repeated row
  return lines.join("\n") + "\n";
}

function deathsText(seed: number, delimiter = ",", reversed = false, eol = "\n"): string {
  const r = mulberry32(seed);
  const row = (id: string, died: string) => (reversed ? [died, id] : [id, died]).join(delimiter);
  const lines = [reversed ? `died_at${delimiter}patient_id` : `patient_id${delimiter}died_at`];
  // date-times as the byte-level fast path reads them (T or space, with or without seconds, the
  // skipped hour of summer time) and some it hands to the row path (out of range, 24:00)
  const times = ["T10:15", " 23:59", "T02:30", "T00:00:59", "T10:15:60", "T24:00", "T9:15", "T10:15Z"];
  for (let i = 0; i < 600; i++) {
    const roll = r();
    const id = `p${Math.floor(r() * 300).toString(36)}`;
    const day = `2019-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`;
    if (roll < 0.05) lines.push(row(cprShaped(false), day));
    else if (roll < 0.1) lines.push(row(id, "2019-02-30"));
    else if (roll < 0.15) lines.push(row(` ${id} `, `${day}T10:15`));
    else if (roll < 0.2) lines.push(row(`"${id}"`, day));
    else if (roll < 0.25) lines.push(row("", day));
    else if (roll < 0.3) lines.push(row(id, `2019-03-31${times[Math.floor(r() * times.length)]}`));
    else if (roll < 0.33) lines.push(row(id, `${day}${times[Math.floor(r() * times.length)]}`));
    else if (roll < 0.35) lines.push("");
    else if (roll < 0.37) lines.push(`${row(id, day)}${delimiter}`);
    else lines.push(row(id, day));
  }
  lines.push(row("pzz1", "2019-05-05"), row("pzz1", "2019-05-05"), row("pzz1", "2019-05-06")); // duplicate row, duplicated key
  lines.push(row("p1", "2019-05-05"), row("p1", "2019-05-05 08:00"), row("p1", "2019-05-06")); // the same for a known patient
  return lines.join(eol) + eol;
}

function admissionsText(): string {
  const lines = [ADM_HEADER];
  for (let i = 0; i < 200; i++) lines.push(admLine(admRow({ patient_id: `p${i.toString(36)}` })));
  return lines.join("\n") + "\n";
}

describe("population and deaths: fast path = zod row path", () => {
  for (const [seed, delimiter, reversed, eol] of [
    [1, ",", false, "\n"],
    [2, ";", false, "\n"],
    [3, ",", true, "\r\n"],
    [4, ";", true, "\n"],
  ] as const) {
    it(`seed ${seed}, delimiter "${delimiter}"${reversed ? ", deaths' columns reversed" : ""}${eol === "\n" ? "" : ", CRLF"}`, async () => {
      const dir = makeDataset({
        "admissions.csv": admissionsText(),
        "population.csv": populationText(seed, delimiter),
        "deaths.csv": deathsText(seed, delimiter, reversed, eol),
      });
      const fast = await loadDataset(dir, { maxProblemsPerCode: 100000 });
      const slow = await loadDataset(dir, { maxProblemsPerCode: 100000, fastPath: false });
      expect(snapshot(fast)).toEqual(snapshot(slow));
      expect(Array.from(fast.deaths?.diedOnByPatient ?? [])).toEqual(Array.from(slow.deaths?.diedOnByPatient ?? []));
      expect(fast.deaths?.unmatched).toBe(slow.deaths?.unmatched);
      const pop = fast.report.tables.find((t) => t.file === "population.csv");
      const deaths = fast.report.tables.find((t) => t.file === "deaths.csv");
      // Both files hold accepted, rejected and duplicated rows (the test can fail both ways).
      expect(pop?.rowsAccepted).toBeGreaterThan(100);
      expect(pop?.rowsRejected).toBeGreaterThan(20);
      expect(deaths?.rowsAccepted).toBeGreaterThan(50);
      expect(deaths?.rowsRejected).toBeGreaterThan(20);
      expect(deaths?.duplicates, "deaths duplicates").toBeGreaterThan(0);
      expect(pop?.duplicates, "population duplicates").toBeGreaterThan(0);
    });
  }
});
