/** One call from a dataset to stays and admissions with readmission links. */
import type { Dataset } from "../contract/dataset.js";
import { buildStays } from "./buildStays.js";
import { linkReadmissions } from "./linkReadmissions.js";
import type { ReadmissionOptions, StayOptions } from "./stayOptions.js";
import type { AdmissionTable, StaysReport, StayTable } from "./stayTable.js";

export interface ComputeStaysOptions extends StayOptions, Omit<ReadmissionOptions, "diedOnByPatient"> {}

export interface ComputedStays {
  readonly stays: StayTable;
  readonly admissions: AdmissionTable;
  readonly report: StaysReport & { readonly admissions: number; readonly indexAdmissions: number; readonly readmitted: number };
}

/**
 * Stays, admissions under the chosen registration rule, and readmission links for a dataset
 * (deaths from `dataset.deaths`). See buildStays and linkReadmissions for the rules.
 * @example const { report } = computeStays(dataset); report.admissions
 */
export function computeStays(dataset: Pick<Dataset, "contacts" | "deaths">, options: ComputeStaysOptions = {}): ComputedStays {
  const { stays, report } = buildStays(dataset.contacts, options);
  const admissions = linkReadmissions(stays, dataset.contacts, report.latestAdmittedAt, {
    ...options,
    diedOnByPatient: dataset.deaths?.diedOnByPatient ?? null,
  });
  let indexAdmissions = 0;
  let readmitted = 0;
  for (let j = 0; j < admissions.length; j++) {
    indexAdmissions += admissions.index[j];
    readmitted += admissions.readmitted[j];
  }
  return { stays, admissions, report: { ...report, admissions: admissions.length, indexAdmissions, readmitted } };
}
