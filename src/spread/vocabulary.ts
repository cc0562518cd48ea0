/**
 * The vocabulary of the spread model (Model for spredning, Region Midtjylland 2016; seed 003):
 * every enumeration of the intervention file format, as `as const` objects (the vega-lite
 * pattern: the keys are the codes written in files, `type X = keyof typeof X`, `isX(value)`).
 */

/** The three dimensions along which a kernel and its local adaptation are worked out (seed 003, fig. 1). */
export const KernelDimension = {
  activities: "activities",
  ways_of_working: "ways_of_working",
  organisation: "organisation",
} as const;
export type KernelDimension = keyof typeof KernelDimension;
export const isKernelDimension = (v: unknown): v is KernelDimension =>
  typeof v === "string" && Object.hasOwn(KernelDimension, v);

/** The three Triple Aim dimensions (IHI; Region Midtjylland's Triple Aim programme). */
export const TripleAimTargetDimension = {
  population_health: "population_health",
  experience: "experience",
  cost: "cost",
} as const;
export type TripleAimTargetDimension = keyof typeof TripleAimTargetDimension;

/** Phase of an intervention or of one adoption (seed 003: development with PDSA cycles, then spread; then operation). */
export const InterventionPhase = {
  development: "development",
  spread: "spread",
  operation: "operation",
} as const;
export type InterventionPhase = keyof typeof InterventionPhase;

/** Fidelity of an adoption to one kernel element. */
export const FidelityState = { kept: "kept", partly: "partly", not_kept: "not_kept" } as const;
export type FidelityState = keyof typeof FidelityState;

/** The seven implementation keys (implementeringsnøgler) of seed 003, in the seed's order. */
export const ImplementationKey = {
  viability: "viability",
  learning_community: "learning_community",
  leadership: "leadership",
  guidance_education: "guidance_education",
  people_move_people: "people_move_people",
  contagious_stories: "contagious_stories",
  documentation: "documentation",
} as const;
export type ImplementationKey = keyof typeof ImplementationKey;
export const IMPLEMENTATION_KEYS = Object.keys(ImplementationKey) as readonly ImplementationKey[];

/** Labels of the implementation keys in English and in the seed's Danish. */
export const IMPLEMENTATION_KEY_LABELS: Readonly<Record<ImplementationKey, { readonly en: string; readonly da: string }>> = {
  viability: { en: "Viability", da: "Levedygtighed" },
  learning_community: { en: "Learning community", da: "Læringsfællesskab" },
  leadership: { en: "Leadership", da: "Ledelse" },
  guidance_education: { en: "Guidance and education", da: "Vejledning og uddannelse" },
  people_move_people: { en: "People move people", da: "Mennesker flytter mennesker" },
  contagious_stories: { en: "Contagious stories", da: "Smittende fortællinger" },
  documentation: { en: "Documentation", da: "Skab dokumentation" },
};

/** State of one implementation key at one assessment. */
export const KeyState = { absent: "absent", emerging: "emerging", in_place: "in_place" } as const;
export type KeyState = keyof typeof KeyState;

/** Sectors that a pathway programme (forløbsprogram, seed 000) gives recommendations to. */
export const RecommendationSector = {
  municipality: "municipality",
  hospital: "hospital",
  general_practice: "general_practice",
} as const;
export type RecommendationSector = keyof typeof RecommendationSector;
export const RECOMMENDATION_SECTORS = Object.keys(RecommendationSector) as readonly RecommendationSector[];

/** Annual status of one recommendation in one adopting cluster (the sector checklist of seed 000). */
export const RecommendationStatus = {
  implemented: "implemented",
  partly: "partly",
  not_implemented: "not_implemented",
  not_relevant: "not_relevant",
} as const;
export type RecommendationStatus = keyof typeof RecommendationStatus;

/** State of a milestone of a work plan (seed 004). */
export const MilestoneState = {
  planned: "planned",
  in_progress: "in_progress",
  reached: "reached",
  delayed: "delayed",
  cancelled: "cancelled",
} as const;
export type MilestoneState = keyof typeof MilestoneState;

/** Which direction of a target's indicator is an improvement. */
export const TargetDirection = { increase: "increase", decrease: "decrease" } as const;
export type TargetDirection = keyof typeof TargetDirection;
