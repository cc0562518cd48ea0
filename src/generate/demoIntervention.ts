/**
 * The intervention injected into generated data: coordinated care for frail elderly medical
 * patients with follow-up home visits (seed 001, "forløbskoordinering for den ældre medicinske
 * patient … opfølgende hjemmebesøg"). It is adopted by three of the five clusters at staggered
 * dates; from a cluster's start date, every acute hospital contact of a citizen 65+ of that
 * cluster that would start within 30 days after a discharge (from a stay ≥ 12 h ending on or
 * after the start date) is kept with probability `rateRatio` — so the acute 30-day readmission
 * rate of 65+ falls by that factor there and nowhere else.
 */
export interface InjectedIntervention {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly sourceSeed: string;
  readonly targetPopulation: { readonly minAge: number };
  readonly outcome: string;
  /** Multiplier of the 30-day acute readmission probability (1 = no effect). */
  readonly rateRatio: number;
  readonly adoptions: readonly { readonly cluster: string; readonly start: string }[];
  readonly nonAdopting: readonly string[];
}

/** The demo dataset's intervention (issue 5 ships the matching intervention file). */
export const DEMO_INTERVENTION: InjectedIntervention = {
  id: "frail-elderly-follow-up",
  name: "Coordinated care for frail elderly medical patients with follow-up home visits",
  description:
    "Joint regional-municipal care coordination for frail elderly medical patients, with a follow-up home visit after discharge (seed 001).",
  sourceSeed: "001",
  targetPopulation: { minAge: 65 },
  outcome: "acute readmission (stay >= 12 h) within 30 days after discharge of citizens 65+",
  rateRatio: 0.75,
  adoptions: [
    { cluster: "Midt", start: "2019-01-01" },
    { cluster: "Randers", start: "2019-07-01" },
    { cluster: "Vest", start: "2020-04-01" },
  ],
  nonAdopting: ["Horsens", "Aarhus"],
};

/** The demo intervention with another effect (1 = the null effect). */
export function withRateRatio(intervention: InjectedIntervention, rateRatio: number): InjectedIntervention {
  return { ...intervention, rateRatio };
}
