import { appendRows } from "./appendRows.js";
import { indicatorDescriptor } from "./descriptor.js";
import { parseAgeGroup, type AgeGroup } from "./ageGroup.js";
import { classOf, cubeSize } from "./indicatorContext.js";
import { hospitalCostCube, ratePeriodOk, releaseCubes, takeCube } from "./eventCubes.js";
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
 *   municipal_care, other), sex "all" (the file has no sex), for every requested group that the
 *   file's age_group bands fit (each band inside or outside the group; rows without an age group
 *   count for "all" only);
 * - `cost_per_citizen` — hospital plus every sector, sex "all", for the groups every sector fits.
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
    multiplier: indicatorDescriptor("cost_per_citizen").multiplier,
    plain: true,
    periodKinds: ["year"],
    periodOk,
  });
  const T = ctx.nMonths;
  const C = ctx.classStarts.length;
  const sectorCubes = new Map<string, Float64Array>();
  const bands = new Map<string, AgeGroup[]>();
  for (const r of ctx.dataset.sectorCosts ?? []) {
    if (r.sector === "hospital") continue;
    const m = ctx.muniIndex[r.municipality_code];
    const y = r.year - ctx.y0;
    if (m < 0 || y < 0 || y >= ctx.nYears) continue;
    let band: AgeGroup;
    try {
      band = parseAgeGroup(r.age_group === null || r.age_group === "" ? "all" : r.age_group);
    } catch {
      band = parseAgeGroup("all");
    }
    let cube = sectorCubes.get(r.sector);
    if (!cube) {
      sectorCubes.set(r.sector, (cube = takeCube(ctx, cubeSize(ctx, T))));
      bands.set(r.sector, []);
    }
    (bands.get(r.sector) as AgeGroup[]).push(band);
    cube[((m * T + y * 12) * C + classOf(ctx, band.lo)) * 2 + 0] += r.cost_dkk;
  }
  // A sector's costs can be given for a group when each of its age bands lies inside or outside it.
  // (and the age class the band's costs are put in falls on the same side of the group).
  const fits = (sector: string, g: AgeGroup): boolean =>
    (bands.get(sector) ?? []).every((b) => {
      const at = ctx.classStarts[classOf(ctx, b.lo)];
      const placedInside = at >= g.lo && at <= g.hi;
      return (b.lo >= g.lo && b.hi <= g.hi && placedInside) || ((b.hi < g.lo || b.lo > g.hi) && !placedInside);
    });
  const requested = ctx.resolved.groups.map(parseAgeGroup);
  const total = takeCube(ctx, hospital.length);
  total.set(hospital);
  const sectors = ["hospital"];
  for (const [sector, cube] of sectorCubes) {
    sectors.push(sector);
    for (let k = 0; k < cube.length; k++) total[k] += cube[k];
    const groups = requested.filter((g) => fits(sector, g)).map((g) => g.label);
    if (groups.length === 0) continue;
    appendRows(rows, buildIndicatorRows(ctx, {
        indicator: `cost_per_citizen:${sector}`,
        kind: "rate",
        numerator: cube,
        multiplier: indicatorDescriptor("cost_per_citizen").multiplier,
        plain: true,
        groups,
        sexes: ["all"],
        periodKinds: ["year"],
        periodOk,
      }),
    );
  }
  const totalGroups = requested.filter((g) => [...sectorCubes.keys()].every((s) => fits(s, g))).map((g) => g.label);
  appendRows(rows, buildIndicatorRows(ctx, {
      indicator: "cost_per_citizen",
      kind: "rate",
      numerator: total,
      multiplier: indicatorDescriptor("cost_per_citizen").multiplier,
      plain: true,
      groups: totalGroups,
      sexes: ["all"],
      periodKinds: ["year"],
      periodOk,
      note: `${indicatorMessages.costSectors(sectors)}; ${indicatorMessages.hospitalCostFromContacts()}`,
    }),
  );
  releaseCubes(ctx, hospital, total, ...sectorCubes.values());
  return rows;
}
