import { describe, expect, it } from "vitest";
import {
  InterventionValidationError,
  parseIntervention,
  validateIntervention,
  validateInterventionText,
} from "../../src/spread/index.js";
import type { GeographyRow } from "../../src/contract/tables.js";
import { minimalIntervention } from "./fixtures/minimal.js";
import { spreadProblemLine } from "../../src/spread/spreadProblem.js";

const F = "test.yaml";
// The problems' lines in English (spreadProblemLine); `message` is the Danish line, checked word for word below.
const messages = (raw: unknown, opts = {}) => validateIntervention(raw, F, opts).problems.map((p) => spreadProblemLine(p, "en"));
const errors = (raw: unknown, opts = {}) =>
  validateIntervention(raw, F, opts).problems.filter((p) => p.severity === "error").map((p) => spreadProblemLine(p, "en"));
const danish = (raw: unknown, opts = {}) => validateIntervention(raw, F, opts).problems.map((p) => p.message);

const GEO: GeographyRow[] = [
  { municipality_code: 740, municipality_name: "Silkeborg", cluster: "Midt", hospital_unit: "HE Midt" },
  { municipality_code: 657, municipality_name: "Herning", cluster: "Vest", hospital_unit: "HE Vest" },
];

describe("validateIntervention: a valid file", () => {
  it("parses with defaults filled in and no problems", () => {
    const check = validateIntervention(minimalIntervention(), F);
    expect(check.problems).toEqual([]);
    expect(check.ok).toBe(true);
    const iv = check.intervention!;
    expect(iv.milestones).toEqual([]);
    expect(iv.sources).toEqual([]);
    expect(iv.target_population.diagnosis_groups).toEqual([]);
    expect(iv.adoptions[0].protected).toBeUndefined();
  });

  it("reads a YAML number as a period label", () => {
    const raw = minimalIntervention();
    raw.targets[0].baseline = { start: 2016, end: 2018 };
    expect(parseIntervention(raw, F).targets[0].baseline).toEqual({ start: "2016", end: "2018" });
  });

  it("does not mutate its input", () => {
    const raw = minimalIntervention();
    const copy = structuredClone(raw);
    validateIntervention(raw, F);
    expect(raw).toEqual(copy);
  });
});

describe("validateIntervention: structure", () => {
  it("names a missing field", () => {
    const raw = minimalIntervention();
    delete raw.owner;
    expect(errors(raw)).toEqual(["test.yaml: owner: is required"]);
  });

  it("names a wrong type", () => {
    const raw = minimalIntervention();
    raw.kernel = "visit";
    expect(errors(raw)).toEqual(['test.yaml: kernel: must be a list, found "visit"']);
  });

  it("refuses a top-level list", () => {
    expect(errors([1, 2])).toEqual(["test.yaml: must be a mapping of fields (one intervention), found a list"]);
  });

  it("suggests the field meant by a misspelt one", () => {
    const raw = minimalIntervention();
    raw.kernal = raw.kernel;
    expect(errors(raw)).toEqual(['test.yaml: kernal: unknown field "kernal"; did you mean "kernel"?']);
  });

  it("names an unknown field inside a list without a suggestion when none is close", () => {
    const raw = minimalIntervention();
    raw.adoptions[0].colour = "blue";
    expect(errors(raw)).toEqual(['test.yaml: adoptions[0].colour: unknown field "colour"']);
  });

  it("lists the allowed choices", () => {
    const raw = minimalIntervention();
    raw.kernel[0].dimension = "activity";
    expect(errors(raw)).toEqual([
      'test.yaml: kernel[0].dimension: must be one of "activities", "ways_of_working", "organisation", found "activity"',
    ]);
  });

  it("checks dates, ids, periods, population groups and empty lists", () => {
    const raw = minimalIntervention();
    raw.adoptions[0].start = "2019-02-30";
    raw.kernel[1].id = "Coordinator";
    raw.targets[0].baseline.end = "2018-Q5";
    raw.target_population.age_groups = ["65 plus"];
    expect(errors(raw)).toEqual([
      'test.yaml: target_population.age_groups[0]: must be a population group such as "all", "65+" or "0-2", found "65 plus"',
      'test.yaml: kernel[1].id: must be an id of lower-case letters, digits, "-" and "_" (starting with a letter or digit), found "Coordinator"',
      'test.yaml: targets[0].baseline.end: must be a period such as "2019", "2019-Q1" or "2019-01", found "2018-Q5"',
      'test.yaml: adoptions[0].start: must be a date written YYYY-MM-DD, found "2019-02-30"',
    ]);
    const empty = minimalIntervention();
    empty.kernel = [];
    empty.adoptions[0].fidelity = [];
    expect(errors(empty)).toEqual([
      "test.yaml: kernel: an intervention needs at least one kernel element (what gives the effect, seed 003); a common frame for local initiatives is written with kind: programme",
    ]);
  });

  it("checks number ranges", () => {
    const raw = minimalIntervention();
    raw.targets[0].relative_change = -1.5;
    raw.adoptions[0].recommendation_status[0].year = 19;
    expect(errors(raw)).toEqual([
      "test.yaml: targets[0].relative_change: must be at least -1, found -1.5",
      "test.yaml: adoptions[0].recommendation_status[0].year: must be at least 1900, found 19",
    ]);
  });
});

describe("validateIntervention: references, ids and dates", () => {
  it("an adoption that names an unknown kernel element", () => {
    const raw = minimalIntervention();
    raw.adoptions[0].fidelity[1].element = "phone-call";
    expect(messages(raw)).toEqual([
      'test.yaml: adoptions[0].fidelity[1].element: unknown kernel element "phone-call"; the kernel has "visit", "coordinator"',
      'test.yaml: adoptions[0].fidelity: fidelity is not recorded for kernel element "coordinator"',
    ]);
    expect(validateIntervention(raw, F).problems.map((p) => [p.code, p.severity])).toEqual([
      ["unknown_kernel_element", "error"],
      ["fidelity_not_recorded", "warning"],
    ]);
  });

  it("a target on an unknown indicator, and the list extended by the caller", () => {
    const raw = minimalIntervention();
    raw.targets[0].indicator = "back_pain_screened";
    expect(errors(raw)).toEqual([
      'test.yaml: targets[0].indicator: unknown indicator "back_pain_screened"; known indicators are "admission_rate", "readmission_30d", "preventable_admission_rate", "focus_fractures", "focus_lower_respiratory_infections", "focus_unspecific", "focus_admissions_0_2", "cost_per_citizen", "experience_positive" (add your own with the indicators option)',
    ]);
    expect(errors(raw, { indicators: ["back_pain_screened"] })).toEqual([]);
  });

  it("duplicate ids, adoptions, fidelity entries and statuses", () => {
    const raw = minimalIntervention();
    raw.kernel.push({ id: "visit", description: "Again.", dimension: "activities" });
    raw.adoptions[0].fidelity.push({ element: "visit", state: "partly" });
    raw.adoptions[0].recommendation_status.push({ year: 2019, recommendation: "r1", status: "partly" });
    raw.adoptions.push({ ...structuredClone(raw.adoptions[0]), start: "2020-01-01" });
    const e = errors(raw);
    expect(e.slice(0, 4)).toEqual([
      'test.yaml: kernel[2].id: duplicate id "visit"; it is first used at kernel[0].id',
      'test.yaml: adoptions[0].fidelity[2].element: fidelity to kernel element "visit" is recorded twice; see also adoptions[0].fidelity[0]',
      'test.yaml: adoptions[0].recommendation_status[1]: status of recommendation "r1" for 2019 is recorded twice; see also adoptions[0].recommendation_status[0]',
      'test.yaml: adoptions[1]: cluster "Midt" adopts the intervention twice; see also adoptions[0]',
    ]);
  });

  it("unknown clusters and municipalities when a geography is given", () => {
    const raw = minimalIntervention();
    raw.adoptions[0].cluster = "Midtt";
    raw.target_population.clusters = ["Midt", "Nord"];
    raw.adoptions.push({ cluster: "Vest", municipality: 740, start: "2020-01-01", phase: "development" });
    raw.adoptions.push({ cluster: "Vest", municipality: 999, start: "2020-01-01", phase: "development" });
    expect(errors(raw)).toEqual([]); // no geography: clusters are not checked
    expect(errors(raw, { geography: GEO })).toEqual([
      'test.yaml: target_population.clusters[1]: unknown cluster "Nord"; the geography has "Midt", "Vest"',
      'test.yaml: adoptions[0].cluster: unknown cluster "Midtt"; the geography has "Midt", "Vest"',
      'test.yaml: adoptions[1].municipality: municipality 740 belongs to cluster "Midt", not "Vest"',
      "test.yaml: adoptions[2].municipality: unknown municipality 999; it is not in the geography",
    ]);
    expect(errors(raw, { clusters: ["Midt", "Vest", "Nord"] })).toEqual([
      'test.yaml: adoptions[0].cluster: unknown cluster "Midtt"; the geography has "Midt", "Vest", "Nord"',
    ]);
  });

  it("dates out of order", () => {
    const raw = minimalIntervention();
    raw.pdsa_cycles[0].end = "2018-08-31";
    raw.adoptions[0].key_assessments[1].date = "2019-01-01";
    raw.adoptions[0].recommendation_status[0].year = 2018;
    raw.targets.push({ ...raw.targets[0], id: "t2", baseline: { start: "2018", end: "2016" } });
    raw.targets.push({ ...raw.targets[0], id: "t3", deadline: "2018-06-30" });
    expect(errors(raw)).toEqual([
      'test.yaml: targets[1].baseline: the baseline starts (2018) after it ends (2016)',
      "test.yaml: targets[2].deadline: the deadline 2018-06-30 is not after the end of the baseline period 2018-12-31",
      "test.yaml: pdsa_cycles[0].end: the cycle ends (2018-08-31) before it starts (2018-09-01)",
      "test.yaml: adoptions[0].key_assessments[1].date: the assessment of 2019-01-01 is not after the previous one (2019-01-01); list assessments in date order, one per date",
      "test.yaml: adoptions[0].recommendation_status[0].year: status for 2018 is dated before the adoption started (2019-01-01)",
    ]);
  });

  it("a key assessment before the adoption's start is a readiness assessment and is allowed", () => {
    const raw = minimalIntervention();
    raw.adoptions[0].key_assessments[0].date = "2018-06-01";
    expect(messages(raw)).toEqual([]);
  });

  it("target value rules", () => {
    const raw = minimalIntervention();
    raw.targets[0].relative_change = 0.1;
    raw.targets.push({ ...raw.targets[0], id: "t2", relative_change: undefined });
    raw.targets.push({ ...raw.targets[0], id: "t3", relative_change: -0.1, target_value: 0.12 });
    expect(errors(raw)).toEqual([
      'test.yaml: targets[0].relative_change: relative_change 0.1 contradicts direction "decrease"',
      "test.yaml: targets[1]: give target_value or relative_change",
      "test.yaml: targets[2]: give target_value or relative_change, not both",
    ]);
  });

  it("unknown local variation and recommendation", () => {
    const raw = minimalIntervention();
    raw.adoptions[0].adaptations[0].variation = "colour";
    raw.adoptions[0].recommendation_status[0].recommendation = "r9";
    expect(errors(raw)).toEqual([
      'test.yaml: adoptions[0].adaptations[0].variation: unknown local variation "colour"; the room for local variation has "form"',
      'test.yaml: adoptions[0].recommendation_status[0].recommendation: unknown recommendation "r9"; the intervention\'s recommendations are "r1"',
    ]);
  });

  it("warns when push or pull is missing once the intervention spreads", () => {
    const raw = minimalIntervention();
    raw.spread_platform.pull = [];
    expect(messages(raw)).toEqual([
      "test.yaml: spread_platform: the spread platform has no pull incentive; both push and pull must be present for a solution to spread (seed 003)",
    ]);
    delete raw.spread_platform;
    expect(messages(raw)).toEqual([
      "test.yaml: spread_platform: the spread platform has no push and no pull incentive; both push and pull must be present for a solution to spread (seed 003)",
    ]);
    raw.phase = "development";
    expect(messages(raw)).toEqual([]);
  });
});

describe("parseIntervention and the typed error", () => {
  it("throws one error listing every problem", () => {
    const raw = minimalIntervention();
    raw.adoptions[0].fidelity[0].element = "x";
    raw.targets[0].indicator = "y";
    let caught: unknown;
    try {
      parseIntervention(raw, F);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InterventionValidationError);
    const err = caught as InterventionValidationError;
    expect(err.problems.filter((p) => p.severity === "error").map((p) => p.code)).toEqual([
      "unknown_indicator",
      "unknown_kernel_element",
    ]);
    expect(err.message.split("\n")[0]).toBe("2 problemer i 1 indsatsfil:");
    expect(err.text("en").split("\n")[0]).toBe("2 problems in 1 intervention file:");
    expect(err.problems[0]).toMatchObject({
      file: F,
      line: null,
      column: "targets[0].indicator",
      path: ["targets", 0, "indicator"],
      expected: "a known indicator id",
      found: '"y"',
    });
  });
});

describe("validateInterventionText: line numbers", () => {
  it("gives the line of the offending field in YAML", () => {
    const text = [
      "id: t",
      "name: T",
      "description: D",
      "owner: O",
      "target_population: {}",
      "kernel:",
      "  - id: a",
      "    description: A",
      "    dimension: activities",
      "phase: spread",
      "adoptions:",
      "  - cluster: Midt",
      "    start: 2019-01-01",
      "    phase: operation",
      "    fidelity:",
      "      - element: b",
      "        state: kept",
    ].join("\n");
    // A missing field (spread_platform) is placed at its parent: here the document, line 1.
    const problems = validateInterventionText(text, "t.yaml").problems;
    expect(problems.map((p) => p.message)).toEqual([
      "t.yaml:1: spread_platform: spredningsplatformen har hverken push- eller pull-incitament; både push og pull skal være til stede, for at en løsning kan spredes (seed 003)",
      't.yaml:15: adoptions[0].fidelity: troskab er ikke registreret for kerneelementet "a"',
      't.yaml:16: adoptions[0].fidelity[0].element: ukendt kerneelement "b"; kernen har "a"',
    ]);
    expect(problems.map((p) => spreadProblemLine(p, "en"))).toEqual([
      "t.yaml:1: spread_platform: the spread platform has no push and no pull incentive; both push and pull must be present for a solution to spread (seed 003)",
      't.yaml:15: adoptions[0].fidelity: fidelity is not recorded for kernel element "a"',
      't.yaml:16: adoptions[0].fidelity[0].element: unknown kernel element "b"; the kernel has "a"',
    ]);
  });

  it("reports a syntax error with its line, and reads JSON", () => {
    const bad = validateInterventionText("id: t\nname: [unclosed\n", "bad.yaml");
    expect(bad.ok).toBe(false);
    expect(bad.problems[0].code).toBe("parse_error");
    expect(bad.problems[0].message.startsWith("bad.yaml:")).toBe(true);
    const json = validateInterventionText(JSON.stringify(minimalIntervention(), null, 2), "t.json");
    expect(json.ok).toBe(true);
    const raw = minimalIntervention();
    raw.owner = 5;
    const lines = validateInterventionText(JSON.stringify(raw, null, 2), "t.json").problems;
    expect(lines.map((p) => spreadProblemLine(p, "en"))).toEqual(["t.json:5: owner: must be text, found 5"]);
    expect(lines.map((p) => p.message)).toEqual(["t.json:5: owner: skal være tekst, fandt 5"]);
  });
});

describe("validateIntervention: the fields the seeds ask for (issue 18)", () => {
  it("reads the decision to spread, pull per receiver, the adoption's cost and a hospital adoption", () => {
    const raw = minimalIntervention();
    raw.decision = { basis: "obligatory", approved_by: "Sundhedskoordinationsudvalget", date: "2018-06-01" };
    raw.adoptions[0].pull = [{ actor: "Hjemmeplejen", motive: "Færre genindlæggelser." }];
    raw.adoptions[0].cost = { one_off: 50000, per_year: 400000, illustrative: true };
    raw.adoptions.push({ cluster: "Vest", hospital: "HE Vest", start: "2020-01-01", phase: "development" });
    const iv = parseIntervention(raw, F, { geography: GEO });
    expect(iv.decision).toEqual({ basis: "obligatory", approved_by: "Sundhedskoordinationsudvalget", date: "2018-06-01" });
    expect(iv.adoptions[0].pull).toEqual([{ actor: "Hjemmeplejen", motive: "Færre genindlæggelser." }]);
    expect(iv.adoptions[0].cost).toEqual({ one_off: 50000, per_year: 400000, illustrative: true });
    expect(iv.adoptions[1].hospital).toBe("HE Vest");
    expect(iv.adoptions[1].pull).toEqual([]); // default
    expect(iv.kind).toBe("intervention"); // default
    const cost = minimalIntervention();
    cost.adoptions[0].cost = { per_year: -1 };
    expect(errors(cost)).toEqual(["test.yaml: adoptions[0].cost.per_year: must be at least 0, found -1"]);
    const bad = minimalIntervention();
    bad.decision = { basis: "voluntary" };
    expect(errors(bad)).toEqual(['test.yaml: decision.basis: must be one of "obligatory", "own_initiative", found "voluntary"']);
  });

  it("checks a hospital adoption against the geography", () => {
    const raw = minimalIntervention();
    raw.adoptions.push({ cluster: "Vest", hospital: "HE Nord", start: "2020-01-01", phase: "development" });
    raw.adoptions.push({ cluster: "Vest", hospital: "HE Midt", start: "2020-01-01", phase: "development" });
    raw.adoptions.push({ cluster: "Midt", municipality: 740, hospital: "HE Midt", start: "2020-01-01", phase: "development" });
    expect(errors(raw, { geography: GEO })).toEqual([
      'test.yaml: adoptions[1].hospital: unknown hospital unit "HE Nord"; the geography has "HE Midt", "HE Vest"',
      'test.yaml: adoptions[2].hospital: hospital unit "HE Midt" serves no municipality of cluster "Vest"',
      "test.yaml: adoptions[3].hospital: an adoption is by a cluster, one municipality or one hospital: give municipality or hospital, not both",
    ]);
  });

  it("fills in a target's documented default Triple Aim dimension, and asks for it for other indicators", () => {
    const raw = minimalIntervention();
    delete raw.targets[0].dimension;
    raw.targets.push({ ...structuredClone(raw.targets[0]), id: "sat", indicator: "experience_positive", relative_change: 0.05, direction: "increase" });
    raw.targets.push({ ...structuredClone(raw.targets[0]), id: "cost", indicator: "cost_per_citizen" });
    const iv = parseIntervention(raw, F);
    expect(iv.targets.map((t) => [t.id, t.dimension])).toEqual([
      ["fewer-readmissions", "population_health"],
      ["sat", "experience"],
      ["cost", "cost"],
    ]);
    const own = minimalIntervention();
    delete own.targets[0].dimension;
    own.targets[0].indicator = "home_visits";
    expect(errors(own, { indicators: ["home_visits"] })).toEqual([
      'test.yaml: targets[0].dimension: give the Triple Aim dimension of indicator "home_visits" (population_health, experience or cost); klynge knows a default only for its own indicators',
    ]);
    own.targets[0].dimension = "experience";
    expect(errors(own, { indicators: ["home_visits"] })).toEqual([]);
  });

  it("has a not_chosen state for an implementation key, and reads the practice sector with its professions", () => {
    const raw = minimalIntervention();
    raw.adoptions[0].key_assessments[0].keys.contagious_stories = { state: "not_chosen", note: "Ikke relevant her." };
    raw.recommendations.push({ id: "r2", sector: "practice_sector", professions: ["physiotherapists", "chiropractors"], text: "STarT." });
    raw.recommendations.push({ id: "r3", sector: "general_practice", text: "Older files." });
    const iv = parseIntervention(raw, F);
    expect(iv.adoptions[0].key_assessments[0].keys.contagious_stories!.state).toBe("not_chosen");
    expect(iv.recommendations.map((r) => [r.sector, r.professions])).toEqual([
      ["municipality", []],
      ["practice_sector", ["physiotherapists", "chiropractors"]],
      ["practice_sector", []],
    ]);
    raw.recommendations[1].professions = ["dentists"];
    expect(errors(raw)).toEqual([
      'test.yaml: recommendations[1].professions[0]: must be one of "general_practitioners", "physiotherapists", "chiropractors", found "dentists"',
    ]);
  });

  it("a programme is a frame: no kernel and no adoptions of its own", () => {
    const raw = minimalIntervention();
    raw.kind = "programme";
    raw.programme = "other";
    expect(errors(raw)).toEqual([
      "test.yaml: kernel: a programme is a common frame for local initiatives and has no kernel of its own (seed 001); give each local initiative its own file with its kernel",
      "test.yaml: adoptions: a programme is adopted through its local initiatives: give each initiative its own file with programme: <this id> and its adoptions",
      "test.yaml: programme: a programme cannot belong to another programme",
    ]);
    const frame = { ...minimalIntervention(), kind: "programme", kernel: [], adoptions: [] };
    expect(validateIntervention(frame, F).problems).toEqual([]); // no push/pull warning for a frame
  });
});
