/**
 * A full garbage collection on request (issue 16: peak memory). computeIndicators asks for one when
 * it drops a large counting context before the suppression; why, and what it gains and costs, are
 * in docs/cache.md ("Memory: the counting context is collected before the suppression").
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
