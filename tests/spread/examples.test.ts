import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InterventionValidationError, interventionJsonSchemas, loadInterventions } from "../../src/spread/index.js";
import { MIDTJYLLAND_CLUSTERS } from "../../src/generate/geography.js";
import { spreadProblemLine } from "../../src/spread/spreadProblem.js";

const DIR = join(__dirname, "..", "..", "data", "interventions");

describe("shipped examples", () => {
  it("all load and validate against the region's clusters, with no warnings", () => {
    const set = loadInterventions(DIR, { clusters: MIDTJYLLAND_CLUSTERS });
    expect(set.interventions.map((i) => i.id)).toEqual([
      "acute-cooperation-pilot",
      "cardiac-rehabilitation-phase-2",
      "diagnosis-independent-pathway",
      "frail-elderly-coordination",
      "frail-elderly-discharge-coordinators",
      "frail-elderly-follow-up",
      "frail-elderly-forward-visitation",
      "frail-elderly-outgoing-team",
      "low-back-pain-pathway",
      "tobs",
    ]);
    expect(set.warnings).toEqual([]);
    expect(set.files["tobs"]).toBe("tobs.yaml");
  });

  it("each names its source seed", () => {
    const seeds: Record<string, string> = {
      "tobs.yaml": "seed 003",
      "cardiac-rehabilitation-phase-2.yaml": "seed 003",
      "frail-elderly-coordination.yaml": "seed 001",
      "frail-elderly-follow-up.yaml": "seed 001",
      "frail-elderly-discharge-coordinators.yaml": "seed 001",
      "frail-elderly-forward-visitation.yaml": "seed 001",
      "frail-elderly-outgoing-team.yaml": "seed 001",
      "low-back-pain-pathway.yaml": "seed 000",
      "diagnosis-independent-pathway.yaml": "seed 004",
      "acute-cooperation-pilot.yaml": "seed 002",
    };
    const set = loadInterventions(DIR);
    for (const [file, seed] of Object.entries(seeds)) {
      const iv = set.interventions.find((i) => set.files[i.id] === file)!;
      expect(iv.sources.some((s) => s.startsWith(`${seed}:`)), file).toBe(true);
    }
  });

  it("carry the seeds' kernels, recommendations and work plans", () => {
    const byId = new Map(loadInterventions(DIR).interventions.map((i) => [i.id, i]));
    expect(byId.get("tobs")!.kernel.map((k) => k.id)).toEqual(["tobs-score-form"]); // seed 003: kernel = the TOBS score form
    expect(byId.get("cardiac-rehabilitation-phase-2")!.local_variation.map((v) => v.id)).toEqual([
      "risk-patient-assessment",
      "concrete-interplay",
    ]); // seed 003: two items of local variation
    const lbp = byId.get("low-back-pain-pathway")!;
    expect(lbp.adoptions.map((a) => a.cluster)).toEqual(["Horsens", "Midt", "Randers", "Vest", "Aarhus"]); // seed 000: 5 clusters
    expect(new Set(lbp.recommendations.map((r) => r.sector))).toEqual(new Set(["municipality", "hospital", "practice_sector"]));
    // seed 000: "Praktiserende fysioterapeuter og kiropraktorer er 'nye' samarbejdsparter"
    expect(new Set(lbp.recommendations.flatMap((r) => r.professions))).toEqual(new Set(["general_practitioners", "physiotherapists", "chiropractors"]));
    const pilot = byId.get("diagnosis-independent-pathway")!;
    expect(pilot.phase).toBe("development");
    expect(pilot.milestones.find((m) => m.id === "osu-informed")!.date).toBe("2016-11-28"); // seed 004: OSU 28 November
    expect(pilot.risks).toHaveLength(4);
    // seed 004's steering, work and reference groups are project governance, not the pathway's kernel
    expect(pilot.kernel.map((k) => k.id)).toEqual(["need-based-not-diagnosis", "patient-at-centre", "diagnosis-specific-results"]);
    expect(pilot.kernel.some((k) => /styringsgruppe|arbeidsgruppe|referansegruppe/i.test(k.description))).toBe(false);
    // seed 001: a frame with local initiatives, not one region-wide model
    const frame = byId.get("frail-elderly-coordination")!;
    expect([frame.kind, frame.kernel.length, frame.adoptions.length]).toEqual(["programme", 0, 0]);
    expect([...byId.values()].filter((i) => i.programme === frame.id).map((i) => i.id)).toEqual([
      "frail-elderly-discharge-coordinators",
      "frail-elderly-follow-up",
      "frail-elderly-forward-visitation",
      "frail-elderly-outgoing-team",
    ]);
    // pilots: one municipality, one hospital (seed 003: "i få kommuner … eller ved et enkelt hospital"; seed 002)
    const acute = byId.get("acute-cooperation-pilot")!;
    expect(acute.adoptions.map((a) => [a.municipality ?? null, a.hospital ?? null])).toEqual([
      [779, null],
      [null, "Hospitalsenhed Midt"],
    ]);
    expect(acute.decision).toBeUndefined(); // seed 002 records no decision
    // seed 003: TOBS is obligatory, approved by Sundhedskoordinationsudvalget
    expect(byId.get("tobs")!.decision!.basis).toBe("obligatory");
    // seed 001: patient experience and professional quality are one aim
    expect(frame.targets.find((t) => t.indicator === "experience_positive")!.dimension).toBe("experience");
    const frail = byId.get("frail-elderly-follow-up")!;
    expect(frail.adoptions.map((a) => [a.cluster, a.start])).toEqual([
      ["Midt", "2019-01-01"],
      ["Randers", "2019-07-01"],
      ["Vest", "2020-04-01"],
    ]);
  });

  it("the JSON Schema files equal freshly generated ones", () => {
    for (const [name, schema] of Object.entries(interventionJsonSchemas())) {
      const file = JSON.parse(readFileSync(join(__dirname, "..", "..", "schemas", name), "utf8"));
      expect(file, `schemas/${name} is stale: run npm run schemas`).toEqual(schema);
    }
  });

  it("the JSON Schema lists every field of the kernel and the adoption", () => {
    const s = interventionJsonSchemas()["intervention.schema.json"] as any;
    expect(s.required).toEqual(["id", "name", "description", "owner", "target_population", "phase"]);
    expect(s.properties.kind.enum).toEqual(["intervention", "programme"]);
    expect(s.properties.decision.properties.basis.enum).toEqual(["obligatory", "own_initiative"]);
    expect(Object.keys(s.properties.adoptions.items.properties)).toEqual(expect.arrayContaining(["pull", "cost", "hospital", "illustrative"]));
    expect(s.properties.adoptions.items.properties.key_assessments.items.properties.keys.properties.leadership.properties.state.enum).toEqual([
      "not_chosen",
      "absent",
      "emerging",
      "in_place",
    ]);
    expect(s.properties.targets.items.required).not.toContain("dimension");
    expect(s.additionalProperties).toBe(false);
    expect(s.properties.kernel.items.properties.dimension.enum).toEqual(["activities", "ways_of_working", "organisation"]);
  });
});

describe("loadInterventions", () => {
  const tmp = () => mkdtempSync(join(tmpdir(), "klynge-spread-"));
  const tobs = readFileSync(join(DIR, "tobs.yaml"), "utf8");

  it("reads the interventions/ folder of a dataset folder, and ignores other files", () => {
    const d = tmp();
    mkdirSync(join(d, "interventions"));
    writeFileSync(join(d, "interventions", "tobs.yaml"), tobs);
    writeFileSync(join(d, "interventions", "README.md"), "# notes");
    writeFileSync(join(d, "population.csv"), "year\n");
    const set = loadInterventions(d);
    expect(set.interventions.map((i) => i.id)).toEqual(["tobs"]);
    expect(set.dir).toBe(join(d, "interventions"));
  });

  it("collects the problems of every file, duplicate ids across files included", () => {
    const d = tmp();
    writeFileSync(join(d, "tobs.yaml"), tobs);
    writeFileSync(join(d, "tobs-copy.yml"), tobs);
    writeFileSync(join(d, "broken.json"), JSON.stringify({ id: "broken" }));
    let err: InterventionValidationError | null = null;
    try {
      loadInterventions(d);
    } catch (e) {
      err = e as InterventionValidationError;
    }
    expect(err).toBeInstanceOf(InterventionValidationError);
    const lines = err!.text("en").split("\n");
    expect(lines[0]).toBe("6 problems in 2 intervention files:");
    const da = err!.message.split("\n");
    expect(da[0]).toBe("6 problemer i 2 indsatsfiler:");
    expect(da.slice(1, 3)).toEqual(["  broken.json:1: name: skal udfyldes", "  broken.json:1: description: skal udfyldes"]);
    expect(da[6]).toBe('  tobs.yaml: id: indsatsens id "tobs" er brugt to gange; det bruges også i tobs-copy.yml');
    expect(lines.slice(1, 3)).toEqual(["  broken.json:1: name: is required", "  broken.json:1: description: is required"]);
    // Files are read in name order: "tobs-copy.yml" sorts before "tobs.yaml".
    expect(lines[6]).toBe('  tobs.yaml: id: duplicate intervention id "tobs"; it is also used in tobs-copy.yml');
    const mismatch = err!.problems.find((p) => p.code === "file_name_mismatch")!;
    expect(mismatch.message).toBe('tobs-copy.yml: id: filen hedder "tobs-copy.yml", men indsatsens id er "tobs"; kald den "tobs.yaml", så hver indsats har én fast fil');
    expect(spreadProblemLine(mismatch, "en")).toBe(
      'tobs-copy.yml: id: the file is named "tobs-copy.yml" but the intervention id is "tobs"; name it "tobs.yaml" to keep one stable file per intervention',
    );
  });

  it("refuses a folder that does not exist", () => {
    expect(() => loadInterventions("/no/such/folder")).toThrow("mappen med indsatser, /no/such/folder, findes ikke");
  });

  it("ships one file per intervention, named after its id", () => {
    const names = readdirSync(DIR).filter((n) => n.endsWith(".yaml"));
    const ids = loadInterventions(DIR).interventions.map((i) => `${i.id}.yaml`);
    expect(names.sort()).toEqual(ids.sort());
  });
});

describe("the demo dataset's intervention", () => {
  it("matches the generator's DEMO_INTERVENTION (id, adopting clusters and start dates, non-adopters)", async () => {
    const { DEMO_INTERVENTION } = await import("../../src/generate/index.js");
    const iv = loadInterventions(DIR).interventions.find((i) => i.id === DEMO_INTERVENTION.id)!;
    expect(iv).toBeDefined();
    expect(iv.adoptions.map((a) => ({ cluster: a.cluster, start: a.start }))).toEqual(DEMO_INTERVENTION.adoptions);
    const adopting = new Set(iv.adoptions.map((a) => a.cluster));
    expect(iv.target_population.clusters.filter((c) => !adopting.has(c))).toEqual(DEMO_INTERVENTION.nonAdopting);
    const t = iv.targets.find((x) => x.indicator === "readmission_30d")!;
    expect(t.group).toBe(`${DEMO_INTERVENTION.targetPopulation.minAge}+`);
  });
});

describe("every example traces to its seed", () => {
  it("quotes its seed in a comment and marks what is illustrative", () => {
    for (const name of readdirSync(DIR).filter((n) => n.endsWith(".yaml"))) {
      const text = readFileSync(join(DIR, name), "utf8");
      const comments = text.split("\n").filter((l) => l.trimStart().startsWith("#")).join("\n");
      expect(comments, name).toMatch(/seed 00\d/);
      expect(comments, name).toMatch(/"[^"]{20,}"/); // at least one quotation from the seed
      expect(comments, name).toMatch(/ILLUSTRATIVE/);
    }
  });

  it("the demo dataset's copies equal the shipped examples", () => {
    const demo = join(__dirname, "..", "..", "data", "demo", "interventions");
    for (const name of readdirSync(demo)) expect(readFileSync(join(demo, name), "utf8"), name).toBe(readFileSync(join(DIR, name), "utf8"));
  });
});

describe("loadInterventions on a dataset folder", () => {
  it("gives an empty set for a dataset without an interventions/ folder", () => {
    const d = mkdtempSync(join(tmpdir(), "klynge-spread-"));
    writeFileSync(join(d, "population.csv"), "year\n");
    writeFileSync(join(d, "truth.json"), "{}");
    const set = loadInterventions(d);
    expect(set.interventions).toEqual([]);
    expect(set.dir).toBe(join(d, "interventions"));
  });
});
