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

/**
 * The three Triple Aim dimensions (IHI; Region Midtjylland's Triple Aim programme), as seed 001
 * names them: "Høj patientoplevelse og faglig kvalitet" (`experience`: patient experience and
 * professional quality together, one aim), "Fremme sundhedstilstanden" (`population_health`),
 * "Reducere de samlede sundhedsomkostninger pr. borger" (`cost`).
 */
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

/**
 * The guiding question of each implementation key, in the words of seed 003 (Danish) and in
 * English. The keys are "et udvalg af mulige værktøjer og kan anvendes alene eller sammen" (a
 * selection of possible tools, used alone or together, seed 003): an adoption chooses the keys
 * that make sense for it, so klynge never counts keys "out of seven".
 */
export const IMPLEMENTATION_KEY_QUESTIONS: Readonly<Record<ImplementationKey, { readonly en: string; readonly da: string }>> = {
  viability: {
    da: "Hvordan skal løsningen overleve og køre i drift, når nyhedseffekten om den nye løsning falder?",
    en: "How will the solution survive and run in daily operation when its novelty fades?",
  },
  learning_community: {
    da: "Hvilke fora skaber fælles læring, sparring og fastholdelse?",
    en: "Which forums create shared learning, sparring and retention?",
  },
  leadership: {
    da: "Hvordan går ledelsen forrest i implementeringen og giver den legitimitet?",
    en: "How do leaders go first in the implementation, as role models, and give it legitimacy?",
  },
  guidance_education: {
    da: "Hvad er nødvendigt af lokale løsninger på vejledning og uddannelse, og hvad kan tages fra afsenderen af kernen?",
    en: "What guidance and education must be made locally, and what can be taken from the sender of the kernel?",
  },
  people_move_people: {
    da: "Hvilke relationer og hvilken person-til-person kontakt kan bære implementeringen?",
    en: "Which relationships and person-to-person contact can carry the implementation?",
  },
  contagious_stories: {
    da: "Hvad er vores fortælling om den nye løsning, som gør, at man føler ejerskab?",
    en: "What is our story of the new solution, the one that creates ownership?",
  },
  documentation: {
    da: "Hvilken gennemsigtig dokumentation (evidens i bred forstand, faglig og økonomisk) giver et godt beslutningsgrundlag?",
    en: "Which transparent documentation (evidence in a broad sense, professional and economic) gives a good basis for decisions?",
  },
};

/**
 * State of one implementation key at one assessment. `not_chosen`: the adoption does not use this
 * key (a legitimate choice — the keys are a selection, seed 003); `absent`: chosen but not yet
 * established; `emerging`: being established; `in_place`: established.
 */
export const KeyState = { not_chosen: "not_chosen", absent: "absent", emerging: "emerging", in_place: "in_place" } as const;
export type KeyState = keyof typeof KeyState;

/**
 * Sectors that a pathway programme (forløbsprogram, seed 000) gives recommendations to, as seed
 * 000 names them: "sektorvist (kommunen, hospitalet og praksissektoren)". The practice sector is
 * more than general practice: "Praktiserende fysioterapeuter og kiropraktorer er 'nye'
 * samarbejdsparter" (seed 000) — a recommendation names its professions (PracticeProfession).
 * Files written with the older code "general_practice" are read as "practice_sector".
 */
export const RecommendationSector = {
  municipality: "municipality",
  hospital: "hospital",
  practice_sector: "practice_sector",
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

/**
 * The decision to spread (seed 003, "Beslutningen om spredning"): `obligatory` — a solution made
 * under the health agreement that "alle kommuner og hospitaler [er] forpligtiget til at
 * implementere" (presented to Sundhedsstyregruppen and approved by Sundhedskoordinationsudvalget);
 * `own_initiative` — "gode løsninger [kan] opstå på eget initiativ uden direkte at være hængt op på
 * sundhedsaftalen".
 */
export const SpreadDecisionBasis = { obligatory: "obligatory", own_initiative: "own_initiative" } as const;
export type SpreadDecisionBasis = keyof typeof SpreadDecisionBasis;

/**
 * What a file describes: one `intervention` (a solution with a kernel), or a `programme` — a
 * common frame ("en fælles ramme", seed 001) under which clusters develop and test their own
 * local initiatives; a programme has Triple Aim targets and a work plan but no kernel of its own.
 */
export const InterventionKind = { intervention: "intervention", programme: "programme" } as const;
export type InterventionKind = keyof typeof InterventionKind;

/** The professions of the practice sector (praksissektoren, seed 000) a recommendation may address. */
export const PracticeProfession = {
  general_practitioners: "general_practitioners",
  physiotherapists: "physiotherapists",
  chiropractors: "chiropractors",
} as const;
export type PracticeProfession = keyof typeof PracticeProfession;
