/** The klynge command line: generate, validate, indicators, report and run (the main job). */

import { UsageError } from "./args.js";
import { isDatasetError } from "../io/datasetError.js";
import { cliLang, isSafetyError } from "../io/safetyMessages.js";
import { guardText, withGuardedConsole } from "./outputGuard.js";
import { keyCommand, keyHelp } from "./commands/key.js";
import { generateCommand, generateHelp } from "./commands/generate.js";
import { importCommand, importHelp } from "./commands/import.js";
import { indicatorsCommand, indicatorsHelp } from "./commands/indicators.js";
import { interventionsCommand, interventionsHelp } from "./commands/interventions.js";
import { validateCommand, validateHelp } from "./commands/validate.js";
import { reportCommand, reportHelp, runCommand, runHelp } from "./commands/report.js";

interface Command {
  readonly run: (argv: readonly string[]) => Promise<number>;
  readonly help: string;
}

const commands: Record<string, Command> = {
  run: { run: runCommand, help: runHelp },
  report: { run: reportCommand, help: reportHelp },
  generate: { run: generateCommand, help: generateHelp },
  validate: { run: validateCommand, help: validateHelp },
  import: { run: importCommand, help: importHelp },
  indicators: { run: indicatorsCommand, help: indicatorsHelp },
  interventions: { run: interventionsCommand, help: interventionsHelp },
  key: { run: keyCommand, help: keyHelp },
};

function usage(): string {
  return [
    "klynge — Triple Aim indicators, comparison, SPC and the spread model for Danish health clusters",
    "",
    "Commands:",
    ...Object.values(commands).map((c) => c.help.split("\n")[0]).map((l) => `  ${l}`),
    "",
    "klynge help COMMAND shows the options of one command.",
  ].join("\n");
}

/** Runs the CLI; returns the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    const about = rest[0] && Object.hasOwn(commands, rest[0]) ? commands[rest[0]] : undefined;
    console.log(about ? about.help : usage());
    return 0;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    console.error(`klynge: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(command.help);
    return 0;
  }
  return withGuardedConsole(() => runGuarded(name, command, rest));
}

async function runGuarded(name: string, command: Command, rest: readonly string[]): Promise<number> {
  try {
    return await command.run(rest);
  } catch (err) {
    if (isSafetyError(err)) {
      console.error(`klynge ${name}: ${err.text(cliLang())}`);
      return 1;
    }
    if (err instanceof UsageError || (err instanceof TypeError && "code" in err && String((err as { code?: string }).code).startsWith("ERR_PARSE_ARGS"))) {
      console.error(`klynge ${name}: ${err.message}\n\n${command.help}`);
      return 2;
    }
    if (isDatasetError(err)) {
      console.error(`klynge ${name}: ${err.message}`);
      return 1;
    }
    // An unexpected error is shown by the launcher: its text is guarded like everything printed.
    if (err instanceof Error) {
      err.message = guardText(err.message);
      if (err.stack !== undefined) err.stack = guardText(err.stack);
    }
    throw err;
  }
}
