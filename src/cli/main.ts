/** The klynge command line: generate, validate, indicators, report and run (the main job). */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { closest, cliLang, UsageError } from "./args.js";
import { cliText, OPTION_ERRORS, type CliLang } from "./cliMessages.js";
import { EXIT } from "./datasetGate.js";
import { isDatasetError } from "../io/datasetError.js";
import { isSafetyError } from "../io/safetyMessages.js";
import { packageRoot } from "../contract/packageRoot.js";
import { guardText, withGuardedConsole } from "./outputGuard.js";
import { keyCommand, keyHelp } from "./commands/key.js";
import { cacheCommand, cacheHelp } from "./commands/cache.js";
import { auditDisclosureCommand, auditDisclosureHelp } from "./commands/auditDisclosure.js";
import { generateCommand, generateHelp } from "./commands/generate.js";
import { importCommand, importHelp } from "./commands/import.js";
import { indicatorsCommand, indicatorsHelp } from "./commands/indicators.js";
import { interventionsCommand, interventionsHelp } from "./commands/interventions.js";
import { validateCommand, validateHelp } from "./commands/validate.js";
import { reportCommand, reportHelp, runCommand, runHelp } from "./commands/report.js";

interface Command {
  readonly run: (argv: readonly string[], lang: CliLang) => Promise<number>;
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
  cache: { run: cacheCommand, help: cacheHelp },
  "audit-disclosure": { run: auditDisclosureCommand, help: auditDisclosureHelp },
};

function usage(): string {
  return [
    "klynge — Triple Aim indicators, comparison, SPC and the spread model for Danish health clusters",
    "",
    "Commands:",
    ...Object.values(commands).map((c) => c.help.split("\n")[0]).map((l) => `  ${l}`),
    "",
    "klynge help COMMAND shows the options of one command; klynge --version the version.",
    "Exit codes: 0 done, 1 error in the data or files, 2 wrong command line, 3 rows rejected (see --allow-rejected).",
    "Messages are in Danish; in English with KLYNGE_LANG=en or an English locale (LANG=en_…).",
  ].join("\n");
}

/** The installed package's version (package.json). */
function version(): string {
  const root = packageRoot();
  if (root === null) return "unknown";
  return (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version?: string }).version ?? "unknown";
}

function suggestionOf(name: string): { suggestion?: string } {
  const s = closest(name, Object.keys(commands));
  return s === undefined ? {} : { suggestion: s };
}

/** Runs the CLI; returns the process exit code. Every error is one line on stderr. */
export async function main(argv: readonly string[]): Promise<number> {
  const lang = cliLang();
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-v" || name === "version") {
    console.log(`klynge ${version()}`);
    return EXIT.ok;
  }
  if (!name || name === "help" || name === "--help" || name === "-h") {
    const topic = rest[0];
    if (topic === undefined) {
      console.log(usage());
      return EXIT.ok;
    }
    const about = Object.hasOwn(commands, topic) ? commands[topic] : undefined;
    if (about === undefined) {
      console.error(`klynge help: ${cliText(lang, "helpUnknown", { found: topic, ...suggestionOf(topic) })}`);
      return EXIT.usage;
    }
    console.log(about.help);
    return EXIT.ok;
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!command) {
    console.error(`klynge: ${cliText(lang, "unknownCommand", { found: name, ...suggestionOf(name) })}`);
    return EXIT.usage;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    console.log(command.help);
    return EXIT.ok;
  }
  return withGuardedConsole(() => runGuarded(name, command, rest, lang));
}

async function runGuarded(name: string, command: Command, rest: readonly string[], lang: CliLang): Promise<number> {
  try {
    return await command.run(rest, lang);
  } catch (err) {
    if (isSafetyError(err)) {
      console.error(`klynge ${name}: ${err.text(lang)}`);
      return EXIT.error;
    }
    if (err instanceof UsageError) {
      const hint = OPTION_ERRORS.has(err.key) ? ` ${cliText(lang, "usageHint", { command: name })}` : "";
      console.error(`klynge ${name}: ${cliText(lang, err.key, err.params)}${hint}`);
      return EXIT.usage;
    }
    if (isDatasetError(err)) {
      console.error(`klynge ${name}: ${err.message}`);
      return EXIT.error;
    }
    if (process.env.KLYNGE_DEBUG) {
      // The launcher shows the stack: its text is guarded like everything printed.
      if (err instanceof Error) {
        err.message = guardText(err.message);
        if (err.stack !== undefined) err.stack = guardText(err.stack);
      }
      throw err;
    }
    const message = (err instanceof Error ? err.message : String(err)).split("\n")[0];
    console.error(`klynge ${name}: ${cliText(lang, "unexpected", { message })}`);
    return EXIT.error;
  }
}
