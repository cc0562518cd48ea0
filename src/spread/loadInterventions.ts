/**
 * Loads every intervention file (*.yaml, *.yml, *.json; one intervention per file) of a
 * dataset's `interventions/` folder. `dir` may be the folder itself or the dataset folder that
 * contains it (a dataset folder without one has no interventions: an empty set). All files are checked before anything is thrown, so the error lists every
 * problem of every file; intervention ids must be unique across files, and a file should be
 * named after its intervention's id (a warning otherwise). A local initiative's `programme` must
 * name a file of the same folder with `kind: programme`.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { readRegularFileSync } from "../io/regularFile.js";
import { basename, extname, join } from "node:path";
import type { Intervention } from "./interventionSchema.js";
import { InterventionValidationError } from "./interventionValidationError.js";
import { quotedList } from "./messages.js";
import { spreadProblemText } from "../text/catalogue.js";
import { spreadProblem } from "./spreadProblem.js";
import type { SpreadProblem } from "./spreadProblem.js";
import type { InterventionCheckOptions } from "./validateIntervention.js";
import { validateInterventionText } from "./validateInterventionText.js";

export interface InterventionSet {
  /** The folder read. */
  readonly dir: string;
  /** Interventions in file-name order. */
  readonly interventions: readonly Intervention[];
  /** The file each intervention came from, by intervention id. */
  readonly files: Readonly<Record<string, string>>;
  /** Warnings (errors throw). */
  readonly warnings: readonly SpreadProblem[];
}

const EXTENSIONS = [".yaml", ".yml", ".json"];
/** The largest intervention file read. */
const MAX_INTERVENTION_BYTES = 1024 * 1024;
const DATASET_FILES = ["admissions.csv", "admissions.csv.gz", "population.csv"];

/**
 * @throws InterventionValidationError listing every error of every file; Error when `dir` does not exist.
 * @example loadInterventions("data/demo").interventions.map((i) => i.id)
 */
export function loadInterventions(dir: string, options: Omit<InterventionCheckOptions, "lineOf"> = {}): InterventionSet {
  if (!existsSync(dir)) throw new Error(spreadProblemText("folder_not_found", { dir }, "da"));
  const sub = join(dir, "interventions");
  const hasSub = existsSync(sub) && statSync(sub).isDirectory();
  const folder = hasSub ? sub : dir;
  // A dataset folder without an interventions/ folder has no interventions (its JSON files are not ones).
  const isDataset = !hasSub && DATASET_FILES.some((f) => existsSync(join(dir, f)));
  if (isDataset) return { dir: sub, interventions: [], files: {}, warnings: [] };
  const names = readdirSync(folder)
    .filter((n) => EXTENSIONS.includes(extname(n).toLowerCase()))
    .sort();
  const problems: SpreadProblem[] = [];
  const interventions: Intervention[] = [];
  const files: Record<string, string> = {};
  for (const name of names) {
    // Regular files only (a link could point at the key file), at most 1 MiB.
    const check = validateInterventionText(readRegularFileSync(join(folder, name), MAX_INTERVENTION_BYTES).toString("utf8"), name, options);
    problems.push(...check.problems);
    const iv = check.intervention;
    if (iv === null) continue;
    const stem = basename(name, extname(name));
    if (stem !== iv.id)
      problems.push(spreadProblem("file_name_mismatch", "warning", name, null, ["id"], { id: iv.id, name }, `${iv.id}.yaml`, name));
    const firstFile = files[iv.id];
    if (firstFile !== undefined) {
      problems.push(spreadProblem("duplicate_intervention", "error", name, null, ["id"], { id: iv.id, firstFile }, "a unique intervention id", iv.id));
      continue;
    }
    if (!check.ok) continue;
    files[iv.id] = name;
    interventions.push(iv);
  }
  // A local initiative names a programme of the same folder.
  const programmes = interventions.filter((iv) => iv.kind === "programme").map((iv) => iv.id);
  for (const iv of interventions) {
    if (iv.programme === undefined) continue;
    const target = interventions.find((x) => x.id === iv.programme);
    if (target === undefined)
      problems.push(spreadProblem("unknown_programme", "error", files[iv.id], null, ["programme"], { id: iv.programme, known: quotedList(programmes) }, "a programme id of the folder", iv.programme));
    else if (target.kind !== "programme")
      problems.push(spreadProblem("not_a_programme", "error", files[iv.id], null, ["programme"], { id: iv.programme }, "a programme id of the folder", iv.programme));
  }
  if (problems.some((p) => p.severity === "error")) throw new InterventionValidationError(problems);
  return { dir: folder, interventions, files, warnings: problems };
}
