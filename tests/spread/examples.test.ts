import { mkdtempSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { InterventionValidationError, interventionJsonSchemas, loadInterventions } from "../../src/spread/index.js";
import { MIDTJYLLAND_CLUSTERS } from "../../src/generate/geography.js";

const DIR = join(__dirname, "..", "..", "data", "interventions");

describe("shipped examples", () => {
  it("all load and validate against the region's clusters, with no warnings", () => {
    const set = loadInterventions(DIR, { clusters: MIDTJYLLAND_CLUSTERS });
    expect(set.interventions.map((i) => i.id)).toEqual([
      "cardiac-rehabilitation-phase-2",
      "diagnosis-independent-pathway",
      "frail-elderly-follow-up",
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
      "frail-elderly-follow-up.yaml": "seed 001",
      "low-back-pain-pathway.yaml": "seed 000",
      "diagnosis-independent-pathway.yaml": "seed 004",
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
    expect(new Set(lbp.recommendations.map((r) => r.sector))).toEqual(new Set(["municipality", "hospital", "general_practice"]));
    const pilot = byId.get("diagnosis-independent-pathway")!;
    expect(pilot.phase).toBe("development");
    expect(pilot.milestones.find((m) => m.id === "osu-informed")!.date).toBe("2016-11-28"); // seed 004: OSU 28 November
    expect(pilot.risks).toHaveLength(4);
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
      expect(file, `schemas/${name} is stale: run npx tsx scripts/write-spread-schemas.ts`).toEqual(schema);
    }
  });

  it("the JSON Schema lists every field of the kernel and the adoption", () => {
    const s = interventionJsonSchemas()["intervention.schema.json"] as any;
    expect(s.required).toEqual(["id", "name", "description", "owner", "target_population", "kernel", "phase"]);
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
    const lines = err!.message.split("\n");
    expect(lines[0]).toBe("7 problems in 2 intervention files:");
    expect(lines.slice(1, 3)).toEqual(["  broken.json:1: name: is required", "  broken.json:1: description: is required"]);
    // Files are read in name order: "tobs-copy.yml" sorts before "tobs.yaml".
    expect(lines[7]).toBe('  tobs.yaml: id: duplicate intervention id "tobs"; it is also used in tobs-copy.yml');
    expect(err!.problems.find((p) => p.code === "file_name_mismatch")!.message).toBe(
      'tobs-copy.yml: id: the file is named "tobs-copy.yml" but the intervention id is "tobs"; name it "tobs.yaml" to keep one stable file per intervention',
    );
  });

  it("refuses a folder that does not exist", () => {
    expect(() => loadInterventions("/no/such/folder")).toThrow("the interventions folder /no/such/folder does not exist");
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
