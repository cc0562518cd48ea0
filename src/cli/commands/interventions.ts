/** `klynge interventions DIR`: check a folder of intervention files (the spread model). */

import { InterventionValidationError, loadInterventions } from "../../spread/index.js";
import { spreadProblemLine } from "../../spread/spreadProblem.js";
import { spreadProblemText } from "../../text/catalogue.js";
import { existsSync } from "node:fs";
import { oneOf, parseCommandArgs, UsageError } from "../args.js";
import { cliText, type CliLang } from "../cliMessages.js";

export const interventionsHelp = `klynge interventions DIR [--lang da|en]
  Validates every intervention file (YAML or JSON, one intervention per file) in DIR or in
  DIR/interventions/: kernel, local variation, Triple Aim targets, spread platform, adoptions with
  fidelity and implementation keys. Prints each intervention with its adopting clusters, or every
  problem with file, line and path (in Danish, or English with --lang en). Exits 1 when any file
  has an error.`;

export async function interventionsCommand(argv: readonly string[], cliLang: CliLang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { lang: { type: "string" } }, true);
  const lang = oneOf("lang", values.lang, ["da", "en"] as const, cliLang);
  const dir = positionals[0];
  if (!dir) throw new UsageError("needsDir", { command: "interventions", usage: "klynge interventions DIR" });
  if (!existsSync(dir)) {
    console.error(`klynge interventions: ${spreadProblemText("folder_not_found", { dir }, lang)}`);
    return 1;
  }
  try {
    const set = loadInterventions(dir);
    console.log(cliText(lang, "ivCount", { n: set.interventions.length, dir: set.dir }));
    for (const iv of set.interventions) {
      const adopters = iv.adoptions.map((a) => cliText(lang, "ivAdoption", { cluster: a.cluster, start: a.start })).join(", ");
      console.log(cliText(lang, "ivLine", { id: iv.id, name: iv.name, phase: iv.phase, kernel: iv.kernel.length, adopters }));
    }
    for (const w of set.warnings) console.log(cliText(lang, "ivProblem", { severity: w.severity, line: spreadProblemLine(w, lang) }));
    return 0;
  } catch (err) {
    if (err instanceof InterventionValidationError) {
      for (const p of err.problems) console.error(cliText(lang, "ivProblem", { severity: p.severity, line: spreadProblemLine(p, lang) }));
      console.error(cliText(lang, "ivErrors", { n: err.problems.filter((p) => p.severity === "error").length }));
      return 1;
    }
    throw err;
  }
}
