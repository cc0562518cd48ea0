/**
 * statbank-folk1a: Statistics Denmark's FOLK1A CSV (StatBank API) → PopulationTable
 * (docs/registers.md, "statbank-folk1a"). The samples in data/samples/statbank-folk1a/ are
 * hand-made; their expected table, population.csv, was written by hand.
 */

import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import type { Problem } from "../../../src/contract/dataset.js";
import type { GeographyRow, PopulationTable } from "../../../src/contract/tables.js";
import { ProblemLog } from "../../../src/io/problemLog.js";
import { readFolk1a } from "../../../src/io/registers/folk1a.js";
import type { Folk1aContext } from "../../../src/io/registers/folk1a.js";
import { folk1aUrl } from "../../../src/io/registers/folk1aUrl.js";
import { readGeography, readPopulation } from "../../../src/io/smallTables.js";

const ROOT = join(__dirname, "..", "..", "..");
const SAMPLE = join(ROOT, "data", "samples", "statbank-folk1a");
const GEOGRAPHY = join(ROOT, "data", "geography", "midtjylland.csv");
const HEADER = "OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD";
const BOM = "\ufeff";

/** A FOLK1A file in a fresh tmp folder (BOM, `;`, CRLF as the API delivers). */
function folk1aFile(lines: readonly string[], header = HEADER): string {
  const dir = mkdtempSync(join(tmpdir(), "klynge-folk1a-"));
  const path = join(dir, "folk1a.csv");
  writeFileSync(path, BOM + [header, ...lines].join("\r\n") + "\r\n", "utf8");
  return path;
}

async function geography(): Promise<GeographyRow[]> {
  const log = new ProblemLog(100);
  const { rows } = await readGeography(GEOGRAPHY, "geography.csv", log);
  expect(log.errorCount).toBe(0);
  return rows;
}

/** A PopulationTable as plain rows, for comparison. */
function rowsOf(t: PopulationTable): string[] {
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) {
    const sex = t.sex[i] === 1 ? "F" : "M";
    out.push(`${t.year[i]},${String(t.municipality[i]).padStart(3, "0")},${sex},${t.age[i]}${t.ageOpen[i] === 1 ? "+" : ""},${t.count[i]}`);
  }
  return out;
}

async function read(path: string, context: Folk1aContext = {}, onWarning?: (p: Problem) => void) {
  const log = new ProblemLog(1000, onWarning);
  const result = await readFolk1a(path, "folk1a.csv", context, log);
  const c = result.read.counts;
  // Every file: rows read = accepted + rejected + duplicates + excluded.
  expect(c.rowsRead).toBe(c.accepted + c.rejected + c.duplicates + c.excluded);
  return { ...result, log };
}

describe("the hand-made samples give the hand-written population.csv", () => {
  const log = new ProblemLog(100);
  let expectedRows: string[] = [];
  beforeAll(async () => {
    const expected = await readPopulation(join(SAMPLE, "population.csv"), "population.csv", {}, log);
    expectedRows = rowsOf(expected.table);
  });

  it("population.csv itself reads without problems (16 rows)", () => {
    expect(log.problems).toEqual([]);
    expect(expectedRows).toHaveLength(16);
  });

  it.each([
    // file, rows read, rows accepted, outside-geography rows, their label
    // folk1a.csv: 5 areas × 3 KØN × 3 ALDER × 5 CIVILSTAND × 3 TID = 675 rows; accepted: 2
    // municipalities × 2 years × 2 sexes × 2 ages × 4 single statuses = 64; København: 3×3×5×3 = 135.
    ["folk1a.csv", 675, 64, 135, "101"],
    // Value files: no CIVILSTAND split: 5 × 3 × 3 × 3 = 135 rows; accepted 16; København 27.
    ["folk1a_value_da.csv", 135, 16, 27, "København"],
    ["folk1a_value_en.csv", 135, 16, 27, "Copenhagen"],
  ])("%s", async (name, rowsRead, accepted, outside, label) => {
    const r = await read(join(SAMPLE, name), { geography: await geography() });
    expect(rowsOf(r.table)).toEqual(expectedRows);
    expect(r.read.counts.rowsRead).toBe(rowsRead);
    expect(r.read.counts.accepted).toBe(accepted);
    expect(r.read.counts.rejected).toBe(0);
    expect(r.read.counts.duplicates).toBe(0);
    expect(r.read.counts.excluded).toBe(rowsRead - accepted);
    expect(r.log.errorCount).toBe(0);
    expect(r.log.problems.map((p) => p.code)).toEqual(["outside_geography"]);
    expect(r.log.problems[0].message).toBe(`folk1a.csv: ${outside} row(s) of municipalities outside the geography were dropped (${label})`);
    expect(r.read.header?.delimiter).toBe(";");
  });

  it("codes: every KØN, CIVILSTAND and TID value with its count and mapping; totals dropped", async () => {
    const r = await read(join(SAMPLE, "folk1a.csv"), { geography: await geography() });
    const find = (column: string, value: string) => r.codes.find((c) => c.column === column && c.value === value);
    // Each KØN value: 675 / 3 = 225 rows.
    expect(find("KØN", "TOT")).toEqual({ column: "KØN", value: "TOT", count: 225, mappedTo: "drop" });
    expect(find("KØN", "1")).toEqual({ column: "KØN", value: "1", count: 225, mappedTo: "M" });
    expect(find("KØN", "2")).toEqual({ column: "KØN", value: "2", count: 225, mappedTo: "F" });
    // Each CIVILSTAND value: 675 / 5 = 135 rows.
    expect(find("CIVILSTAND", "TOT")).toMatchObject({ count: 135, mappedTo: "drop" });
    expect(find("CIVILSTAND", "G")).toMatchObject({ count: 135, mappedTo: "sum" });
    // Each TID value: 675 / 3 = 225 rows.
    expect(find("TID", "2024K1")).toMatchObject({ count: 225, mappedTo: "2024" });
    expect(find("TID", "2024K2")).toMatchObject({ count: 225, mappedTo: "drop" });
    // OMRÅDE totals: 675 / 5 = 135 rows each.
    expect(find("OMRÅDE", "000")).toMatchObject({ count: 135, mappedTo: "drop", note: "whole country" });
    expect(find("OMRÅDE", "082")).toMatchObject({ count: 135, mappedTo: "drop", note: "region" });
    expect(r.codes.find((c) => c.column === "OMRÅDE" && c.mappedTo === "municipality_code")?.count).toBe(270);
    expect(find("ALDER", "IALT")).toMatchObject({ count: 225, mappedTo: "drop" });
    expect(find("ALDER", "0 … 1")).toMatchObject({ count: 450, mappedTo: "age" });
    // The columns in the order OMRÅDE, KØN, ALDER, CIVILSTAND, TID.
    const order = [...new Set(r.codes.map((c) => c.column))];
    expect(order).toEqual(["OMRÅDE", "KØN", "ALDER", "CIVILSTAND", "TID"]);
    expect(r.notes.some((n) => n.startsWith("CIVILSTAND: the single statuses (U, G, E, F) were summed; 16 CIVILSTAND total"))).toBe(true);
  });

  it("without a geography, every municipality code is kept (København too) and nothing is outside", async () => {
    const r = await read(join(SAMPLE, "folk1a.csv"));
    expect(r.table.length).toBe(24);
    expect(new Set(r.table.municipality)).toEqual(new Set([101, 615, 751]));
    expect(r.log.problems).toEqual([]);
  });

  it("names without a geography cannot be read: errors, nothing imported", async () => {
    const r = await read(join(SAMPLE, "folk1a_value_da.csv"));
    expect(r.table.length).toBe(0);
    expect(r.log.counts["bad_register_value"]).toBe(81); // 3 named municipalities × 27 rows
    expect(r.log.problems[0].message).toContain('OMRÅDE "København" is not a 3-digit municipality code (names are matched');
  });
});

describe("FOLK1A rules", () => {
  it("total rows are not counted twice", async () => {
    // 751 men aged 0: 10, women: 20. Every total row would double or triple the sum if kept.
    const path = folk1aFile([
      "000;TOT;IALT;TOT;2024K1;30",
      "000;1;0;TOT;2024K1;10",
      "082;2;0;TOT;2024K1;20",
      "751;TOT;0;TOT;2024K1;30",
      "751;TOT;IALT;TOT;2024K1;30",
      "751;1;IALT;TOT;2024K1;10",
      "751;1;0;TOT;2024K1;10",
      "751;2;0;TOT;2024K1;20",
    ]);
    const r = await read(path);
    expect(rowsOf(r.table)).toEqual(["2024,751,F,0,20", "2024,751,M,0,10"]);
    expect(r.read.counts).toMatchObject({ rowsRead: 8, accepted: 2, excluded: 6, rejected: 0 });
  });

  it("CIVILSTAND: single statuses summed and the total dropped; the total used where alone; never both", async () => {
    const path = folk1aFile([
      "751;1;40;TOT;2024K1;11",
      "751;1;40;U;2024K1;5",
      "751;1;40;G;2024K1;3",
      "751;1;40;E;2024K1;1",
      "751;1;40;F;2024K1;2",
      "751;2;40;TOT;2024K1;17", // only the total for women
    ]);
    const r = await read(path);
    expect(rowsOf(r.table)).toEqual(["2024,751,F,40,17", "2024,751,M,40,11"]); // 5 + 3 + 1 + 2 = 11
    expect(r.read.counts).toMatchObject({ accepted: 5, excluded: 1 });
    expect(r.codes.find((c) => c.column === "CIVILSTAND" && c.value === "TOT")).toMatchObject({ count: 2, mappedTo: "keep" });
    expect(r.notes).toContain("CIVILSTAND: the total was used for 1 (year, municipality, sex, age) without single statuses");
  });

  it("CIVILSTAND: a total that differs from the sum of the statuses is noted (the sum is used)", async () => {
    const r = await read(folk1aFile(["751;1;0;TOT;2024K1;12", "751;1;0;U;2024K1;10"]));
    expect(rowsOf(r.table)).toEqual(["2024,751,M,0,10"]);
    expect(r.notes).toContain("CIVILSTAND: for 1 (year, municipality, sex, age) the total differs from the sum of U, G, E, F (the sum is used)");
  });

  it('".." (not available) rejects the row with file, line and column', async () => {
    const r = await read(folk1aFile(["751;1;0;TOT;2024K1;10", "751;2;0;TOT;2024K1;..", "000;2;0;TOT;2024K1;.."]));
    expect(r.log.problems).toHaveLength(1); // the country row is dropped before its count is read
    const p = r.log.problems[0];
    expect(p).toMatchObject({ code: "not_available", severity: "error", file: "folk1a.csv", line: 3, column: "INDHOLD", found: ".." });
    expect(p.message).toBe('folk1a.csv:3: INDHOLD is ".." (not available); expected a count of citizens');
    expect(r.read.counts).toMatchObject({ rowsRead: 3, accepted: 1, rejected: 1, excluded: 1 });
    expect(rowsOf(r.table)).toEqual(["2024,751,M,0,10"]);
  });

  it("a value that is not FOLK1A's is an error naming file, line, column, expected and found", async () => {
    const r = await read(folk1aFile(["751;X;0;TOT;2024K1;10", "751;1;0;TOT;2024;10", "751;1;abc;TOT;2024K1;-3"]));
    expect(r.log.problems.map((p) => p.message)).toEqual([
      'folk1a.csv:2: KØN "X" is not 1, 2, TOT, Mænd, Kvinder, I alt, Men, Women or Total',
      'folk1a.csv:3: TID "2024" is not a quarter such as 2024K1 or 2024Q1 (years 1900-2099)',
      'folk1a.csv:4: ALDER "abc" is not an age "0 år" … "125 år" (or 0 … 125), "100 år og derover", or IALT',
    ]);
    expect(r.read.counts).toMatchObject({ rowsRead: 3, rejected: 3, accepted: 0 });
    expect(r.codes.find((c) => c.column === "KØN" && c.value === "X")).toMatchObject({ count: 1, mappedTo: null });
  });

  it("a negative count is an error", async () => {
    const r = await read(folk1aFile(["751;1;0;TOT;2024K1;-3"]));
    expect(r.log.problems.map((p) => p.message)).toEqual(['folk1a.csv:2: INDHOLD "-3" is negative; expected a whole number >= 0']);
  });

  it("a file of another shape gets one wrong_format error and nothing is imported", async () => {
    const path = folk1aFile(["2024,751,F,0,10", "2024,751,M,0,12"], "year,municipality_code,sex,age,count");
    const r = await read(path);
    expect(r.log.problems).toHaveLength(1);
    expect(r.log.problems[0]).toMatchObject({ code: "wrong_format", line: null });
    expect(r.log.problems[0].message).toBe(
      "folk1a.csv: this is not a StatBank FOLK1A file: expected the columns OMRÅDE, KØN, ALDER, TID, INDHOLD; the file has: year, municipality_code, sex, age, count",
    );
    expect(r.table.length).toBe(0);
    expect(r.read.header).toBeNull();
    expect(r.read.counts).toMatchObject({ rowsRead: 2, rejected: 2, accepted: 0 });
  });

  it("the website's pivoted download (title lines) is of the wrong shape too", async () => {
    const r = await read(folk1aFile([";;;2024K1", "Aarhus;Mænd;0 år;1887"], "Folketal den 1. i kvartalet efter område, køn, alder og tid"));
    expect(r.log.problems.map((p) => p.code)).toEqual(["wrong_format"]);
  });

  it("municipalities outside the geography are excluded and counted in one warning", async () => {
    const warnings: Problem[] = [];
    const path = folk1aFile(["751;1;0;TOT;2024K1;10", "101;1;0;TOT;2024K1;40", "101;2;0;TOT;2024K1;41", "461;1;0;TOT;2024K1;7"]);
    const r = await read(path, { municipalities: new Set([751]) }, (p) => warnings.push(p));
    expect(r.read.counts).toMatchObject({ rowsRead: 4, accepted: 1, excluded: 3 });
    expect(warnings.map((w) => w.message)).toEqual(["folk1a.csv: 3 row(s) of municipalities outside the geography were dropped (101, 461)"]);
    expect(r.codes.find((c) => c.value.startsWith("outside the geography"))).toMatchObject({ count: 3, mappedTo: "drop" });
  });

  it("other quarters are excluded and counted", async () => {
    const r = await read(folk1aFile(["751;1;0;TOT;2024K1;10", "751;1;0;TOT;2024K2;11", "751;1;0;TOT;2024K3;12", "751;1;0;TOT;2024Q4;13"]));
    expect(rowsOf(r.table)).toEqual(["2024,751,M,0,10"]);
    expect(r.read.counts).toMatchObject({ accepted: 1, excluded: 3 });
    expect(r.notes[0]).toBe("TID: quarter 1 is the population on 1 January of its year; 3 row(s) of other quarters were dropped");
  });

  it('"100 år og derover" is the open band 100+; missing ages below it are one warning per group', async () => {
    const warnings: Problem[] = [];
    const path = folk1aFile(["751;2;0 år;TOT;2024K1;5", "751;2;1 år;TOT;2024K1;6", "751;2;100 år og derover;TOT;2024K1;3"]);
    const r = await read(path, {}, (p) => warnings.push(p));
    expect(rowsOf(r.table)).toEqual(["2024,751,F,0,5", "2024,751,F,1,6", "2024,751,F,100+,3"]);
    expect(r.table.ageOpen[2]).toBe(1);
    expect(warnings.map((w) => w.message)).toEqual([
      "folk1a.csv: year 2024, municipality_code 751, sex F: age(s) 2-99 missing (expected every age from 0 to 100+)",
    ]);
    expect(r.codes.find((c) => c.column === "ALDER" && c.value === "100 år og derover")).toMatchObject({ count: 1, mappedTo: "100+" });
  });

  it("rows are summed per key and sorted by year, municipality, sex, age", async () => {
    const path = folk1aFile([
      "751;1;1;TOT;2024K1;4",
      "615;2;0;TOT;2024K1;3",
      "751;2;0;TOT;2023K1;2",
      "751;1;0;TOT;2024K1;1",
      "615;1;0;TOT;2024K1;5",
    ]);
    const r = await read(path);
    expect(rowsOf(r.table)).toEqual(["2023,751,F,0,2", "2024,615,F,0,3", "2024,615,M,0,5", "2024,751,M,0,1", "2024,751,M,1,4"]);
  });

  it("the same cell twice: an exact duplicate is counted once, a different count is an error", async () => {
    const r = await read(folk1aFile(["751;1;0;TOT;2024K1;10", "751;1;0;TOT;2024K1;10", "751;1;0;TOT;2024K1;11"]));
    expect(rowsOf(r.table)).toEqual(["2024,751,M,0,10"]);
    expect(r.read.counts).toMatchObject({ rowsRead: 3, accepted: 1, duplicates: 1, rejected: 1 });
    expect(r.log.problems.map((p) => p.code)).toEqual(["duplicate_row", "duplicate_key"]);
    expect(r.log.problems[1].message).toBe(
      "folk1a.csv:4: duplicate OMRÅDE 751, KØN 1, ALDER 0, CIVILSTAND TOT, TID 2024K1, first on line 2, with a different INDHOLD",
    );
  });

  it("CodeAndValue areas (\"751 Aarhus\") and lower-case names are read", async () => {
    const geo = await geography();
    const path = folk1aFile(["751 Aarhus;Men;0 years;Total;2024Q1;10", "aarhus;Women;1 year;Total;2024Q1;12"]);
    const r = await read(path, { geography: geo });
    expect(rowsOf(r.table)).toEqual(["2024,751,F,1,12", "2024,751,M,0,10"]);
  });

  it("quoted fields are read", async () => {
    const r = await read(folk1aFile(['"751";"1";"0";"TOT";"2024K1";"10"']));
    expect(rowsOf(r.table)).toEqual(["2024,751,M,0,10"]);
  });

  it("a gzipped file (.csv.gz) is read as the plain one", async () => {
    const dir = mkdtempSync(join(tmpdir(), "klynge-folk1a-"));
    const path = join(dir, "folk1a.csv.gz");
    writeFileSync(path, gzipSync(readFileSync(join(SAMPLE, "folk1a.csv"))));
    const r = await read(path);
    expect(r.table.length).toBe(24); // as "without a geography" above
    expect(r.read.counts.rowsRead).toBe(675);
  });

  it("a row with the wrong number of fields is rejected", async () => {
    const r = await read(folk1aFile(["751;1;0;TOT;2024K1;10", "751;1;1;2024K1;10"]));
    expect(r.log.problems.map((p) => p.code)).toEqual(["field_count"]);
    expect(r.read.counts).toMatchObject({ rowsRead: 2, accepted: 1, rejected: 1 });
  });
});

describe("folk1aUrl", () => {
  it("without options: the address of docs/registers.md", () => {
    // docs/registers.md and ../shared/reference/registers.md, word for word
    expect(folk1aUrl()).toBe("https://api.statbank.dk/v1/data/FOLK1A/CSV?delimiter=Semicolon&OMRÅDE=*&KØN=1,2&ALDER=*&Tid=*");
  });

  it("years → the first quarter of each year", () => {
    expect(folk1aUrl({ years: [2016, 2019] })).toBe(
      "https://api.statbank.dk/v1/data/FOLK1A/CSV?delimiter=Semicolon&OMRÅDE=*&KØN=1,2&ALDER=*&Tid=2016K1,2017K1,2018K1,2019K1",
    );
    expect(folk1aUrl({ years: [2024, 2024] })).toContain("&Tid=2024K1");
  });

  it("municipalities → 3-digit codes; lang en", () => {
    expect(folk1aUrl({ municipalities: [751, 615, 751, 61], lang: "en" })).toBe(
      "https://api.statbank.dk/v1/data/FOLK1A/CSV?delimiter=Semicolon&OMRÅDE=751,615,061&KØN=1,2&ALDER=*&Tid=*&lang=en",
    );
    expect(folk1aUrl({ lang: "da" })).toBe(folk1aUrl());
  });

  it("arguments that cannot make an address throw", () => {
    expect(() => folk1aUrl({ years: [2024, 2016] })).toThrow(RangeError);
    expect(() => folk1aUrl({ years: [2016.5, 2017] })).toThrow(RangeError);
    expect(() => folk1aUrl({ municipalities: [1000] })).toThrow(RangeError);
    expect(() => folk1aUrl({ lang: "de" as "da" })).toThrow(RangeError);
  });
});
