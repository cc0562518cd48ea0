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

import { groupRows } from "../../contract/patientOrder.js";
import type { ContactTable } from "../../contract/tables.js";
import { MISSING, elapsedMinutes } from "../../contract/time.js";
import type { CourseKeys } from "./courseKeys.js";
import type { ProblemLog } from "../problemLog.js";
import { normaliseColumnName } from "../csvLine.js";
import { readTable } from "../tableReader.js";
import type { Header, ReadResult, RowSink, TableSpec } from "../tableReader.js";
import { registerNumber } from "./registerBytes.js";
import { registerSink } from "./registerScanner.js";

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
 * `courses` holds the course key of each contact (CourseKeys). Join: numeric keys by direct
 * addressing when they are dense (running numbers: one Int32 slot per number in the contacts'
 * range), else through a Map; text keys through the contacts' key dictionary.
 */
export async function allocateCourseCosts(
  path: string,
  file: string,
  key: string,
  price: string,
  contacts: ContactTable,
  courses: CourseKeys,
  log: ProblemLog,
): Promise<CourseCostResult> {
  const n = contacts.length;
  const keys = courses.keys;
  // Course prices by cost-file row; the lookup from a key to its row.
  let prices = new Float64Array(1024);
  let rowLine = new Int32Array(1024);
  let nRows = 0;
  const range = courses.max - courses.min;
  const dense = courses.max >= courses.min && range <= 4 * n + 1024;
  const direct = dense ? new Int32Array(range + 1).fill(-1) : null;
  const sparse = dense ? null : new Map<number, number>();
  const textRow = new Int32Array(courses.text.count).fill(-1);
  let unallocatedCourses = 0;
  let unallocatedDkk = 0;
  const spec: TableSpec = { file, columns: [key, price], required: [key, price] };
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
      const k = courses.keyOf(buf, st[0], en[0], false);
      // The slot of this key: −2 = no contact has it (an unallocated price), else a row or −1.
      let prev = -2;
      if (k >= 0) {
        if (direct !== null) prev = k >= courses.min && k <= courses.max ? direct[k - courses.min] : -2;
        else prev = (sparse as Map<number, number>).get(k) ?? -1;
      } else if (k !== -Infinity) prev = textRow[-k - 1];
      if (prev >= 0) {
        log.add("duplicate_key", file, line, { column: price, found: `${key} (value not shown)`, lineRef: rowLine[prev], expected: "one price per course" });
        counts.rejected++;
        return;
      }
      if (nRows === prices.length) {
        const p2 = new Float64Array(prices.length * 2);
        p2.set(prices);
        prices = p2;
        const l2 = new Int32Array(rowLine.length * 2);
        l2.set(rowLine);
        rowLine = l2;
      }
      const r = nRows++;
      prices[r] = v;
      rowLine[r] = line;
      if (k >= 0) {
        if (direct !== null) {
          if (prev === -1) direct[k - courses.min] = r;
        } else (sparse as Map<number, number>).set(k, r);
      } else if (k !== -Infinity) textRow[-k - 1] = r;
      counts.accepted++;
    });
  };
  const read = await readTable(path, spec, log, makeSink);

  // The cost-file row of each contact, then the contacts of each row (counting sort).
  const rowOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const k = keys[i];
    let r = -1;
    if (k >= 0) r = direct !== null ? direct[k - courses.min] : ((sparse as Map<number, number>).get(k) ?? -1);
    else if (k < 0) r = textRow[-k - 1];
    rowOf[i] = r;
  }
  const { start, order: members } = groupRows(rowOf, n, nRows);
  const adm = contacts.admittedAt;
  const dis = contacts.dischargedAt;
  // readRegisterContacts builds this column as a Float64Array when a course key is read (the shares are fractions)
  const cost = contacts.cost;
  if (!(cost instanceof Float64Array)) throw new Error("allocateCourseCosts: the cost column must be a Float64Array");
  let allocatedCourses = 0;
  let allocatedDkk = 0;
  for (let c = 0; c < nRows; c++) {
    const p = prices[c];
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
