/**
 * A full garbage collection on request (issue 16: peak memory).
 *
 * `computeIndicators` on a dataset counts in a context of its own (stays, readmission links,
 * cubes: about 0.4 GB on ten national years) and drops it before the suppression. Those typed
 * arrays live outside the JavaScript heap, and V8 frees them only when its collector next runs: in
 * the bench that was 1.8 s into the suppression, which by then had added its own 0.13 GB, so the
 * suppression's start was the run's peak. Collecting once at the hand-over frees the dropped
 * context first (ten shuffled national years from the cache, the CLI's memory settings: peak
 * 1.71 → 1.62 GB; the collection took 0.12 s).
 *
 * The collector is `globalThis.gc` when node runs with `--expose-gc`; otherwise it is taken once
 * from a fresh vm context after `v8.setFlagsFromString("--expose-gc")`, and the flag is set back
 * so that later contexts do not see it (the way Jest's leak detector reaches it). Where neither
 * works (another runtime, a locked-down host) nothing happens and the memory is freed when V8
 * chooses, as before.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

type Collector = () => void;

let collector: Collector | null | undefined;

/** Runs a full collection when one can be had; says whether it ran. */
export function collectGarbage(): boolean {
  if (collector === undefined) collector = findCollector();
  if (collector === null) return false;
  collector();
  return true;
}

function findCollector(): Collector | null {
  const own = (globalThis as { gc?: unknown }).gc;
  if (typeof own === "function") return own as Collector;
  try {
    setFlagsFromString("--expose-gc");
    try {
      const gc: unknown = runInNewContext("gc");
      return typeof gc === "function" ? (gc as Collector) : null;
    } finally {
      setFlagsFromString("--no-expose-gc");
    }
  } catch {
    return null;
  }
}
