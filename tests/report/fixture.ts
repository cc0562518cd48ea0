/**
 * One small generated dataset and one report built from it, shared by the report tests (built once
 * per test file run; each file that imports it builds its own copy in its own temporary folder).
 */
import { copyFileSync, mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateDataset } from "../../src/generate/index.js";
import { buildReport, type BuildReportResult } from "../../src/report/index.js";

export const REPO = join(__dirname, "..", "..");
export const DEMO_INTERVENTIONS = join(REPO, "data", "interventions");

export interface ReportFixture {
  readonly root: string;
  readonly dataDir: string;
  readonly outDir: string;
  readonly result: BuildReportResult;
  readonly progress: { step: string; i: number; n: number }[];
}

/** Generates 2 % of Region Midtjylland for 2019–2021 (seeded) and builds the report from it. */
export async function buildFixture(): Promise<ReportFixture> {
  const root = mkdtempSync(join(tmpdir(), "klynge-report-"));
  const dataDir = join(root, "data");
  await generateDataset({ seed: 7, years: [2019, 2021], scale: "region", fraction: 0.02, outDir: dataDir });
  // One intervention and its programme, in the dataset's own interventions/ folder (found by default).
  mkdirSync(join(dataDir, "interventions"));
  copyFileSync(join(DEMO_INTERVENTIONS, "frail-elderly-follow-up.yaml"), join(dataDir, "interventions", "frail-elderly-follow-up.yaml"));
  // Its frame (a local initiative names its programme, which must be in the same folder).
  copyFileSync(join(DEMO_INTERVENTIONS, "frail-elderly-coordination.yaml"), join(dataDir, "interventions", "frail-elderly-coordination.yaml"));
  const outDir = join(root, "out");
  const progress: { step: string; i: number; n: number }[] = [];
  const result = await buildReport(dataDir, {
    outDir,
    formats: ["svg", "png", "pdf"],
    onProgress: (step, i, n) => progress.push({ step, i, n }),
  });
  return { root, dataDir, outDir, result, progress };
}
