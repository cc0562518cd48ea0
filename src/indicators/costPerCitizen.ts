import { cubeSize } from "./indicatorContext.js";
import { hospitalCostCube, ratePeriodOk } from "./eventCubes.js";
import { buildIndicatorRows } from "./buildIndicatorRows.js";
import { contextOf, type IndicatorInput } from "./contextOf.js";
import type { IndicatorOptions } from "./indicatorOptions.js";
import { indicatorMessages } from "./messages.js";
import type { IndicatorRow } from "./table.js";

/**
 * `cost_per_citizen` (Triple Aim: lower total cost per citizen, seed 001), per year, in DKK per
 * citizen on 1 January:
 * - `cost_per_citizen:hospital` — sum of cost_dkk (DRG value) of contacts starting in the year, by
 *   every requested group and sex;
 * - `cost_per_citizen:<sector>` — sector_costs.csv rows of the other sectors (general_practice,
 *   municipal_care, other), group "all", sex "all" (the file has no sex; age-specific rows of a
 *   municipality-year are summed into "all");
 * - `cost_per_citizen` — hospital plus every sector, group "all", sex "all".
 * No interval (a sum of amounts, not a count). Hospital rows of sector_costs.csv are not added:
 * the hospital cost comes from the contacts.
 */
export function costPerCitizen(input: IndicatorInput, options: IndicatorOptions = {}): IndicatorRow[] {
  const ctx = contextOf(input, options);
  const periodOk = ratePeriodOk(ctx);
  const hospital = hospitalCostCube(ctx);
  const rows: IndicatorRow[] = buildIndicatorRows(ctx, {
    indicator: "cost_per_citizen:hospital",
    kind: "rate",
    numerator: hospital,
    multiplier: 1,
    plain: true,
    periodKinds: ["year"],
    periodOk,
  });
  const T = ctx.nMonths;
  const C = ctx.classStarts.length;
  const sectorCubes = new Map<string, Float64Array>();
  for (const r of ctx.dataset.sectorCosts ?? []) {
    if (r.sector === "hospital") continue;
    const m = ctx.muniIndex[r.municipality_code];
    const y = r.year - ctx.y0;
    if (m < 0 || y < 0 || y >= ctx.nYears) continue;
    let cube = sectorCubes.get(r.sector);
    if (!cube) sectorCubes.set(r.sector, (cube = new Float64Array(cubeSize(ctx, T))));
    cube[((m * T + y * 12) * C + 0) * 2 + 0] += r.cost_dkk;
  }
  const total = hospital.slice();
  const sectors = ["hospital"];
  for (const [sector, cube] of sectorCubes) {
    sectors.push(sector);
    for (let k = 0; k < cube.length; k++) total[k] += cube[k];
    rows.push(
      ...buildIndicatorRows(ctx, {
        indicator: `cost_per_citizen:${sector}`,
        kind: "rate",
        numerator: cube,
        multiplier: 1,
        plain: true,
        groups: ["all"],
        sexes: ["all"],
        periodKinds: ["year"],
        periodOk,
      }),
    );
  }
  rows.push(
    ...buildIndicatorRows(ctx, {
      indicator: "cost_per_citizen",
      kind: "rate",
      numerator: total,
      multiplier: 1,
      plain: true,
      groups: ["all"],
      sexes: ["all"],
      periodKinds: ["year"],
      periodOk,
      note: `${indicatorMessages.costSectors(sectors)}; ${indicatorMessages.hospitalCostFromContacts()}`,
    }),
  );
  return rows;
}
