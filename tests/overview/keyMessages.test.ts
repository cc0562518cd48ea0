/**
 * Key messages for hand-built findings: every kind of finding, in Danish and English, with the
 * numbers of the finding in the sentence; and "nothing stands out" when nothing does.
 */
import { describe, expect, it } from "vitest";
import { keyFindings, keyMessages, overviewTable, type OverviewRow } from "../../src/overview/index.js";
import type { KeyFinding } from "../../src/overview/keyFindings.js";
import type { InterventionEffectResult, InterventionEffectRow } from "../../src/spread/index.js";
import { months, series, steady, yearsOf } from "./fixtures.js";

const name = (level: OverviewRow["level"], unit: string) => (level === "region" ? "Regionen" : unit);

const special: KeyFinding = {
  code: "special_cause",
  indicator: "readmission_30d",
  group: "65+",
  reading: "concern",
  units: [
    { unit: "Midt", level: "cluster", signal: "concern_high", period: "2023-06", value: 14.25, rules: ["outside-limits"], kind: "proportion", multiplier: 100 },
    { unit: "Vest", level: "cluster", signal: "concern_high", period: "2023-06", value: 13.1, rules: ["trend", "shift"], kind: "proportion", multiplier: 100 },
  ],
  charts: [],
};

const improvement: KeyFinding = {
  code: "special_cause",
  indicator: "admission_rate",
  group: "all",
  reading: "improvement",
  units: [{ unit: "region", level: "region", signal: "improvement_low", period: "2023-12", value: 118.04, rules: ["shift"], kind: "rate", multiplier: 1000 }],
  charts: [],
};

const neutral: KeyFinding = {
  code: "special_cause",
  indicator: "focus_admissions_0_2",
  group: "0-2",
  reading: "neutral",
  units: [{ unit: "Aarhus", level: "cluster", signal: "neutral_high", period: "2023-H1", value: 40, rules: ["two-of-three"], kind: "rate", multiplier: 1000 }],
  charts: [],
};

const funnel: KeyFinding = {
  code: "funnel_outlier",
  indicator: "preventable_admission_rate",
  group: "65+",
  level: "municipality",
  period: "2023",
  side: "below",
  better: true,
  units: [
    { unit: "Skive", value: 41.26, kind: "rate", multiplier: 1000 },
    { unit: "Lemvig", value: 39.9, kind: "rate", multiplier: 1000 },
  ],
  charts: [],
};

const targetOf = (assurance: "consistent_pass" | "consistent_fail" | "inconsistent"): KeyFinding => ({
  code: "target",
  indicator: "readmission_30d",
  group: "65+",
  assurance,
  units: [{ unit: "Midt", level: "cluster", target: 10.8, source: { kind: "intervention", intervention: "frail-elderly-follow-up", target: "fewer-readmissions" }, processLower: 8.12, processUpper: 15.5, period: "2023-12", kind: "proportion", multiplier: 100 }],
  charts: [],
});

const effect = (over: Partial<Extract<KeyFinding, { code: "effect" }>> = {}): KeyFinding => ({
  code: "effect",
  intervention: "frail-elderly-follow-up",
  interventionName: "Opfølgende hjemmebesøg",
  target: "fewer-readmissions",
  indicator: "readmission_30d",
  group: "65+",
  method: "staggered_did",
  unit: null,
  rateRatio: 0.912,
  lower: 0.84,
  upper: 0.99,
  level: 0.95,
  effect: "improvement",
  outcome: "count",
  assumption: { code: "did_drift", values: {} },
  breakdown: 0.63,
  preTrend: { rateRatio: 1.01, lower: 0.95, upper: 1.07 },
  placeboChanges: ["Horsens"],
  charts: [],
  ...over,
});

describe("keyMessages: one sentence per finding, its numbers in it", () => {
  it("special cause (concern, improvement, neutral) — which units, when, the value and the rule that flagged it", () => {
    const [c, i, n] = keyMessages([special, improvement, neutral], { lang: "da", unitName: name });
    expect(c.text).toBe(
      "Særlig variation, bekymring: akutte genindlæggelser inden for 30 dage (65+ år) i seneste periode — Midt (juni 2023: 14,3 %, over den øvre kontrolgrænse) og Vest (juni 2023: 13,1 %, 7 stigende punkter i træk).",
    );
    expect(i.text).toBe("Særlig variation, forbedring: indlæggelser (alle aldre) i seneste periode — Regionen (december 2023: 118,0 pr. 1.000, mindst 7 punkter i træk under midterlinjen).");
    expect(n.text).toContain("Særlig variation (ingen retning er bedre)");
    expect(n.text).toContain("Aarhus (1. halvår 2023: 40,0 pr. 1.000, 2 af 3 punkter nær den øvre kontrolgrænse)");
    const en = keyMessages([special], { lang: "en", unitName: (l, u) => u })[0].text;
    expect(en).toBe(
      "Special cause, concern: acute readmissions within 30 days (aged 65+) in the latest period — Midt (June 2023: 14.3%, above the upper control limit) and Vest (June 2023: 13.1%, 7 rising points in a row).",
    );
  });

  it("funnel outliers at 99.8 %, better or worse than the region's level", () => {
    const [m] = keyMessages([funnel], { lang: "da" });
    expect(m.text).toBe("Under 99,8 %-grænsen i tragtplottet for 2023: forebyggelige indlæggelser (65+ år) — Skive (41,3 pr. 1.000) og Lemvig (39,9 pr. 1.000); bedre end forventet ud fra regionens niveau.");
    expect(keyMessages([{ ...funnel, side: "above", better: null } as KeyFinding], { lang: "en" })[0].text).toBe(
      "Above the 99.8% limit of the funnel plot for 2023: preventable admissions (aged 65+) — Skive (41.3 per 1,000) and Lemvig (39.9 per 1,000).",
    );
  });

  it("targets: met every time, missed without a change, met by chance — with the target and the control limits", () => {
    const iv = (id: string) => (id === "frail-elderly-follow-up" ? "Opfølgende hjemmebesøg" : id);
    const [fail, pass, hit] = keyMessages([targetOf("consistent_fail"), targetOf("consistent_pass"), targetOf("inconsistent")], { lang: "da", interventionName: iv });
    expect(fail.text).toBe(
      "Målet nås ikke uden en ændring af processen: akutte genindlæggelser inden for 30 dage (65+ år) — Midt (mål 10,8 %, kontrolgrænser 8,1–15,5 %): målet ligger uden for kontrolgrænserne på den dårlige side. Målet er sat af: Opfølgende hjemmebesøg.",
    );
    expect(pass.text).toMatch(/^Målet nås hver gang, hvis processen fortsætter/);
    expect(hit.text).toMatch(/^Målet nås kun tilfældigt .*målet ligger mellem kontrolgrænserne\. Målet er sat af: Opfølgende hjemmebesøg\.$/);
    expect(keyMessages([targetOf("consistent_fail")], { lang: "en" })[0].text).toContain("Midt (target 10.8%, control limits 8.1–15.5%): the target lies outside the control limits on the worse side. The target is set by: frail-elderly-follow-up.");
  });

  it("effects: the estimate with its honest interval, its reading and the caveats (placebo, parallel-trends sensitivity, pre-trend)", () => {
    const [m] = keyMessages([effect()], { lang: "da" });
    expect(m.text).toBe(
      "Opfølgende hjemmebesøg: akutte genindlæggelser inden for 30 dage (65+ år) faldt 9 % i klyngerne med indsatsen mod klyngerne uden (forskel-i-forskelle; rate ratio 0,91, 95 %-interval 0,84–0,99). En forbedring ud over tilfældig variation: intervallet ligger helt på den gode side af 1. Forbehold: placebo-ændring uden indsatsen i Horsens, så designet er i tvivl; effekten holder kun, så længe brud på parallelle trends efter start højst er 0,63 gange det største før start.",
    );
    const none = keyMessages([effect({ effect: "no_clear_effect", rateRatio: 0.97, lower: 0.88, upper: 1.07, placeboChanges: [], breakdown: 0, preTrend: { rateRatio: 1.12, lower: 1.03, upper: 1.22 } })], { lang: "en" })[0].text;
    expect(none).toBe(
      "Opfølgende hjemmebesøg: acute readmissions within 30 days (aged 65+) fell by 3% in the clusters with the intervention against those without (difference-in-differences; rate ratio 0.97, 95% interval 0.88–1.07). The interval includes 1: no clear effect. Caveats: the clusters did not move together before the start (placebo before the start: 1.12, 1.03–1.22).",
    );
    const its = keyMessages([effect({ method: "its", unit: "Midt", effect: "worse", rateRatio: 1.2, lower: 1.05, upper: 1.37, placeboChanges: [], breakdown: null, preTrend: null })], { lang: "da" })[0].text;
    expect(its).toBe("Opfølgende hjemmebesøg i Midt: akutte genindlæggelser inden for 30 dage (65+ år) steg 20 % efter start (afbrudt tidsserie; rate ratio 1,20, 95 %-interval 1,05–1,37). En forværring ud over tilfældig variation: intervallet ligger helt på den dårlige side af 1.");
  });

  it("effects of one intervention without a clear change and without caveats are said in one sentence, each with its interval", () => {
    const a = effect({ effect: "no_clear_effect", rateRatio: 0.95, lower: 0.88, upper: 1.03, placeboChanges: [], preTrend: null, target: "a", indicator: "admission_rate" });
    const b = effect({ effect: "no_clear_effect", rateRatio: 0.99, lower: 0.97, upper: 1.0, placeboChanges: [], preTrend: null, target: "b", indicator: "cost_per_citizen", group: "all", outcome: "amount" });
    const ms = keyMessages([a, special, b], { lang: "da" });
    expect(ms.map((m) => m.code)).toEqual(["effect", "special_cause"]);
    expect(ms[0].findings).toEqual([a, b]);
    expect(ms[0].text).toBe("Opfølgende hjemmebesøg: ingen klar effekt på indlæggelser (65+ år) (0,95; 0,88–1,03) og sundhedsudgifter pr. borger (alle aldre) (0,99; 0,97–1,00) — hvert interval rummer 1.");
  });

  it("nothing stands out: says so, with what was looked at", () => {
    const M = months(2016, 2019);
    const rows = ["Horsens", "Midt"].flatMap((u) => {
      const cs = steady(M, 0.12, 200);
      return [...series("readmission_30d", "65+", "cluster", u, cs), ...series("readmission_30d", "65+", "cluster", u, yearsOf(cs))];
    });
    const overview = overviewTable(rows, { measures: [{ indicator: "readmission_30d", group: "65+" }] });
    expect(overview.rows.every((r) => r.variation === "common_cause" && r.funnel === "within")).toBe(true);
    const findings = keyFindings(overview.rows);
    expect(findings).toEqual([{ code: "nothing_stands_out", measures: 1, units: 2, effects: 0, charts: [{ kind: "overview" }] }]);
    expect(keyMessages(findings, { lang: "da" })[0].text).toBe(
      "Intet skiller sig ud: seneste periode viser almindelig variation for 1 mål i 2 enheder, ingen enhed ligger uden for tragtplottets 99,8 %-grænser, intet mål har et klart udsagn.",
    );
    expect(keyMessages(findings, { lang: "en" })[0].text).toBe(
      "Nothing stands out: the latest period shows common-cause variation for 1 measure in 2 units, no unit lies outside the funnel plot's 99.8% limits, no target has a clear answer.",
    );
    // singular and plural in both languages: one unit, several measures, one and several effect estimates
    const one = { code: "nothing_stands_out", measures: 3, units: 1, effects: 1, charts: [{ kind: "overview" }] } as const;
    expect(keyMessages([one], { lang: "en" })[0].text).toMatch(/^Nothing stands out: the latest period shows common-cause variation for 3 measures in 1 unit, .*, and the one effect estimate is not clear\.$/);
    expect(keyMessages([one], { lang: "da" })[0].text).toMatch(/for 3 mål i 1 enhed, .*, og det ene effektestimat er ikke klart\.$/);
    expect(keyMessages([{ ...one, effects: 4 }], { lang: "en" })[0].text).toMatch(/, and none of 4 effect estimates is clear\.$/);
  });
});

describe("keyFindings from effect estimates", () => {
  const row = (over: Partial<InterventionEffectRow>): InterventionEffectRow => ({
    intervention: "iv",
    target: "t1",
    indicator: "readmission_30d",
    group: "65+",
    dimension: "population_health",
    direction: "decrease",
    unit: "all clusters",
    role: "all",
    method: "staggered_did",
    start: null,
    rateRatio: 0.9,
    lower: 0.82,
    upper: 0.98,
    level: 0.95,
    placebo: false,
    warning: null,
    assumption: { code: "did_drift", values: {} },
    breakdown: 0.5,
    levelChange: null,
    levelChangePValue: null,
    ljungBoxP: null,
    preTrend: null,
    prePeriods: 12,
    postPeriods: 24,
    events: 5000,
    effect: "improvement",
    notes: [],
    ...over,
  });
  it("takes the DiD estimate with the placebo warnings of the comparison clusters; without a DiD, each adopting cluster's ITS; not estimable gives no finding", () => {
    const result: InterventionEffectResult = {
      intervention: "iv",
      rows: [
        row({}),
        row({ method: "its", unit: "Midt", role: "adopting", breakdown: null }),
        row({ method: "its", unit: "Horsens", role: "comparison", placebo: true, warning: "placebo_change" }),
        row({ target: "t2", method: "its", unit: "Midt", role: "adopting", rateRatio: 1.01, lower: 0.9, upper: 1.13, effect: "no_clear_effect", breakdown: null }),
        row({ target: "t3", rateRatio: null, lower: null, upper: null, effect: "not_estimable" }),
      ],
      models: {},
      notes: [],
    };
    const f = keyFindings([], { effects: [{ name: "Indsats", result }] });
    expect(f.map((x) => (x.code === "effect" ? [x.target, x.method, x.unit, x.effect, x.placeboChanges] : x.code))).toEqual([
      ["t1", "staggered_did", null, "improvement", ["Horsens"]],
      ["t2", "its", "Midt", "no_clear_effect", []],
    ]);
    expect(f[0].charts).toEqual([{ kind: "effect", intervention: "iv", target: "t1" }]);
  });
});
