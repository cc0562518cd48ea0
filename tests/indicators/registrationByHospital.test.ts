/**
 * Registration practice by the registering hospital, with a dated change of practice (issue 17;
 * seed 002: Aarhus registers children in the emergency department as outpatients, HE Midt as
 * inpatients "men HE Midt ønsker, at lægge sig op ad Aarhus"). Counts worked out by hand.
 */
import { describe, expect, it } from "vitest";
import { registrationByHospital } from "../../src/indicators/registrationByHospital.js";
import { registrationPractice } from "../../src/indicators/registrationPractice.js";
import type { ContactRow } from "../stays/contactsFromRows.js";
import { datasetFrom, flatPopulation } from "./datasetFromRows.js";

const kid = (patient: string, from: string, to: string, hospital: string, inpatient: boolean, municipality = 751): ContactRow => ({
  patient,
  admitted: from,
  discharged: to,
  hospital,
  inpatient,
  municipality,
  birth: "2018-06-01",
});
const ROWS: ContactRow[] = [
  // AUH: two short stays registered as outpatients, one 30 h admission
  kid("k1", "2019-02-01T10:00", "2019-02-01T13:00", "AUH", false),
  kid("k2", "2019-03-01T10:00", "2019-03-01T15:00", "AUH", false),
  kid("k3", "2019-04-01T10:00", "2019-04-02T16:00", "AUH", true),
  // HE Midt (children of Aarhus too: practice follows the hospital, not the residence)
  kid("k4", "2019-02-10T10:00", "2019-02-10T13:00", "HE Midt", true),
  kid("k5", "2019-05-01T08:00", "2019-05-01T14:00", "HE Midt", true, 791),
  kid("k5", "2019-05-10T10:00", "2019-05-10T15:00", "HE Midt", true, 791), // readmission (as registered)
  kid("k6", "2019-06-01T08:00", "2019-06-02T04:00", "HE Midt", true, 791),
  // after the change (2020-03-01): HE Midt registers a short stay as outpatient
  kid("k7", "2020-04-01T10:00", "2020-04-01T13:00", "HE Midt", false, 791),
  kid("k8", "2021-05-01T10:00", "2021-05-01T14:00", "HE Midt", false, 791), // aged 2 (born 2018-06-01)
];
const ds = datasetFrom(ROWS, flatPopulation([2019, 2020, 2021], [615, 727, 751, 791], 10));
const rows = registrationByHospital(ds, { minCount: 0, changes: [{ hospital: "HE Midt", from: "2020-03-01" }] });
const get = (hospital: string, period: string) => rows.find((r) => r.hospital === hospital && r.period === period);

describe("registration practice by the registering hospital", () => {
  it("counts admissions under both rules and the short acute stays registered as inpatient", () => {
    const auh = get("AUH", "2019");
    // AUH: k3 is an admission under both rules; k1, k2 are short and registered as outpatients
    expect([auh?.admissions_harmonised, auh?.admissions_as_registered, auh?.admissions_difference]).toEqual([1, 1, 0]);
    expect([auh?.short_acute_stays, auh?.short_registered_inpatient, auh?.short_registered_inpatient_pct]).toEqual([2, 0, 0]);
    const midt = get("HE Midt", "2019");
    // HE Midt: k6 (20 h) is the only stay of >= 12 h; k4, k5, k5 (3 h, 6 h, 5 h) are admissions as registered
    expect([midt?.admissions_harmonised, midt?.admissions_as_registered, midt?.admissions_difference]).toEqual([1, 4, 3]);
    expect([midt?.short_acute_stays, midt?.short_registered_inpatient, midt?.short_registered_inpatient_pct]).toEqual([3, 3, 100]);
    // readmissions: as registered, k5's first stay is readmitted 9 days later (1 of 4 index); harmonised 0 of 1
    expect([midt?.readmitted_as_registered, midt?.index_as_registered]).toEqual([1, 4]);
    expect(midt?.readmission_pct_as_registered).toBeCloseTo(25, 12);
    expect([midt?.readmitted_harmonised, midt?.index_harmonised]).toEqual([0, 1]);
    const region = rows.find((r) => r.level === "region" && r.period === "2019");
    expect([region?.admissions_harmonised, region?.admissions_as_registered, region?.short_acute_stays, region?.short_registered_inpatient]).toEqual([2, 5, 5, 3]);
  });

  it("marks each year's phase relative to the dated change; the other hospital has none", () => {
    expect(["2019", "2020", "2021"].map((p) => get("HE Midt", p)?.phase)).toEqual(["before", "change", "after"]);
    expect(get("AUH", "2019")?.phase).toBeNull();
    // after the change HE Midt registers its short stay as an outpatient
    expect([get("HE Midt", "2021")?.short_acute_stays, get("HE Midt", "2021")?.short_registered_inpatient]).toEqual([1, 0]);
    // readmissions only for years with 30 days after every discharge (not 2021)
    expect(get("HE Midt", "2021")?.index_as_registered).toBeNull();
    expect(get("HE Midt", "2020")?.index_as_registered).toBe(0);
  });

  it("groups by the hospital, not the cluster of residence (k4 lives in Aarhus, registered by HE Midt)", () => {
    const byCluster = registrationPractice(ds, { minCount: 0, groups: ["0-2"] }).find((r) => r.level === "cluster" && r.unit === "Aarhus" && r.period === "2019");
    // Aarhus residents: k1, k2, k3 (AUH) and k4 (HE Midt): as registered k3 and k4
    expect(byCluster?.admissions_as_registered).toBe(2);
  });

  it("suppresses small counts with the one engine", () => {
    const sup = registrationByHospital(ds, { changes: [{ hospital: "HE Midt", from: "2020-03-01" }] });
    const midt = sup.find((r) => r.hospital === "HE Midt" && r.period === "2019");
    expect(midt?.suppressed).toBe(true);
    expect(midt?.admissions_as_registered).toBeNull();
    expect(midt?.phase).toBe("before");
  });
});
