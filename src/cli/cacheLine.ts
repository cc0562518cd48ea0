/** The line a command prints about the dataset cache (docs/cache.md), or null when there is nothing to say (cache off). */

import type { Dataset } from "../contract/dataset.js";
import { cliText, type CliLang } from "./cliMessages.js";

export function cacheLine(dataset: Dataset, lang: CliLang): string | null {
  const c = dataset.report.cache;
  if (c === undefined || c.status === "off") return null;
  if (c.status === "read") return cliText(lang, c.checkedBy === "change" ? "cacheReadUnchanged" : "cacheRead", { when: (c.writtenAt ?? "").replace("T", " ").slice(0, 16), file: c.file ?? "" });
  if (c.status === "written") return cliText(lang, c.reason === "replaced" ? "cacheReplaced" : "cacheWritten", { file: c.file ?? "" });
  return cliText(lang, "cacheUnavailable", { reason: c.reason ?? "" });
}
