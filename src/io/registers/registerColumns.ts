/**
 * Column resolution for register files: which rule of a preset's FileRule reads each role
 * (person, start, diagnosis …) in this file's header, and the code columns with the user's
 * mappings. Done once per header; the row decoder then reads cells by rule index.
 */

import { CodeColumn } from "./codeColumn.js";
import type { CodeMap } from "./codeColumn.js";
import type { FileRule, Role } from "./registerPreset.js";
import type { FileColumns } from "./registerScanner.js";

/** The rule indices of each role among a FileRule's columns (in rule order). */
export function roleIndex(rule: FileRule): (role: Role) => number[] {
  return (role) => rule.columns.flatMap((c, k) => (c.role === role ? [k] : []));
}

/** Code columns of a file (by rule index), with the user's mappings. */
export function codeColumns(rule: FileRule, cols: FileColumns, codeMap: CodeMap): (CodeColumn | null)[] {
  const lower = new Map<string, Readonly<Record<string, string>>>();
  for (const [k, v] of Object.entries(codeMap)) lower.set(k.toLowerCase(), v);
  return rule.columns.map((c, k) => {
    if (c.codes === undefined || cols.at[k] < 0) return null;
    const name = cols.names[k];
    const user = lower.get(name) ?? c.names.map((n) => lower.get(n)).find((m) => m !== undefined);
    return new CodeColumn(name, c.codes, user);
  });
}

/**
 * The contact file's columns by role: for each role the first rule present in the file (−1 when
 * none), and the code columns in the order they are checked.
 */
export interface ContactColumns {
  /** Each rule's name in the file (messages). */
  readonly names: readonly string[];
  readonly kPerson: number;
  /** Admission as one date-time, or as date + time, or as date + hour + minute (LPR2). */
  readonly kStart: number;
  readonly kSD: number;
  readonly kST: number;
  readonly kSH: number;
  readonly kSM: number;
  /** Discharge likewise (LPR2: date + hour). */
  readonly kEnd: number;
  readonly kED: number;
  readonly kET: number;
  readonly kEH: number;
  readonly kBirth: number;
  readonly kBYear: number;
  readonly kMuni: number;
  readonly kDiag: number;
  readonly kHosp: number;
  readonly kWeight: number;
  /** The cost file's key column (−1 when there is no cost file). */
  readonly kCourse: number;
  /** Code columns in the order they are checked (system, kind, priority, patient type, sex, referral). */
  readonly codeK: readonly number[];
  readonly codeC: readonly CodeColumn[];
  /** Position in codeK of priority, patient type, sex and referral (−1 when absent). */
  readonly jPrio: number;
  readonly jPType: number;
  readonly jSex: number;
  readonly jRef: number;
}

/** Resolve the contact file's roles against its located columns (see {@link ContactColumns}). */
export function resolveContactColumns(rule: FileRule, columns: FileColumns, codeCols: readonly (CodeColumn | null)[], costKey: string | undefined): ContactColumns {
  const at = roleIndex(rule);
  const names = columns.names;
  const first = (role: Role): number => {
    for (const k of at(role)) if (columns.at[k] >= 0) return k;
    return -1;
  };
  const kPrio = first("priority");
  const kPType = first("patientType");
  const kSex = first("sex");
  const kRef = first("referral");
  let kCourse = -1;
  if (costKey !== undefined) {
    for (let k = 0; k < rule.columns.length; k++) if (columns.at[k] >= 0 && names[k] === costKey) kCourse = k;
  }
  const codeK: number[] = [];
  const codeC: CodeColumn[] = [];
  for (const k of [first("system"), first("kind"), kPrio, kPType, kSex, kRef]) {
    const c = k >= 0 ? codeCols[k] : null;
    if (c !== null) {
      codeK.push(k);
      codeC.push(c);
    }
  }
  return {
    names,
    kPerson: first("person"),
    kStart: first("start"),
    kSD: first("startDate"),
    kST: first("startTime"),
    kSH: first("startHour"),
    kSM: first("startMinute"),
    kEnd: first("end"),
    kED: first("endDate"),
    kET: first("endTime"),
    kEH: first("endHour"),
    kBirth: first("birthDate"),
    kBYear: first("birthYear"),
    kMuni: first("municipality"),
    kDiag: first("diagnosis"),
    kHosp: first("hospital"),
    kWeight: first("weight"),
    kCourse,
    codeK,
    codeC,
    jPrio: codeK.indexOf(kPrio),
    jPType: kPType >= 0 ? codeK.indexOf(kPType) : -1,
    jSex: kSex >= 0 ? codeK.indexOf(kSex) : -1,
    jRef: kRef >= 0 ? codeK.indexOf(kRef) : -1,
  };
}
