/**
 * Hospital courses for the register keys `dw_sk_sygehusophold` (LPR_A) and `dw_ek_forloeb`
 * (LPR_F): contacts of one patient that overlap or lie at most 4 hours apart (next admitted_at ≤
 * latest discharged_at so far + 4 h, elapsed time, daylight-saving aware) share a course — the
 * national stay definition that klynge's stays layer uses (Sundhedsdatastyrelsen, via
 * danish-context.md). A contact still open absorbs every later contact of its patient.
 */

import type { ContactTable } from "../../contract/tables.js";
import { MISSING, elapsedMinutes } from "../../contract/time.js";
import type { PatientContactOrder } from "./patientContactOrder.js";

/** Course number (1-based, numbered in patient order) of each contact row, and their count. */
export interface HospitalCourses {
  readonly courseOfRow: Int32Array;
  readonly courses: number;
  /** Sum of cost_dkk over the course's contacts with a cost (index = course − 1). */
  readonly cost: Float64Array;
  /** 1 when at least one contact of the course has a cost. */
  readonly hasCost: Uint8Array;
}

const GAP_MINUTES = 240;

function withinGap(end: number, next: number): boolean {
  const w = next - end;
  if (w <= GAP_MINUTES - 60) return true;
  if (w > GAP_MINUTES + 60) return false;
  return elapsedMinutes(end, next) <= GAP_MINUTES;
}

/**
 * Number the hospital courses of a contact table (4-hour rule above) and sum their costs.
 * @example hospitalCourses(contacts, patientContactOrder(contacts)).courses
 */
export function hospitalCourses(c: ContactTable, o: PatientContactOrder): HospitalCourses {
  const courseOfRow = new Int32Array(c.length);
  const adm = c.admittedAt;
  const dis = c.dischargedAt;
  let courses = 0;
  for (let p = 0; p < o.patients; p++) {
    let open = false;
    let endOpen = false;
    let end = 0;
    for (let k = o.start[p]; k < o.start[p + 1]; k++) {
      const i = o.order[k];
      const a = adm[i];
      if (!(open && (endOpen || withinGap(end, a)))) {
        courses++;
        open = true;
        endOpen = false;
        end = a;
      }
      courseOfRow[i] = courses;
      const d = dis[i];
      if (d === MISSING) endOpen = true;
      else if (d > end) end = d;
    }
  }
  const cost = new Float64Array(courses);
  const hasCost = new Uint8Array(courses);
  for (let i = 0; i < c.length; i++) {
    const v = c.cost[i];
    if (Number.isNaN(v)) continue;
    const k = courseOfRow[i] - 1;
    cost[k] += v;
    hasCost[k] = 1;
  }
  return { courseOfRow, courses, cost, hasCost };
}
