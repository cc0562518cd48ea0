/**
 * The suppression decision's solver answers kept with the dataset cache (issue 16): a dataset
 * served from or written to the cache (`report.cache.file`) has an answer file beside its entry
 * (src/io/cache/solverAnswerFile.ts). Before a decision the answers in it join this process's store
 * (lpResultCache.ts); after it, the answers solved meanwhile are added to the file. A stored answer
 * is used only for a system equal to its own, so the rows are the same with or without the file;
 * only the time differs (a region-year's whole set from the cache: about 0.4 s of solving).
 * A dataset not from the cache (`cache: false`, `KLYNGE_CACHE=off`) has no file.
 */
import type { Dataset } from "../contract/dataset.js";
import { answerFileOf, readAnswerFile, writeAnswerFile } from "../io/cache/solverAnswerFile.js";
import { addLpAnswers, lpAnswersSince, lpLogMark, type LpAnswer } from "./lpResultCache.js";

/** Per answer file: the answers known to be in it, and the store generation they were added in. */
const known = new Map<string, { readonly answers: readonly LpAnswer[]; readonly generation: number }>();

/**
 * Run a suppression decision with the dataset's kept answers (see the module comment).
 * @example withKeptAnswers(dataset, () => suppressRows(rows, { minCount: 5 }, true))
 */
export function withKeptAnswers<T>(dataset: Dataset, decide: () => T): T {
  const file = answerFileOfDataset(dataset);
  if (file === null) return decide();
  const inFile = keptIn(file);
  const mark = lpLogMark();
  const result = decide();
  const added = lpAnswersSince(mark);
  if (added !== null && added.length > 0) {
    const answers = [...inFile.answers, ...added];
    if (writeAnswerFile(file, answers)) known.set(file, { answers, generation: mark.generation });
  }
  return result;
}

/**
 * How many solver answers are kept with the dataset (0 when it has no answer file); they join this
 * process's store now. computeIndicators starts the solver's threads early only when there are
 * none: with kept answers a decision usually solves nothing, and HiGHS loaded for nothing costs
 * two threads' memory and CPU time.
 * @example if (keptAnswerCount(dataset) === 0) warmLpWorkers()
 */
export function keptAnswerCount(dataset: Dataset): number {
  const file = answerFileOfDataset(dataset);
  return file === null ? 0 : keptIn(file).answers.length;
}

/** The answer file of a dataset served from or written to the cache, or null. */
function answerFileOfDataset(dataset: Dataset): string | null {
  const cache = dataset.report.cache;
  return cache !== undefined && (cache.status === "read" || cache.status === "written") && cache.file !== undefined ? answerFileOf(cache.file) : null;
}

/** The answers of a file, read once per store generation and added to the store. */
function keptIn(file: string): { readonly answers: readonly LpAnswer[]; readonly generation: number } {
  let inFile = known.get(file);
  if (inFile === undefined || inFile.generation !== lpLogMark().generation) {
    const answers = readAnswerFile(file);
    addLpAnswers(answers);
    inFile = { answers, generation: lpLogMark().generation };
    known.set(file, inFile);
  }
  return inFile;
}
