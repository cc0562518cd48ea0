/**
 * What an extract cannot answer, in the report's words: "kan ikke besvares med dette udtræk: …"
 * (issue 17). The codes come from the load report (contract/dataset.ts CannotAnswer); the texts
 * from the report catalogue (`cannot.<reason>`).
 */
import { cannotAnswerOf, type Dataset } from "../contract/dataset.js";
import type { ReportTextKey } from "../text/catalogue.js";

/** Question code → the reason as text in the report language. */
export function cannotAnswerTexts(dataset: Dataset, t: (key: ReportTextKey, params?: Readonly<Record<string, string | number>>) => string): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  const format = dataset.report.tables.find((x) => x.format !== undefined)?.format ?? "";
  for (const [question, reason] of cannotAnswerOf(dataset.report)) out.set(question, t(`cannot.${reason}` as ReportTextKey, { format }));
  return out;
}
