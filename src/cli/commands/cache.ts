/** `klynge cache clear|where`: the dataset cache (docs/cache.md). */

import { cacheFolder, clearCache } from "../../io/cache/cacheFolder.js";
import { parseCommandArgs, UsageError } from "../args.js";
import { cliText, type CliLang } from "../cliMessages.js";
import { EXIT } from "../datasetGate.js";

export const cacheHelp = `klynge cache clear|where [--cache-dir DIR]
  The dataset cache: the first load of a dataset writes its validated tables there, later runs of
  indicators, report, run, validate and loadDataset read them when the input files are byte for
  byte the same (size, time and SHA-256 of each file). --no-cache on those commands (or
  KLYNGE_CACHE=off) leaves it unused. The folder: --cache-dir, KLYNGE_CACHE_DIR, else
  $XDG_CACHE_HOME/klynge or ~/.cache/klynge. It holds contact-level (pseudonymous) data, readable
  by you only. clear removes the cache files klynge wrote and nothing else; where prints the folder.`;

export async function cacheCommand(argv: readonly string[], lang: CliLang): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { "cache-dir": { type: "string" } }, true);
  const action = positionals[0];
  if (action !== "clear" && action !== "where") throw new UsageError("cacheAction", { found: action ?? "" });
  if (positionals.length > 1) throw new UsageError("extraArgument", { found: positionals[1] });
  const folder = cacheFolder(values["cache-dir"]);
  if (action === "where") {
    console.log(cliText(lang, "cacheWhere", { folder }));
    return EXIT.ok;
  }
  const r = clearCache(values["cache-dir"]);
  if (r.refusal === "missing") {
    console.log(cliText(lang, "cacheNoFolder", { folder }));
    return EXIT.ok;
  }
  if (r.refusal !== null) {
    console.error(`klynge cache: ${cliText(lang, "cacheNotOwn", { folder })}`);
    return EXIT.error;
  }
  console.log(cliText(lang, "cacheCleared", { n: r.removed, mb: (r.bytes / 1e6).toFixed(1), folder }));
  if (r.foreign > 0) console.log(cliText(lang, "cacheForeign", { n: r.foreign, folder }));
  return EXIT.ok;
}
