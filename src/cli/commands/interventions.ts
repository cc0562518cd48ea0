/** `klynge interventions DIR`: check a folder of intervention files (the spread model). */

import { InterventionValidationError, loadInterventions } from "../../spread/index.js";
import { parseCommandArgs, UsageError } from "../args.js";

export const interventionsHelp = `klynge interventions DIR
  Validates every intervention file (YAML or JSON, one intervention per file) in DIR or in
  DIR/interventions/: kernel, local variation, Triple Aim targets, spread platform, adoptions with
  fidelity and implementation keys. Prints each intervention with its adopting clusters, or every
  problem with file, line and path. Exits 1 when any file has an error.`;

export async function interventionsCommand(argv: readonly string[]): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {}, true);
  const dir = positionals[0];
  if (!dir) throw new UsageError("needsDir", { command: "interventions", usage: "klynge interventions DIR" });
  try {
    const set = loadInterventions(dir);
    console.log(`${set.interventions.length} intervention(s) in ${set.dir}`);
    for (const iv of set.interventions) {
      const adopters = iv.adoptions.map((a) => `${a.cluster} from ${a.start}`).join(", ");
      console.log(`  ${iv.id}: ${iv.name} — phase ${iv.phase}; ${iv.kernel.length} kernel element(s); adoptions: ${adopters || "none"}`);
    }
    for (const w of set.warnings) console.log(`  warning ${w.message}`);
    return 0;
  } catch (err) {
    if (err instanceof InterventionValidationError) {
      for (const p of err.problems) console.error(`  ${p.severity} ${p.message}`);
      console.error(`${err.problems.filter((p) => p.severity === "error").length} error(s)`);
      return 1;
    }
    throw err;
  }
}
