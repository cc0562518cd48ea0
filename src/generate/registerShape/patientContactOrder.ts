/**
 * Contact rows grouped by patient, each patient's rows by admitted_at. Reuses the loader's
 * `patientOrder` when it fits (checked in one read-only pass, never modified); otherwise
 * contract/patientOrder's counting sort by patient and a sort by admitted_at (ties by row) within
 * each patient. Only index arrays are allocated; no contact column is copied.
 */

import { checkPatientOrder, orderByPatient, ORDER_DOES_NOT_FIT } from "../../contract/patientOrder.js";
import type { ContactTable } from "../../contract/tables.js";

/** Rows of patient p are order[start[p] … start[p + 1] − 1], by admitted_at. */
export interface PatientContactOrder {
  readonly start: Int32Array;
  readonly order: Int32Array;
  readonly patients: number;
}

/** Group the rows of a ContactTable by patient, by admitted_at within each patient. */
export function patientContactOrder(c: ContactTable): PatientContactOrder {
  const hint = c.patientOrder;
  if (hint && checkPatientOrder(c, hint) !== ORDER_DOES_NOT_FIT) return { start: hint.start, order: hint.order, patients: hint.start.length - 1 };
  return orderByPatient(c);
}
