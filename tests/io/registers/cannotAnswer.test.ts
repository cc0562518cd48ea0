/**
 * Register extracts answer the data group's questions, or say why not (issue 17): on the hand-made
 * samples of data/samples/, the load report, the indicator rows' notes and the report say
 * "kan ikke besvares med dette udtræk: …" instead of printing zeros or "not given"; a referral-mode
 * column that is mapped (--map) answers "from where".
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cannotAnswerOf } from "../../../src/contract/dataset.js";
import { computeIndicators } from "../../../src/indicators/computeIndicators.js";
import { formatLoadReport } from "../../../src/io/formatLoadReport.js";
import { loadDataset } from "../../../src/io/loadDataset.js";

const SAMPLES = join(__dirname, "..", "..", "..", "data", "samples");
const KEY = "samples test key, not a secret";

describe("what each register sample cannot answer", () => {
  it.each([
    // LPR_A's kontakt table has no referral field and no hospital; inpatient is derived from the duration
    ["lpr3-a", { referral_source: "no_referral_column", registration_practice: "inpatient_derived", hospital: "no_hospital_column" }],
    // LPR_F: the sample has no henvisningsmaade column; SORENHED_ANS names the unit
    ["lpr3-f", { referral_source: "no_referral_column", registration_practice: "inpatient_derived" }],
    // LPR2: c_pattype registers inpatients; c_sgh the hospital; the sample has no c_henm
    ["lpr2", { referral_source: "no_referral_column" }],
    // NPR: no referral field in the preset, no hospital
    ["npr", { referral_source: "no_referral_column", hospital: "no_hospital_column" }],
  ] as const)("%s", async (format, expected) => {
    const ds = await loadDataset(join(SAMPLES, format), { format, pseudonymKey: KEY, strict: false });
    expect(Object.fromEntries(cannotAnswerOf(ds.report))).toEqual(expected);
    const text = formatLoadReport(ds.report, "da");
    expect(text).toContain("kan ikke besvares med dette udtræk: hvorfra borgerne henvises — filen har intet felt for henvisning");
    if ("registration_practice" in expected) expect(text).toContain("kan ikke besvares med dette udtræk: registreringspraksis");
    // the referral rows carry the note instead of a count of "not given"
    const rows = computeIndicators(ds, { indicators: ["questions"], minCount: 0, sexes: ["all"] });
    const referral = rows.filter((r) => r.indicator.startsWith("who_referral"));
    expect(referral.length).toBeGreaterThan(0);
    for (const r of referral) {
      expect(r.numerator).toBeNull();
      expect(r.note).toBe("kan ikke besvares med dette udtræk: filen har intet felt for henvisning");
    }
    // the other questions are answered (e.g. when: weekday × hour)
    expect(rows.some((r) => r.indicator.startsWith("weekday_hour:") && (r.numerator ?? 0) > 0)).toBe(true);
  });
});

describe("lpr3-f with a referral-mode column (henvisningsmaade)", () => {
  // The sample with henvisningsmaade added: X11 on the first patient's rows, X20 on the others.
  const dir = mkdtempSync(join(tmpdir(), "klynge-referral-"));
  for (const f of ["personer.csv", "population.csv", "drg.csv"]) copyFileSync(join(SAMPLES, "lpr3-f", f), join(dir, f));
  const lines = readFileSync(join(SAMPLES, "lpr3-f", "kontakter.csv"), "utf8").trimEnd().split("\n");
  writeFileSync(join(dir, "kontakter.csv"), [`${lines[0]},henvisningsmaade`, ...lines.slice(1).map((l) => `${l},${l.startsWith("c9x2kq7m4z,") ? "X11" : "X20"}`)].join("\n") + "\n");

  it("unmapped codes: counted in the load report, and the question is not answered", async () => {
    const ds = await loadDataset(dir, { format: "lpr3-f", pseudonymKey: KEY, strict: false });
    expect(cannotAnswerOf(ds.report).get("referral_source")).toBe("referral_codes_not_mapped");
    const text = formatLoadReport(ds.report, "da");
    expect(text).toMatch(/henvisningsmaade X11: 3 -> IKKE AFBILDET/);
    expect(text).toContain("henvisningsmådens koder har ingen dokumenteret betydning; angiv den med --map");
  });

  it("mapped with --map henvisningsmaade.X11=gp: from where is answered", async () => {
    const ds = await loadDataset(dir, { format: "lpr3-f", pseudonymKey: KEY, strict: false, codeMap: { henvisningsmaade: { X11: "gp" } } });
    expect(cannotAnswerOf(ds.report).has("referral_source")).toBe(false);
    const rows = computeIndicators(ds, { minCount: 0, sexes: ["all"], groups: ["all"], levels: ["region"] });
    const get = (ind: string) => rows.find((r) => r.indicator === ind && r.period === "2020" && r.group === "all");
    // Hand count, acute stays of >= 12 h starting in 2020: c9x2kq7m4z 3 Feb (42 h) and 20 Feb (25 h);
    // e4p8wn1v6r 3 Nov (18 h); j2t6hy9b3q 2 Mar and 29 Mar; u7d3sx5f1l 19 Aug (merged with 20 Aug,
    // 3.5 h apart); y6b2rz3j7v 1 Dec and 20 Dec; i3k7ta2w5o 4 Sep: 9, of which c9x2kq7m4z's 2 from the GP.
    expect(get("who_referral:gp")?.numerator).toBe(2);
    expect(get("who_referral:not_given")?.numerator).toBe(7);
    expect(get("who_referral:gp")?.denominator).toBe(9);
    expect(get("admission_rate")?.numerator).toBe(9);
    expect(get("who_referral:gp")?.note).toBeUndefined();
  });
});

describe("registration practice on register extracts", () => {
  it("LPR3 (lpr3-f): the comparison says it cannot be answered instead of showing no difference", async () => {
    const ds = await loadDataset(join(SAMPLES, "lpr3-f"), { format: "lpr3-f", pseudonymKey: KEY, strict: false });
    const { registrationByHospital } = await import("../../../src/indicators/registrationByHospital.js");
    const { registrationPractice } = await import("../../../src/indicators/registrationPractice.js");
    const note = "kan ikke besvares med dette udtræk: indlagt/ambulant afledes af varigheden (mindst 12 timer), så »som registreret« er det samme som 12-timers-reglen";
    const byCluster = registrationPractice(ds, { minCount: 0, groups: ["all"] });
    expect(byCluster.length).toBeGreaterThan(0);
    for (const r of byCluster) {
      expect(r.note).toBe(note);
      // derived from the duration: the two rules agree, which is why it is said
      if (r.admissions_difference !== null) expect(r.admissions_difference).toBe(0);
    }
    const byHospital = registrationByHospital(ds, { minCount: 0, group: "all" });
    expect(byHospital.length).toBeGreaterThan(0);
    for (const r of byHospital) expect(r.note).toBe(note);
  });

  it("LPR2 registers inpatients: no note; LPR_A names no hospital: no rows by hospital", async () => {
    const { registrationByHospital } = await import("../../../src/indicators/registrationByHospital.js");
    const { registrationPractice } = await import("../../../src/indicators/registrationPractice.js");
    const lpr2 = await loadDataset(join(SAMPLES, "lpr2"), { format: "lpr2", pseudonymKey: KEY, strict: false });
    expect(registrationPractice(lpr2, { minCount: 0, groups: ["all"] }).every((r) => r.note === undefined)).toBe(true);
    expect(registrationByHospital(lpr2, { minCount: 0, group: "all" }).some((r) => r.level === "hospital")).toBe(true);
    const lpr3a = await loadDataset(join(SAMPLES, "lpr3-a"), { format: "lpr3-a", pseudonymKey: KEY, strict: false });
    expect(registrationByHospital(lpr3a, { minCount: 0, group: "all" })).toEqual([]);
  });
});
