import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Dataset } from "../../src/contract/dataset.js";
import type { ContactTable } from "../../src/contract/tables.js";
import { MISSING, elapsedMinutes, localMinutes } from "../../src/contract/time.js";
import { generateToMemory } from "../../src/generate/index.js";
import { writeRegisterFiles, type RegisterShapeFormat } from "../../src/generate/registerShape/index.js";
import { loadDataset } from "../../src/io/index.js";
import { buildStays } from "../../src/stays/buildStays.js";

// The CPR shape of helper-brief.md, assembled at run time so no CPR-shaped text is in this file.
const CPR = new RegExp(["\\b(0[1-9]|[12][0-9]|3[01])", "(0[1-9]|1[0-2])", "[0-9]{2}-?[0-9]{4}\\b"].join(""));

// The documented columns, written out here (not imported) so a drift of the writer fails.
// docs/registers.md "lpr3-a" + shared/reference/registers.md (LPR_A lpr_a_kontakt).
const LPR3A = "pnr,dw_ek_kontakt,dw_sk_sygehusophold,kont_starttidspunkt,kont_sluttidspunkt,kont_type,kont_patient_type,prioritet,adiag,borger_koen,borger_foedselsdato,borger_bo_kom,borger_bo_reg,lprindberetningssystem";
// docs/registers.md "lpr3-f" (LPR_F kontakter; lprindberetningssytem spelled so).
const LPR3F = "cpr_encrypted,DW_EK_KONTAKT,DW_EK_FORLOEB,dato_start,tidspunkt_start,dato_slut,tidspunkt_slut,kontakttype,prioritet,aktionsdiagnose,lprindberetningssytem";
// docs/registers.md "lpr2" (t_adm).
const LPR2 = "recnum,pnr,d_inddto,v_indtime,v_indminut,d_uddto,v_udtime,c_pattype,c_indm,c_adiag,c_kom,c_sgh,v_sengdage";
// docs/registers.md "npr" and shared/reference/registers.md (NPR somatic episodes).
const NPR = "pid,innDato,innTid,utDato,utTid,kjonn,fodselsar,komNrHjem2,Hdiag,omsorgsniva,innmateHast,drg,korrvekt,liggetid";

const EXPECTED_FILES: Record<RegisterShapeFormat, Record<string, string>> = {
  "lpr3-a": { "lpr_a_kontakt.csv": LPR3A, "drg.csv": "dw_sk_sygehusophold,pris" },
  "lpr3-f": { "kontakter.csv": LPR3F, "personer.csv": "cpr_encrypted,koen,foed_dag,kom", "drg.csv": "DW_EK_FORLOEB,pris" },
  lpr2: { "t_adm.csv": LPR2, "personer.csv": "pnr,koen,foed_dag,kom", "drg.csv": "recnum,v_pris" },
  npr: { "npr.csv": NPR },
};
const CONTRACT_FILES = {
  "population.csv": "year,municipality_code,sex,age,count",
  "geography.csv": "municipality_code,municipality_name,cluster,hospital_unit",
  "deaths.csv": "patient_id,died_at",
};
const FORMATS = Object.keys(EXPECTED_FILES) as RegisterShapeFormat[];
const UNIT_PRICE = 50000;

let root = "";
let ds: Dataset;
let admissionsText = "";

function readText(path: string): string {
  const raw = readFileSync(path);
  return path.endsWith(".gz") ? gunzipSync(raw).toString("utf8") : raw.toString("utf8");
}

/** Rows of a written file as records by header (no quoting occurs in these files). */
function readRows(path: string, delimiter = ","): { header: string[]; rows: Record<string, string>[] } {
  const lines = readText(path).split("\n");
  expect(lines.pop()).toBe("");
  const header = lines[0].split(delimiter);
  const rows = lines.slice(1).map((l) => {
    const f = l.split(delimiter);
    expect(f.length).toBe(header.length);
    return Object.fromEntries(header.map((h, k) => [h, f[k]]));
  });
  return { header, rows };
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];

/** Wall-clock minutes of "YYYY-MM-DD HH:MM:SS" or SAS "DDMONYYYY:HH:MM:SS". */
function parseDateTime(text: string): number {
  let m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):00$/.exec(text);
  if (m) return localMinutes(+m[1], +m[2], +m[3], +m[4], +m[5]);
  m = /^(\d{2})([A-Z]{3})(\d{4}):(\d{2}):(\d{2}):00$/.exec(text);
  if (!m) throw new Error(`not a date-time: ${text}`);
  return localMinutes(+m[3], MONTHS.indexOf(m[2]) + 1, +m[1], +m[4], +m[5]);
}

/** Total of cost_dkk read straight from the contract admissions.csv text (not via the loader). */
function contractTotalCost(): number {
  const lines = admissionsText.trim().split("\n");
  const col = lines[0].split(",").indexOf("cost_dkk");
  return lines.slice(1).reduce((s, l) => s + (l.split(",")[col] === "" ? 0 : Number(l.split(",")[col])), 0);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "klynge-registershape-"));
  const { files } = await generateToMemory({ seed: 5, years: [2019, 2020], fraction: 0.005 });
  const contractDir = join(root, "contract");
  mkdirSync(contractDir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(contractDir, name), text);
  admissionsText = files["admissions.csv"];
  ds = await loadDataset(contractDir);
  expect(ds.report.ok).toBe(true);
  for (const f of FORMATS) await writeRegisterFiles(ds, f, join(root, f), { unitPrice: UNIT_PRICE });
}, 30000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

describe("writeRegisterFiles: shapes", () => {
  it("writes exactly the documented files and headers per format", () => {
    for (const f of FORMATS) {
      const expected = { ...EXPECTED_FILES[f], ...CONTRACT_FILES };
      expect(readdirSync(join(root, f)).sort(), f).toEqual(Object.keys(expected).sort());
      for (const [name, header] of Object.entries(expected)) {
        expect(readText(join(root, f, name)).split("\n")[0], `${f}/${name}`).toBe(header);
      }
    }
  });

  it("writes one contact row per contract contact and one person row per patient", () => {
    const n = ds.contacts.length;
    expect(n).toBeGreaterThan(1000);
    const patients = new Set(Array.from(ds.contacts.patient)).size;
    for (const [f, file] of [["lpr3-a", "lpr_a_kontakt.csv"], ["lpr3-f", "kontakter.csv"], ["lpr2", "t_adm.csv"], ["npr", "npr.csv"]]) {
      expect(readRows(join(root, f, file)).rows.length, f).toBe(n);
    }
    for (const f of ["lpr3-f", "lpr2"]) expect(readRows(join(root, f, "personer.csv")).rows.length).toBe(patients);
    // LPR2's drg.csv has one row per contact with a cost.
    const withCost = Array.from(ds.contacts.cost).filter((v) => !Number.isNaN(v)).length;
    expect(readRows(join(root, "lpr2", "drg.csv")).rows.length).toBe(withCost);
  });

  it("contains no CPR-shaped string in any file", () => {
    expect(CPR.test(["0101", "90", "-", "1234"].join(""))).toBe(true);
    for (const f of FORMATS) {
      for (const name of readdirSync(join(root, f))) expect(CPR.test(readText(join(root, f, name))), `${f}/${name}`).toBe(false);
    }
  });
});

describe("writeRegisterFiles: values", () => {
  it("lpr3-a carries ids, times, priority, SKS diagnosis, sex, birth date and municipality per row", () => {
    const c = ds.contacts;
    const { rows } = readRows(join(root, "lpr3-a", "lpr_a_kontakt.csv"));
    let open = 0;
    rows.forEach((r, i) => {
      expect(r.pnr).toBe(c.patientIds[c.patient[i]]);
      expect(r.dw_ek_kontakt).toBe(String(i + 1));
      expect(parseDateTime(r.kont_starttidspunkt)).toBe(c.admittedAt[i]);
      if (c.dischargedAt[i] === MISSING) {
        expect(r.kont_sluttidspunkt).toBe("");
        open++;
      } else expect(parseDateTime(r.kont_sluttidspunkt)).toBe(c.dischargedAt[i]);
      expect(r.kont_type).toBe("ALCA00");
      expect(r.kont_patient_type).toBe("");
      expect(r.prioritet).toBe(c.acute[i] === 1 ? "ATA1" : "ATA3");
      expect(r.adiag).toBe(`D${c.diagnoses[c.diagnosis[i]]}`);
      expect(r.borger_koen).toBe(c.sex[i] === 2 ? "M" : "K");
      expect(r.borger_bo_kom).toBe(String(c.municipality[i]).padStart(4, "0"));
      expect(r.borger_bo_reg).toBe("1082"); // region scale: all of Region Midtjylland
      expect(r.lprindberetningssystem).toBe("LPR3");
    });
    expect(open).toBeGreaterThan(0); // the generated data has contacts still open at the end
  });

  it("groups contacts into courses by the 4-hour rule, as many as klynge's stays", () => {
    const { rows } = readRows(join(root, "lpr3-a", "lpr_a_kontakt.csv"));
    const byPatient = new Map<string, { a: number; d: number | null; course: string }[]>();
    for (const r of rows) {
      const list = byPatient.get(r.pnr) ?? [];
      list.push({ a: parseDateTime(r.kont_starttidspunkt), d: r.kont_sluttidspunkt === "" ? null : parseDateTime(r.kont_sluttidspunkt), course: r.dw_sk_sygehusophold });
      byPatient.set(r.pnr, list);
    }
    const courseOwner = new Map<string, string>();
    let checkedJoins = 0;
    let checkedSplits = 0;
    for (const [pnr, list] of byPatient) {
      list.sort((x, y) => x.a - y.a);
      let end: number | null = list[0].a;
      for (let k = 0; k < list.length; k++) {
        const x = list[k];
        expect(courseOwner.get(x.course) ?? pnr).toBe(pnr); // a course never spans two patients
        courseOwner.set(x.course, pnr);
        if (k > 0) {
          const same = end === null || elapsedMinutes(end, x.a) <= 240; // 4 h = 240 min
          expect(x.course === list[k - 1].course, `${pnr} contact ${k}`).toBe(same);
          if (same) checkedJoins++;
          else checkedSplits++;
        }
        if (end !== null) end = x.d === null ? null : k === 0 || !(x.course === list[k - 1].course) ? x.d : Math.max(end, x.d);
      }
    }
    expect(checkedJoins).toBeGreaterThan(10);
    expect(checkedSplits).toBeGreaterThan(10);
    // Independent implementation: klynge's stays layer (same 4 h rule) finds as many stays as courses.
    expect(courseOwner.size).toBe(buildStays(ds.contacts).report.stays);
    // lpr3-f's DW_EK_FORLOEB is the same course numbering.
    const f = readRows(join(root, "lpr3-f", "kontakter.csv")).rows;
    expect(f.map((r) => r.DW_EK_FORLOEB)).toEqual(rows.map((r) => r.dw_sk_sygehusophold));
  });

  it("drg.csv prices add up to the contract's total cost", () => {
    const total = contractTotalCost();
    expect(total).toBeGreaterThan(1e6);
    const sum = (f: string, col: string): number => readRows(join(root, f, "drg.csv")).rows.reduce((s, r) => s + Number(r[col]), 0);
    expect(sum("lpr3-a", "pris")).toBeCloseTo(total, 2);
    expect(sum("lpr3-f", "pris")).toBeCloseTo(total, 2);
    expect(sum("lpr2", "v_pris")).toBeCloseTo(total, 2);
    // Every course with a price has a contact; keys are unique.
    const keys = readRows(join(root, "lpr3-a", "drg.csv")).rows.map((r) => r.dw_sk_sygehusophold);
    expect(new Set(keys).size).toBe(keys.length);
    // npr: korrvekt × unit price gives the cost back to within the 8 decimals written.
    const npr = readRows(join(root, "npr", "npr.csv")).rows;
    const back = npr.reduce((s, r) => s + (r.korrvekt === "" ? 0 : Number(r.korrvekt) * UNIT_PRICE), 0);
    expect(Math.abs(back - total)).toBeLessThan(npr.length * UNIT_PRICE * 5e-9);
  });

  it("lpr2 and npr carry their codes", () => {
    const c = ds.contacts;
    const t = readRows(join(root, "lpr2", "t_adm.csv")).rows;
    const n = readRows(join(root, "npr", "npr.csv")).rows;
    for (let i = 0; i < c.length; i++) {
      expect(t[i].c_pattype).toBe(c.inpatient[i] === 1 ? "0" : "2");
      expect(t[i].c_indm).toBe(c.acute[i] === 1 ? "1" : "2");
      expect(t[i].c_kom).toBe(String(c.municipality[i]));
      expect(t[i].c_sgh).toBe(c.hospital[i] < 0 ? "" : c.hospitals[c.hospital[i]]);
      const [y, mo, d] = t[i].d_inddto.split("-").map(Number);
      expect(localMinutes(y, mo, d, Number(t[i].v_indtime), Number(t[i].v_indminut))).toBe(c.admittedAt[i]);
      if (c.dischargedAt[i] !== MISSING) {
        const [y2, mo2, d2] = t[i].d_uddto.split("-").map(Number);
        const hour = localMinutes(y2, mo2, d2, Number(t[i].v_udtime), 0);
        // LPR2 has no discharge minute: the hour is the discharge time truncated.
        expect(c.dischargedAt[i] - hour).toBeGreaterThanOrEqual(0);
        expect(c.dischargedAt[i] - hour).toBeLessThan(60);
      } else expect(t[i].d_uddto + t[i].v_udtime + t[i].v_sengdage).toBe("");
      expect(n[i].kjonn).toBe(c.sex[i] === 2 ? "1" : "2");
      expect(n[i].omsorgsniva).toBe(c.inpatient[i] === 1 ? "1" : "3");
      expect(n[i].innmateHast).toBe(c.acute[i] === 1 ? "1" : "4");
      expect(n[i].Hdiag).toBe(c.diagnoses[c.diagnosis[i]]);
      expect(n[i].komNrHjem2).toBe(String(c.municipality[i]).padStart(4, "0"));
      expect(n[i].drg).toBe("");
      if (c.dischargedAt[i] === MISSING) expect(n[i].utDato + n[i].utTid + n[i].liggetid).toBe("");
    }
  });

  it("writes the contract tables so that they load back unchanged", async () => {
    const dir = join(root, "lpr3-a");
    copyFileSync(join(root, "contract", "admissions.csv"), join(dir, "admissions.csv"));
    const back = await loadDataset(dir);
    rmSync(join(dir, "admissions.csv"));
    expect(back.report.ok).toBe(true);
    expect(back.population.length).toBe(ds.population.length);
    expect(Array.from(back.population.count)).toEqual(Array.from(ds.population.count));
    expect(Array.from(back.population.age)).toEqual(Array.from(ds.population.age));
    expect(Array.from(back.population.ageOpen)).toEqual(Array.from(ds.population.ageOpen));
    expect(back.geography).toEqual(ds.geography);
    expect(Array.from(back.deaths?.diedOnByPatient ?? [])).toEqual(Array.from(ds.deaths?.diedOnByPatient ?? []));
  });

  it("writes SAS dates, ';' and gzip on request, with the same instants", async () => {
    const dir = join(root, "sas");
    const res = await writeRegisterFiles(ds, "lpr3-a", dir, { dateStyle: "sas", delimiter: ";", gzip: true });
    expect(res.rows).toBe(ds.contacts.length);
    expect(readdirSync(dir).sort()).toEqual(["deaths.csv.gz", "drg.csv.gz", "geography.csv", "lpr_a_kontakt.csv.gz", "population.csv"]);
    const sas = readRows(join(dir, "lpr_a_kontakt.csv.gz"), ";");
    expect(sas.header.join(",")).toBe(LPR3A);
    const iso = readRows(join(root, "lpr3-a", "lpr_a_kontakt.csv")).rows;
    sas.rows.forEach((r, i) => {
      expect(r.kont_starttidspunkt).toMatch(/^\d{2}[A-Z]{3}\d{4}:\d{2}:\d{2}:00$/);
      expect(parseDateTime(r.kont_starttidspunkt)).toBe(parseDateTime(iso[i].kont_starttidspunkt));
      expect(r.borger_foedselsdato).toMatch(/^\d{2}[A-Z]{3}\d{4}$/);
    });
    for (const name of readdirSync(dir)) expect(CPR.test(readText(join(dir, name))), name).toBe(false);
  });
});

/** A hand-made contact table: a patient who moves between years and within a year, an open contact. */
function handMade(ids: string[]): Pick<Dataset, "contacts" | "population" | "geography" | "deaths"> {
  const t = (y: number, mo: number, d: number, h: number, mi: number) => localMinutes(y, mo, d, h, mi);
  // rows: patient, admitted, discharged, municipality
  const spec: [number, number, number, number][] = [
    [0, t(2019, 5, 1, 8, 0), t(2019, 5, 1, 9, 30), 751],
    [0, t(2019, 5, 1, 13, 30), t(2019, 5, 2, 10, 45), 751], // 4 h 0 min after: same course
    [0, t(2020, 2, 1, 8, 0), t(2020, 2, 1, 9, 0), 615], // moved in 2020
    [1, t(2020, 3, 1, 8, 0), MISSING, 101], // still open
    [1, t(2020, 3, 9, 8, 0), t(2020, 3, 9, 9, 0), 101], // absorbed by the open contact
    [1, t(2019, 3, 1, 8, 0), t(2019, 3, 1, 9, 0), 101],
    [1, t(2019, 3, 1, 13, 1), t(2019, 3, 1, 14, 0), 101], // 4 h 1 min after: a new course
  ];
  const n = spec.length;
  const contacts: ContactTable = {
    length: n,
    patient: Int32Array.from(spec.map((s) => s[0])),
    patientIds: ids,
    birthDate: new Int32Array(n).fill(-3000),
    sex: Uint8Array.from(spec.map((s) => (s[0] === 0 ? 1 : 2))),
    municipality: Int16Array.from(spec.map((s) => s[3])),
    hospital: new Int32Array(n).fill(-1),
    hospitals: [],
    admittedAt: Int32Array.from(spec.map((s) => s[1])),
    dischargedAt: Int32Array.from(spec.map((s) => s[2])),
    acute: Uint8Array.from(spec.map((_, i) => i % 2)),
    inpatient: Uint8Array.from(spec.map((_, i) => (i + 1) % 2)),
    diagnosis: new Int32Array(n),
    diagnoses: ["J189"],
    referral: new Int8Array(n).fill(-1),
    cost: Float64Array.from(spec.map((_, i) => (i === 1 ? NaN : 1000.5 * (i + 1)))),
    sourceLine: Int32Array.from(spec.map((_, i) => i + 2)),
  };
  const population = { length: 0, year: new Int16Array(0), municipality: new Int16Array(0), sex: new Uint8Array(0), age: new Int16Array(0), ageOpen: new Uint8Array(0), count: new Float64Array(0) };
  return { contacts, population, geography: [], deaths: null };
}

describe("writeRegisterFiles: hand-made cases", () => {
  it("numbers courses by the 4-hour rule and lets an open contact absorb later ones", async () => {
    const dir = join(root, "hand-a");
    await writeRegisterFiles(handMade(["pa1x", "pb2y"]), "lpr3-a", dir);
    const course = readRows(join(dir, "lpr_a_kontakt.csv")).rows.map((r) => Number(r.dw_sk_sygehusophold));
    expect(course[0]).toBe(course[1]); // gap exactly 4 h
    expect(course[2]).not.toBe(course[1]);
    expect(course[3]).toBe(course[4]); // open contact absorbs
    expect(course[5]).not.toBe(course[6]); // gap 4 h 1 min
    expect(new Set(course).size).toBe(5); // {0,1} {2} {3,4} {5} {6}
    const drg = readRows(join(dir, "drg.csv")).rows;
    // course of rows 0+1: only row 0 has a cost (1000.5 × 1); rows 3+4: 1000.5 × (4 + 5)
    expect(drg.find((r) => Number(r.dw_sk_sygehusophold) === course[0])?.pris).toBe("1000.5");
    expect(drg.find((r) => Number(r.dw_sk_sygehusophold) === course[3])?.pris).toBe("9004.5");
    expect(drg.reduce((s, r) => s + Number(r.pris), 0)).toBeCloseTo(1000.5 * (1 + 3 + 4 + 5 + 6 + 7), 6);
  });

  it("writes personer.csv per person and year when a patient moved, so each contact finds its municipality", async () => {
    const dir = join(root, "hand-f");
    await writeRegisterFiles(handMade(["pa1x", "pb2y"]), "lpr3-f", dir);
    const p = readRows(join(dir, "personer.csv"));
    expect(p.header.join(",")).toBe("cpr_encrypted,koen,foed_dag,kom,aar");
    expect(p.rows.map((r) => [r.cpr_encrypted, r.kom, r.aar, r.koen])).toEqual([
      ["pa1x", "751", "2019", "K"],
      ["pa1x", "615", "2020", "K"],
      ["pb2y", "101", "2019", "M"],
      ["pb2y", "101", "2020", "M"],
    ]);
    const k = readRows(join(dir, "kontakter.csv")).rows;
    expect([k[3].dato_slut, k[3].tidspunkt_slut]).toEqual(["", ""]);
    expect([k[0].dato_start, k[0].tidspunkt_start]).toEqual(["2019-05-01", "08:00:00"]);
    // lpr2 keeps one row per person (its municipality is t_adm's c_kom).
    const dir2 = join(root, "hand-2");
    await writeRegisterFiles(handMade(["pa1x", "pb2y"]), "lpr2", dir2);
    expect(readRows(join(dir2, "personer.csv")).rows.length).toBe(2);
    const t = readRows(join(dir2, "t_adm.csv")).rows;
    expect([t[1].v_udtime, t[1].v_sengdage, t[3].d_uddto, t[3].v_udtime]).toEqual(["10", "1", "", ""]);
  });

  it("refuses CPR-shaped ids and invalid options", async () => {
    const cprLike = ["0101", "90", "1234"].join("");
    await expect(writeRegisterFiles(handMade(["pa1x", cprLike]), "npr", join(root, "never"))).rejects.toThrow(/shaped like a CPR number/);
    const ok = handMade(["pa1x", "pb2y"]);
    await expect(writeRegisterFiles(ok, "lpr9" as RegisterShapeFormat, join(root, "never"))).rejects.toThrow(/unknown format "lpr9"/);
    await expect(writeRegisterFiles(ok, "npr", join(root, "never"), { unitPrice: 0 })).rejects.toThrow(/unitPrice must be a positive number/);
    await expect(writeRegisterFiles(ok, "npr", join(root, "never"), { delimiter: "|" as ";" })).rejects.toThrow(/delimiter must be/);
    expect(readdirSync(root)).not.toContain("never");
  });
});

describe("byteDictionary", () => {
  it("encodes UTF-8 entries, empty ones and ones holding a line break", async () => {
    const { byteDictionary } = await import("../../src/generate/registerShape/byteOutput.js");
    for (const values of [["", "a", "Ærø", "bb"], ["x\ny", "z"], ["only"], []]) {
      const dict = byteDictionary(values);
      const back = values.map((_, k) => Buffer.from(dict.bytes.subarray(dict.start[k], dict.start[k + 1] - dict.gap)).toString("utf8"));
      expect(back).toEqual(values);
    }
  });
});

describe("safeFields", () => {
  it("quotes values holding the delimiter, a quote or a line break, and finds CPR shapes in any entry", async () => {
    const { safeFields } = await import("../../src/generate/registerShape/csvText.js");
    const plain = ["a", "b c", "Ærø"];
    expect(safeFields(plain, ",", "x")).toBe(plain); // no copy when nothing needs quoting
    expect(safeFields(["a,b", "c"], ",", "x")).toEqual(['"a,b"', "c"]);
    expect(safeFields(["a;b", "c"], ",", "x")).toEqual(["a;b", "c"]);
    expect(safeFields(['say "hi"'], ";", "x")).toEqual(['"say ""hi"""']);
    expect(safeFields(["x\ny", "z"], ",", "x")).toEqual(['"x\ny"', "z"]);
    const cprLike = ["3112", "99", "-", "0000"].join("");
    expect(() => safeFields(["ok", `id${"\n"}`, cprLike], ",", "patient id")).toThrow(/patient id is shaped like a CPR number/);
    expect(() => safeFields([`p${cprLike}`], ",", "x")).not.toThrow(); // a letter before it: no word boundary
  });
});

describe("number texts", () => {
  it("writes prices with at most 2 decimals and weights with at most 8, never in exponent form", async () => {
    const { decimalText, priceText } = await import("../../src/generate/registerShape/csvText.js");
    expect(priceText(0.1 + 0.2)).toBe("0.3");
    expect(priceText(2884)).toBe("2884");
    expect(decimalText(2884 / 50000, 8)).toBe("0.05768");
    expect(decimalText(1 / 3, 8)).toBe("0.33333333");
    expect(decimalText(1e-7, 8)).toBe("0.0000001");
    expect(decimalText(0, 8)).toBe("0");
  });
});

describe("ByteOutput.fixed", () => {
  it("writes the same text as decimalText for weights", async () => {
    const { ByteOutput } = await import("../../src/generate/registerShape/byteOutput.js");
    const { decimalText } = await import("../../src/generate/registerShape/csvText.js");
    const dir = mkdtempSync(join(tmpdir(), "klynge-fixed-"));
    const values = [0, 1, 0.05768, 1 / 3, 2 / 3, 12.5, 0.1 + 0.2, 123456.78901234, 1e-9, 0.000000049, 9999999.99999999];
    const out = new ByteOutput(join(dir, "x.txt"), false);
    for (const v of values) {
      expect(out.fixed(v, 8)).toBe(true);
      out.byte(10);
    }
    expect(out.fixed(-1, 8)).toBe(false);
    expect(out.fixed(1e7, 8)).toBe(false);
    await out.close();
    expect(readFileSync(join(dir, "x.txt"), "utf8").trim().split("\n")).toEqual(values.map((v) => decimalText(v, 8)));
    rmSync(dir, { recursive: true });
  });
});
