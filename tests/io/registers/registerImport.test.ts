/**
 * Register import (issue 7; docs/registers.md): bad input with file/line/column messages that
 * never show a person id, the pseudonymisation key, user mappings, date forms, the worker and
 * in-line hashing giving the same ids, cost shares adding up, and the round trip through the
 * contract files that `klynge import` writes.
 */

import { readFileSync, readdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { loadDataset } from "../../../src/io/loadDataset.js";
import { writeDataset } from "../../../src/io/writeDataset.js";
import { DatasetError } from "../../../src/io/datasetError.js";
import { registerDate, registerDateTime, registerTime } from "../../../src/io/registers/registerBytes.js";
import { pseudonymOf } from "../../../src/io/registers/pseudonymise.js";
import { parseCodeMaps } from "../../../src/cli/commands/import.js";
import { MISSING, formatLocalMinutes, localMinutes, daysFromCivil } from "../../../src/contract/time.js";
import { makeDataset, populationCsv } from "../helpers.js";

const KEY = "the test key, sixteen+ characters";
const b = (s: string) => Buffer.from(s, "latin1");
const date = (s: string) => registerDate(b(s), 0, s.length);
const dateTime = (s: string) => registerDateTime(b(s), 0, s.length);
const time = (s: string) => registerTime(b(s), 0, s.length);

const LPR3A_HEADER =
  "pnr;dw_ek_kontakt;dw_sk_sygehusophold;kont_starttidspunkt;kont_sluttidspunkt;kont_type;kont_patient_type;prioritet;adiag;borger_koen;borger_foedselsdato;borger_bo_kom;lprindberetningssystem";
function lpr3a(over: Partial<Record<string, string>> = {}): string {
  const r = {
    pnr: "xq7a9b2c4d",
    k: "1",
    c: "10",
    start: "2019-03-02 10:00:00",
    end: "2019-03-04 12:30:00",
    type: "ALCA00",
    ptype: "",
    prio: "ATA1",
    diag: "DJ189",
    sex: "K",
    birth: "1940-05-17",
    kom: "751",
    sys: "LPR3",
    ...over,
  };
  return [r.pnr, r.k, r.c, r.start, r.end, r.type, r.ptype, r.prio, r.diag, r.sex, r.birth, r.kom, r.sys].join(";");
}
const load = (files: Record<string, string>, format: "lpr3-a" | "lpr3-f" | "lpr2" | "npr" = "lpr3-a", options = {}) =>
  loadDataset(makeDataset({ "population.csv": populationCsv(), ...files }), { format, pseudonymKey: KEY, maxProblemsPerCode: 1000, ...options });

describe("register date and time forms (docs/registers.md)", () => {
  it("reads ISO, SAS DATE9 (English and Danish months), DD.MM.YYYY and YYYYMMDD to the same day", () => {
    const day = daysFromCivil(2019, 5, 1);
    for (const s of ["2019-05-01", "01MAY2019", "01maj2019", "01.05.2019", "20190501"]) expect(date(s)).toBe(day);
    const oct = daysFromCivil(2021, 10, 31);
    expect(date("31OKT2021")).toBe(oct);
    expect(date("31OCT2021")).toBe(oct);
  });
  it("refuses dates that do not exist and other text", () => {
    for (const s of ["2019-02-29", "29FEB2019", "31.04.2020", "20191301", "2019-5-1", "01XYZ2019", ""]) expect(date(s)).toBeNaN();
    expect(date("29FEB2020")).toBe(daysFromCivil(2020, 2, 29));
  });
  it("reads date-times with T, space or SAS ':' and times with seconds, fractions or dots", () => {
    const m = localMinutes(2019, 1, 1, 8, 15);
    for (const s of ["2019-01-01T08:15", "2019-01-01 08:15:00", "01JAN2019:08:15:00", "01JAN2019:08:15:59.250", "01.01.2019 08:15", "20190101T08.15.00"]) {
      expect([s, dateTime(s)]).toEqual([s, m]);
    }
    for (const s of ["2019-01-01", "2019-01-01T24:00", "2019-01-01T08:60", "2019-01-01X08:15"]) expect(dateTime(s)).toBeNaN();
    expect(time("8:05")).toBe(485);
    expect(time("08:05:07")).toBe(485);
    expect(time("23.59.59")).toBe(1439);
    expect(time("8:5")).toBeNaN();
  });
});

describe("pseudonymisation", () => {
  it("is k + 20 hex digits of HMAC-SHA256(key, id): same key same id, other key other id", () => {
    const id = "xq7a9b2c4d";
    const want = "k" + createHmac("sha256", Buffer.from(KEY)).update(id).digest("hex").slice(0, 20);
    expect(pseudonymOf(Buffer.from(KEY), id)).toBe(want);
    expect(pseudonymOf(Buffer.from(KEY + "!"), id)).not.toBe(want);
  });

  it("without a key: one DatasetError naming the ways to give one; a short key is refused", async () => {
    const dir = makeDataset({ "lpr_a_kontakt.csv": [LPR3A_HEADER, lpr3a()].join("\n"), "population.csv": populationCsv() });
    const saved = process.env.KLYNGE_PSEUDONYM_KEY;
    delete process.env.KLYNGE_PSEUDONYM_KEY;
    try {
      await expect(loadDataset(dir, { format: "lpr3-a" })).rejects.toThrow(/needs a pseudonymisation key: --key-file FILE, the environment variable KLYNGE_PSEUDONYM_KEY/);
      await expect(loadDataset(dir, { format: "lpr3-a", pseudonymKey: "short" })).rejects.toThrow("the key (pseudonymKey) is 5 bytes; at least 16 are needed");
    } finally {
      if (saved !== undefined) process.env.KLYNGE_PSEUDONYM_KEY = saved;
    }
  });

  it("the worker thread and in-line hashing give the same ids (70,000 persons, more than one batch)", async () => {
    const lines = [LPR3A_HEADER];
    for (let i = 0; i < 70_000; i++) lines.push(lpr3a({ pnr: `id${i.toString(36)}x`, k: String(i) }));
    const dir = makeDataset({ "lpr_a_kontakt.csv": lines.join("\n") + "\n", "population.csv": populationCsv() });
    const a = await loadDataset(dir, { format: "lpr3-a", pseudonymKey: KEY, pseudonymWorker: true });
    const c = await loadDataset(dir, { format: "lpr3-a", pseudonymKey: KEY, pseudonymWorker: false });
    expect(a.contacts.patientIds.length).toBe(70_000);
    expect(a.contacts.patientIds).toEqual(c.contacts.patientIds);
    expect(a.contacts.patientIds[69_999]).toBe(pseudonymOf(Buffer.from(KEY), `id${(69_999).toString(36)}x`));
  }, 30_000);
});

describe("bad register input: file, line, register column, expected and found; all in one pass", () => {
  it("lpr3-a: every bad cell of a row is reported, person ids never shown, counts add up", async () => {
    const cprLike = ["0101", "90", "1234"].join(""); // built at run time (privacy rule)
    const ds = await load({
      "lpr_a_kontakt.csv": [
        LPR3A_HEADER,
        lpr3a(),
        lpr3a({ start: "2019-02-30 10:00:00", diag: "??", kom: "75" }),
        lpr3a({ pnr: "", birth: "1940-13-01" }),
        lpr3a({ pnr: cprLike, end: "2019-03-01 09:00:00" }),
        lpr3a({ kom: "101" }),
        lpr3a({ prio: "ATA9" }),
        lpr3a({ sys: "LPR2" }),
      ].join("\n"),
    });
    const msgs = ds.report.problems.filter((p) => p.severity === "error").map((p) => p.message);
    expect(msgs).toEqual([
      'lpr_a_kontakt.csv:3: kont_starttidspunkt "2019-02-30 10:00:00" is not a date-time (a date, then T, a space or :, then HH:MM[:SS])',
      'lpr_a_kontakt.csv:3: borger_bo_kom "75" is not a 3-digit municipality code (or 4 digits with a leading 0)',
      'lpr_a_kontakt.csv:3: adiag "??" is not an ICD-10 code (J18.9) or SKS code (DJ189)',
      "lpr_a_kontakt.csv:4: pnr is empty; expected a person id",
      'lpr_a_kontakt.csv:4: borger_foedselsdato "1940-13-01" is not a date (YYYY-MM-DD, DDMONYYYY, DD.MM.YYYY or YYYYMMDD)',
      'lpr_a_kontakt.csv:5: discharged_at "2019-03-01T09:00" is before admitted_at "2019-03-02T10:00"',
      'lpr_a_kontakt.csv:6: borger_bo_kom "101" is not in the geography',
    ]);
    const t = ds.report.tables[0];
    expect([t.rowsRead, t.rowsAccepted, t.rowsRejected, t.duplicates, t.rowsExcluded]).toEqual([7, 1, 4, 0, 2]);
    expect(t.rowsRead).toBe(t.rowsAccepted + t.rowsRejected + t.duplicates + (t.rowsExcluded ?? 0));
    expect(JSON.stringify(ds.report)).not.toContain(cprLike);
    expect(JSON.stringify(ds.report)).not.toContain("xq7a9b2c4d");
    expect(ds.report.problems.find((p) => p.code === "unmapped_code")?.message).toBe(
      'lpr_a_kontakt.csv:7: prioritet "ATA9" has no mapping (meaning not found); the row is not imported (--map prioritet.ATA9=… maps it)',
    );
  });

  it("a quoted field and a wrong field count go the careful way with the contract's messages", async () => {
    const ds = await load({ "lpr_a_kontakt.csv": [LPR3A_HEADER, lpr3a({ diag: '"DJ189"' }), lpr3a() + ";extra", lpr3a({ diag: '"DJ1' })].join("\n") });
    expect(ds.report.problems.map((p) => p.message)).toEqual([
      "lpr_a_kontakt.csv:3: the row has 14 fields, the header has 13",
      "lpr_a_kontakt.csv:4: a quoted field is not closed on its line",
    ]);
    expect(ds.contacts.length).toBe(1);
  });

  it("lpr2 + person table: person not found, LPR2 time rules, a person listed twice, course prices", async () => {
    const header = "recnum,pnr,d_inddto,v_indtime,v_indminut,d_uddto,v_udtime,c_pattype,c_indm,c_adiag,c_kom";
    const ds = await load(
      {
        "t_adm.csv": [
          header,
          "1,aa11bb,2019-03-02,10,35,2019-03-02,10,0,1,DJ189,751", // discharge hour 10 before 10:35 → set to 10:35
          "2,aa11bb,2019-03-05,8,,2019-03-06,9,2,2,DJ189,751", // empty minute → 0, warning
          "3,zz99yy,2019-03-05,8,0,2019-03-06,9,2,2,DJ189,751", // no person
          "4,aa11bb,2019-03-07,25,0,2019-03-07,9,2,1,DJ189,751", // hour 25
        ].join("\n"),
        "personer.csv": ["cpr_encrypted,koen,foed_dag", "aa11bb,M,1940-05-17", "aa11bb,K,1940-05-17"].join("\n"),
        "drg.csv": ["recnum,v_pris", "1,1000", "2,500.5", "99,70", "1,5"].join("\n"),
      },
      "lpr2",
    );
    expect(ds.report.problems.map((p) => p.message)).toEqual([
      "t_adm.csv:3: v_indminut is empty; read as 0",
      "t_adm.csv:4: the person of this contact is not in personer.csv",
      't_adm.csv:5: v_indtime "25" is not an hour 0-23',
      "personer.csv:3: the person (value not shown) is listed again with different values, first on line 2; the first is used",
      "drg.csv: 1 course price(s) totalling 70.00 DKK match no imported contact and are not allocated",
      "drg.csv:5: duplicate recnum (value not shown), first on line 2, with a different v_pris",
    ]);
    const c = ds.contacts;
    expect(c.length).toBe(2);
    expect(formatLocalMinutes(c.dischargedAt[0])).toBe("2019-03-02T10:35");
    expect(formatLocalMinutes(c.admittedAt[1])).toBe("2019-03-05T08:00");
    expect([c.inpatient[0], c.inpatient[1], c.acute[0], c.acute[1]]).toEqual([1, 0, 1, 0]);
    expect([c.cost[0], c.cost[1]]).toEqual([1000, 500.5]);
  });

  it("a mapping from the user imports what the preset leaves out; a bad target is refused before reading", async () => {
    const files = { "lpr_a_kontakt.csv": [LPR3A_HEADER, lpr3a(), lpr3a({ type: "ALCA10", k: "2", start: "2019-04-02 10:00:00", end: "2019-04-02 11:00:00" })].join("\n") };
    const plain = await load(files);
    expect(plain.contacts.length).toBe(1);
    expect(plain.report.tables[0].codes?.find((c) => c.value === "ALCA10")).toMatchObject({ column: "kont_type", count: 1, mappedTo: null });
    const mapped = await load(files, "lpr3-a", { codeMap: parseCodeMaps(["kont_type.ALCA10=keep"], undefined) });
    expect(mapped.contacts.length).toBe(2);
    expect(mapped.report.tables[0].codes?.find((c) => c.value === "ALCA10")).toMatchObject({ mappedTo: "keep", note: "mapped by the user" });
    await expect(load(files, "lpr3-a", { codeMap: { kont_type: { ALCA10: "maybe" } } })).rejects.toThrow("--map kont_type.ALCA10=maybe: expected one of keep, drop");
    await expect(load(files, "lpr3-a", { codeMap: { nonsense: { A: "keep" } } })).rejects.toThrow(DatasetError);
  });

  it("LPR3 contact type: >= 12 h or still open = inpatient; a mapped kont_patient_type decides", async () => {
    const ds = await load(
      {
        "lpr_a_kontakt.csv": [
          LPR3A_HEADER,
          lpr3a({ start: "2019-03-02 10:00:00", end: "2019-03-02 21:59:00" }),
          lpr3a({ start: "2019-03-03 10:00:00", end: "2019-03-03 22:00:00" }),
          lpr3a({ start: "2019-03-05 10:00:00", end: "" }),
          lpr3a({ start: "2019-03-04 10:00:00", end: "2019-03-04 11:00:00", ptype: "X1" }),
        ].join("\n"),
      },
      "lpr3-a",
      { codeMap: { kont_patient_type: { X1: "inpatient" } } },
    );
    const c = ds.contacts;
    // the loader puts a patient's rows in time order; each row is found by its file line
    const row = (line: number) => Array.from(c.sourceLine).indexOf(line);
    expect([2, 3, 4, 5].map((line) => c.inpatient[row(line)])).toEqual([0, 1, 1, 1]);
    expect(c.dischargedAt[row(4)]).toBe(MISSING);
  });
});

describe("import → contract files → load gives the same tables", () => {
  it("lpr3-f sample: written by writeDataset, read back as contract, without any raw person id", async () => {
    const dir = join(process.cwd(), "data/samples/lpr3-f");
    const ds = await loadDataset(dir, { format: "lpr3-f", pseudonymKey: KEY });
    const out = mkdtempSync(join(tmpdir(), "klynge-import-"));
    await writeDataset(ds, out);
    const back = await loadDataset(out);
    expect(back.report.ok).toBe(true);
    const c = ds.contacts;
    const d = back.contacts;
    expect(d.length).toBe(c.length);
    expect(Array.from(d.admittedAt)).toEqual(Array.from(c.admittedAt));
    expect(Array.from(d.cost)).toEqual(Array.from(c.cost));
    expect(d.patientIds).toEqual(c.patientIds);
    const raw = readFileSync(join(dir, "kontakter.csv"), "utf8").split("\n").slice(1).map((l) => l.split(/[;,]/)[0]).filter((s) => s !== "");
    for (const f of readdirSync(out)) {
      const text = readFileSync(join(out, f), "utf8");
      for (const id of raw) expect(text.includes(id), `${f} holds a raw id`).toBe(false);
    }
  });
});

describe("PseudonymBatcher", () => {
  it("many batches in the worker: the same bytes as in-line hashing, and no listener warning", async () => {
    const { PseudonymBatcher, PSEUDONYM_BYTES } = await import("../../../src/io/registers/pseudonymise.js");
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on("warning", onWarning);
    try {
      const key = Buffer.from(KEY);
      const b = new PseudonymBatcher(key, true, 100);
      const ids = Array.from({ length: 2_500 }, (_, i) => `q${i.toString(36)}z`);
      for (const id of ids) {
        const bytes = Buffer.from(id);
        b.add(bytes, 0, bytes.length);
      }
      const out = await b.finish();
      expect(out.length).toBe(ids.length * PSEUDONYM_BYTES);
      const text = Buffer.from(out).toString("latin1");
      for (const i of [0, 99, 100, 1_234, 2_499]) expect(text.slice(i * PSEUDONYM_BYTES, (i + 1) * PSEUDONYM_BYTES)).toBe(pseudonymOf(key, ids[i]));
      await new Promise((r) => setTimeout(r, 10));
      expect(warnings).toEqual([]);
    } finally {
      process.off("warning", onWarning);
    }
  });
});
