/**
 * DRG prices delivered per hospital course, allocated to the course's contacts
 * (docs/registers.md "Costs"). Regions receive the DRG group and price per hospital course
 * (DRG-sygehusforløb), not per contact (Sundhedsdatastyrelsen); klynge's contract carries a cost
 * per contact. A course's price is shared among its imported contacts in proportion to their
 * duration in minutes (equal shares when all durations are zero; a still-open contact counts up
 * to the course's last known time); the last contact takes the remainder, so the shares add up to
 * the price and no krone is counted twice or lost. Prices of courses with no imported contact are
 * reported, not allocated.
 */

import type { ContactTable } from "../../contract/tables.js";
import { MISSING, elapsedMinutes } from "../../contract/time.js";
import type { ByteDictionary } from "../dictionary.js";
import type { ProblemLog } from "../problemLog.js";
import { normaliseColumnName } from "../csvLine.js";
import { readTable } from "../tableReader.js";
import type { Header, ReadResult, RowSink, TableSpec } from "../tableReader.js";
import { registerNumber } from "./registerBytes.js";
import { registerSink } from "./registerScanner.js";
import type { FileRule } from "./registerPreset.js";

/** Price columns tried in order when none is named (the LPR3 price column names were not found). */
export const PRICE_COLUMNS = ["pris", "drg_pris", "takst", "drg_takst", "v_pris", "price"] as const;

/** The key and price columns of a cost file header: the first preset key present, the price column. */
export function costColumns(
  headerNames: readonly string[],
  keys: readonly string[],
  priceColumn: string | undefined,
): { key: string | null; price: string | null } {
  const names = headerNames.map(normaliseColumnName);
  const key = keys.find((k) => names.includes(k)) ?? null;
  const wanted: readonly string[] = priceColumn === undefined ? PRICE_COLUMNS : [normaliseColumnName(priceColumn)];
  const price = wanted.find((p) => names.includes(p)) ?? null;
  return { key, price };
}

export interface CourseCostResult {
  readonly read: ReadResult;
  /** Courses with a price and at least one imported contact. */
  readonly allocatedCourses: number;
  readonly allocatedDkk: number;
  readonly unallocatedCourses: number;
  readonly unallocatedDkk: number;
}

/**
 * Read the cost file and write each course's price into the contacts' cost column (in place).
 * `course[i]` is contact i's index in `courses` (−1 = none).
 */
export async function allocateCourseCosts(
  path: string,
  file: string,
  key: string,
  price: string,
  contacts: ContactTable,
  course: Int32Array,
  courses: ByteDictionary,
  log: ProblemLog,
): Promise<CourseCostResult> {
  const nCourses = courses.count;
  const priceOf = new Float64Array(nCourses).fill(NaN);
  const lineOf = new Int32Array(nCourses);
  let unallocatedCourses = 0;
  let unallocatedDkk = 0;
  const rule: FileRule = {
    names: [],
    title: "a DRG cost file",
    columns: [
      { names: [key], role: "courseKey", required: true },
      { names: [price], role: "weight", required: true },
    ],
  };
  const spec: TableSpec = { file, columns: [key, price], required: [key, price] };
  const unmatchedSeen = new Set<string>();
  const makeSink = (header: Header): RowSink => {
    const at = new Int32Array([header.index.get(key) as number, header.index.get(price) as number]);
    return registerSink(header, file, { at, names: [key, price] }, log, (buf, st, en, line, counts) => {
      counts.rowsRead++;
      if (en[0] <= st[0]) {
        log.add("empty", file, line, { column: key, expected: "a course key" });
        counts.rejected++;
        return;
      }
      const v = registerNumber(buf, st[1], en[1]);
      if (v !== v) {
        log.add(en[1] > st[1] ? "bad_number" : "empty", file, line, { column: price, found: Buffer.from(buf.subarray(st[1], en[1])).toString("utf8"), expected: "a price in DKK >= 0" });
        counts.rejected++;
        return;
      }
      let h = 0x811c9dc5 | 0;
      for (let i = st[0]; i < en[0]; i++) h = Math.imul(h ^ buf[i], 16777619);
      const c = courses.find(buf, st[0], en[0], h);
      if (c < 0) {
        const k = Buffer.from(buf.subarray(st[0], en[0])).toString("utf8");
        if (unmatchedSeen.has(k)) {
          log.add("duplicate_key", file, line, { column: price, found: `${key} (value not shown)`, lineRef: 0, expected: "one price per course" });
          counts.rejected++;
          return;
        }
        unmatchedSeen.add(k);
        unallocatedCourses++;
        unallocatedDkk += v;
        counts.accepted++;
        return;
      }
      if (priceOf[c] === priceOf[c]) {
        log.add("duplicate_key", file, line, { column: price, found: `${key} (value not shown)`, lineRef: lineOf[c], expected: "one price per course" });
        counts.rejected++;
        return;
      }
      priceOf[c] = v;
      lineOf[c] = line;
      counts.accepted++;
    });
  };
  const read = await readTable(path, spec, log, makeSink);

  // Contacts of each course (counting sort), then the shares.
  const n = contacts.length;
  const start = new Int32Array(nCourses + 1);
  for (let i = 0; i < n; i++) if (course[i] >= 0) start[course[i] + 1]++;
  for (let c = 0; c < nCourses; c++) start[c + 1] += start[c];
  const pos = start.slice(0, nCourses);
  const members = new Int32Array(start[nCourses]);
  for (let i = 0; i < n; i++) if (course[i] >= 0) members[pos[course[i]]++] = i;
  const adm = contacts.admittedAt;
  const dis = contacts.dischargedAt;
  const cost = contacts.cost as Float64Array;
  let allocatedCourses = 0;
  let allocatedDkk = 0;
  for (let c = 0; c < nCourses; c++) {
    const p = priceOf[c];
    if (p !== p) continue;
    const a = start[c];
    const b = start[c + 1];
    if (b === a) {
      unallocatedCourses++;
      unallocatedDkk += p;
      continue;
    }
    allocatedCourses++;
    allocatedDkk += p;
    // The course's last known time, for still-open contacts.
    let last = -Infinity;
    for (let k = a; k < b; k++) {
      const i = members[k];
      last = Math.max(last, adm[i], dis[i] === MISSING ? adm[i] : dis[i]);
    }
    let total = 0;
    for (let k = a; k < b; k++) {
      const i = members[k];
      total += Math.max(0, elapsedMinutes(adm[i], dis[i] === MISSING ? last : dis[i]));
    }
    let given = 0;
    for (let k = a; k < b; k++) {
      const i = members[k];
      let share: number;
      if (k === b - 1) share = p - given;
      else if (total > 0) share = (p * Math.max(0, elapsedMinutes(adm[i], dis[i] === MISSING ? last : dis[i]))) / total;
      else share = p / (b - a);
      given += share;
      cost[i] = share;
    }
  }
  if (unallocatedCourses > 0) {
    log.add("cost_unallocated", file, null, { n: unallocatedCourses, found: unallocatedDkk.toFixed(2) });
  }
  return { read, allocatedCourses, allocatedDkk, unallocatedCourses, unallocatedDkk };
}
