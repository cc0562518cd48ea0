/** `klynge interventions DIR`: check a folder of intervention files (the spread model). */

import { InterventionValidationError, loadInterventions } from "../../spread/index.js";
import { parseCommandArgs, UsageError } from "../args.js";
import { cliText, type CliLang } from "../cliMessages.js";

export const interventionsHelp = `klynge interventions DIR
  Validates every intervention file (YAML or JSON, one intervention per file) in DIR or in
  DIR/interventions/: kernel, local variation, Triple Aim targets, spread platform, adoptions with
  fidelity and implementation keys. Prints each intervention with its adopting clusters, or every
  problem with file, line and path. Exits 1 when any file has an error.`;

export async function interventionsCommand(argv: readonly string[], lang: CliLang): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {}, true);
  const dir = positionals[0];
  if (!dir) throw new UsageError("needsDir", { command: "interventions", usage: "klynge interventions DIR" });
  try {
    const set = loadInterventions(dir);
    console.log(cliText(lang, "ivCount", { n: set.interventions.length, dir: set.dir }));
    for (const iv of set.interventions) {
      const adopters = iv.adoptions.map((a) => cliText(lang, "ivAdoption", { cluster: a.cluster, start: a.start })).join(", ");
      console.log(cliText(lang, "ivLine", { id: iv.id, name: iv.name, phase: iv.phase, kernel: iv.kernel.length, adopters }));
    }
    for (const w of set.warnings) console.log(`  warning ${w.message}`);
    return 0;
  } catch (err) {
    if (err instanceof InterventionValidationError) {
      for (const p of err.problems) console.error(`  ${p.severity} ${p.message}`);
      console.error(cliText(lang, "ivErrors", { n: err.problems.filter((p) => p.severity === "error").length }));
      return 1;
    }
    throw err;
  }
}
