/** Hand-built indicator tables for the overview tests. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import type { IndicatorRow } from "../../src/indicators/index.js";
import { parseIntervention, type Intervention } from "../../src/spread/index.js";

export const REPO = join(__dirname, "..", "..");

/** One period of a series: numerator and denominator (null = missing), or suppressed. */
export interface Cell {
  readonly period: string;
  readonly num: number;
  readonly den: number;
  readonly suppressed?: boolean;
}

/** Rows of one indicator × group × unit, as computeIndicators publishes them (value × multiplier; Wilson for proportions). */
export function series(indicator: string, group: string, level: IndicatorRow["level"], unit: string, cells: readonly Cell[], kind: "proportion" | "rate" = "proportion", hiddenKept = false): IndicatorRow[] {
  const multiplier = kind === "proportion" ? 100 : 1000;
  return cells.map((c) => {
    const value = (c.num / c.den) * multiplier;
    const shown = !c.suppressed || hiddenKept;
    return {
      indicator,
      level,
      unit,
      period: c.period,
      group,
      sex: "all",
      numerator: shown ? c.num : null,
      denominator: shown ? c.den : null,
      value: shown ? value : null,
      lower: shown ? value * 0.9 : null,
      upper: shown ? value * 1.1 : null,
      method: kind === "proportion" ? "wilson" : "byars",
      suppressed: c.suppressed === true,
    };
  });
}

export const months = (from: number, to: number): string[] => {
  const out: string[] = [];
  for (let y = from; y <= to; y++) for (let m = 1; m <= 12; m++) out.push(`${y}-${String(m).padStart(2, "0")}`);
  return out;
};

/** A stable monthly proportion around `p` on denominator `den` (a fixed ±pattern, no rule fires). */
export function steady(periods: readonly string[], p: number, den: number): Cell[] {
  const wiggle = [0, 2, -1, 1, -2, 1, 0, -1, 2, -2, 1, -1];
  return periods.map((period, i) => ({ period, num: Math.round(p * den) + wiggle[i % wiggle.length], den }));
}

/** Yearly sums of monthly cells (a year is suppressed when any of its months is). */
export function yearsOf(cells: readonly Cell[]): Cell[] {
  const by = new Map<string, { num: number; den: number; suppressed: boolean }>();
  for (const c of cells) {
    const y = c.period.slice(0, 4);
    const cur = by.get(y) ?? { num: 0, den: 0, suppressed: false };
    cur.num += c.num;
    cur.den += c.den;
    cur.suppressed ||= c.suppressed === true;
    by.set(y, cur);
  }
  return [...by].map(([period, c]) => ({ period, ...c }));
}

/** frail-elderly-follow-up from data/interventions, standing alone, with only its readmission target. */
export function followUp(): Intervention {
  const obj = parse(readFileSync(join(REPO, "data", "interventions", "frail-elderly-follow-up.yaml"), "utf8")) as Record<string, unknown>;
  delete obj.programme;
  obj.targets = (obj.targets as { id: string }[]).filter((t) => t.id === "fewer-readmissions");
  return parseIntervention(obj, "frail-elderly-follow-up.yaml");
}
