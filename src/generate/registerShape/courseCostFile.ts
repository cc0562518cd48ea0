/**
 * The cost file `drg.csv` of LPR3 extracts: one row per hospital course that has any contract
 * cost_dkk, with the sum of its contacts' costs as the price (docs/registers.md, "Costs": regions
 * receive the DRG price per course, not per contact). The total over the file equals the
 * dataset's total cost.
 */

import { priceText } from "./csvText.js";
import type { HospitalCourses } from "./hospitalCourses.js";
import { openRegisterFile, type RegisterContext } from "./registerContext.js";

/** Write drg.csv keyed by course number; returns its path. */
export async function writeCourseCostFile(ctx: RegisterContext, courses: HospitalCourses, columns: readonly string[]): Promise<string> {
  const { out, path } = openRegisterFile(ctx, "drg", columns);
  for (let k = 0; k < courses.courses; k++) {
    if (courses.hasCost[k] === 0) continue;
    out.int(k + 1);
    out.byte(ctx.sep);
    out.ascii(priceText(courses.cost[k]));
    out.byte(10);
    if (out.full) await out.flush();
  }
  await out.close();
  return path;
}
