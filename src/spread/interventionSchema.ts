/**
 * The intervention file format (one file per intervention, YAML or JSON, in a dataset's
 * `interventions/` folder), as zod schemas; the TypeScript types are inferred from them and the
 * JSON Schema files in schemas/ are generated from them (`npm run schemas`, scripts/write-schemas.ts).
 *
 * The model follows the spread model of Region Midtjylland (seed 003: kernel, room for local
 * variation, spread platform with push and pull, seven implementation keys), the iterative
 * PDSA process of seed 001, the sector recommendations and annual checklist of a pathway
 * programme (seed 000), and the milestones, critical success factors and risks of a work plan
 * (seed 004). Adoptions live inside the intervention file, keyed by cluster (and municipality).
 *
 * Structure is checked here; cross-references and date order are checked in
 * `validateIntervention` so that every problem gets a message from the catalogue.
 */
import { z } from "zod";
import { periodPattern } from "../contract/period.js";
import {
  FidelityState,
  InterventionKind,
  InterventionPhase,
  KernelDimension,
  KeyState,
  MilestoneState,
  PracticeProfession,
  RecommendationSector,
  RecommendationStatus,
  SpreadDecisionBasis,
  TargetDirection,
  TripleAimTargetDimension,
} from "./vocabulary.js";

/** Stable id: lower-case letters, digits, "-" and "_", starting with a letter or digit. */
export const SPREAD_ID_PATTERN = /^[a-z0-9][a-z0-9_-]*$/;
/** Period label as in the indicator table: "2019", "2019-Q1" or "2019-01". */
export const SPREAD_PERIOD_PATTERN = new RegExp(periodPattern(["year", "quarter", "month"]));
/** Population group as in the indicator table: "all", "65+", "0-2", "18-64". */
export const SPREAD_AGE_GROUP_PATTERN = /^(all|\d{1,3}\+|\d{1,3}-\d{1,3})$/;

const Id = z.string().regex(SPREAD_ID_PATTERN).meta({ description: "Stable id: a-z, 0-9, - and _" });
const Text = z.string().min(1);
const IsoDate = z.iso.date().meta({ description: "Date YYYY-MM-DD" });
const numberToText = (v: unknown): unknown => (typeof v === "number" ? String(v) : v);
const Period = z.preprocess(numberToText, z.string().regex(SPREAD_PERIOD_PATTERN)).meta({
  description: 'Period label: "2019", "2019-Q1" or "2019-01"',
});
const AgeGroup = z.preprocess(numberToText, z.string().regex(SPREAD_AGE_GROUP_PATTERN)).meta({
  description: 'Population group: "all", "65+", "0-2"',
});
const texts = () => z.array(Text).default([]);
/** Marks a value that is not in the source document (an example value, chosen to show the format). */
const Illustrative = z
  .boolean()
  .optional()
  .meta({ description: "true when the values are illustrative (not taken from the source document); the report says so" });

export const KernelElementSchema = z.strictObject({
  id: Id,
  description: Text,
  dimension: z.enum(KernelDimension),
});
export type KernelElement = z.infer<typeof KernelElementSchema>;

export const LocalVariationSchema = z.strictObject({
  id: Id,
  description: Text,
  dimension: z.enum(KernelDimension),
});
export type LocalVariation = z.infer<typeof LocalVariationSchema>;

export const TargetPopulationSchema = z.strictObject({
  age_groups: z.array(AgeGroup).default([]),
  diagnosis_groups: texts(),
  clusters: texts(),
  description: Text.optional(),
  illustrative: Illustrative,
});
export type TargetPopulation = z.infer<typeof TargetPopulationSchema>;

export const TripleAimTargetSchema = z.strictObject({
  id: Id,
  indicator: Id.meta({ description: "Indicator id of the indicator engine, e.g. readmission_30d" }),
  dimension: z.enum(TripleAimTargetDimension).optional().meta({
    description:
      "Triple Aim dimension the target serves. Default for a known indicator: its indicator descriptor's dimension " +
      "(admissions and readmissions: population_health — a choice, seed 001 lists them as concrete goals " +
      "without a dimension; cost_per_citizen: cost; experience_positive: experience = patient experience " +
      "and professional quality together, as seed 001). Required for other indicators.",
  }),
  group: AgeGroup.default("all"),
  baseline: z.strictObject({ start: Period, end: Period }),
  target_value: z.number().optional().meta({ description: "Absolute target on the indicator's scale" }),
  relative_change: z
    .number()
    .min(-1)
    .optional()
    .meta({ description: "Target change relative to the baseline as a fraction: -0.1 = 10 % lower" }),
  direction: z.enum(TargetDirection),
  deadline: IsoDate,
  note: Text.optional(),
  illustrative: Illustrative,
});
/** A target as written (dimension optional); `Intervention.targets` carry the resolved dimension. */
export type TripleAimTargetInput = z.infer<typeof TripleAimTargetSchema>;
export type TripleAimTarget = Omit<TripleAimTargetInput, "dimension"> & { readonly dimension: TripleAimTargetDimension };

export const IncentiveSchema = z.strictObject({ actor: Text, motive: Text });
export type Incentive = z.infer<typeof IncentiveSchema>;

export const SpreadPlatformSchema = z.strictObject({
  push: z.array(IncentiveSchema).default([]),
  pull: z.array(IncentiveSchema).default([]).meta({
    description: "Pull seen before any receiver is named; the pull of each receiving cluster is recorded on its adoption (adoptions[].pull)",
  }),
  strategy: Text.optional(),
  co_created_by: texts(),
});
export type SpreadPlatform = z.infer<typeof SpreadPlatformSchema>;

export const PdsaCycleSchema = z.strictObject({
  id: Id,
  cluster: Text.optional(),
  start: IsoDate,
  end: IsoDate.optional(),
  plan: Text,
  do: Text.optional(),
  study: Text.optional(),
  act: Text.optional(),
});
export type PdsaCycle = z.infer<typeof PdsaCycleSchema>;

export const StatusReportSchema = z.strictObject({
  date: IsoDate,
  cluster: Text.optional(),
  author: Text.optional(),
  text: Text,
});
export type StatusReport = z.infer<typeof StatusReportSchema>;

export const MilestoneSchema = z.strictObject({
  id: Id,
  date: IsoDate,
  description: Text,
  state: z.enum(MilestoneState),
  illustrative: Illustrative,
});
export type Milestone = z.infer<typeof MilestoneSchema>;

export const CriticalSuccessFactorSchema = z.strictObject({ id: Id, description: Text });
export type CriticalSuccessFactor = z.infer<typeof CriticalSuccessFactorSchema>;

export const RiskSchema = z.strictObject({
  id: Id,
  description: Text,
  consequence: Text.optional(),
  mitigation: Text.optional(),
});
export type Risk = z.infer<typeof RiskSchema>;

const legacySector = (v: unknown): unknown => (v === "general_practice" ? "practice_sector" : v);
export const RecommendationSchema = z.strictObject({
  id: Id,
  sector: z.preprocess(legacySector, z.enum(RecommendationSector)),
  professions: z
    .array(z.enum(PracticeProfession))
    .default([])
    .meta({ description: "Practice-sector professions the recommendation addresses (general practitioners, physiotherapists, chiropractors)" }),
  text: Text,
});
export type Recommendation = z.infer<typeof RecommendationSchema>;

export const FidelitySchema = z.strictObject({
  element: Id.meta({ description: "Id of a kernel element of this intervention" }),
  state: z.enum(FidelityState),
  note: Text.optional(),
});
export type Fidelity = z.infer<typeof FidelitySchema>;

export const LocalAdaptationSchema = z.strictObject({
  dimension: z.enum(KernelDimension),
  what: Text,
  why: Text,
  variation: Id.optional().meta({ description: "Id of the room-for-local-variation item used" }),
});
export type LocalAdaptation = z.infer<typeof LocalAdaptationSchema>;

/** What the receiver protected: its core-task activities, principles and structures (seed 003, fig. 1). */
export const ProtectedByReceiverSchema = z.strictObject({
  activities: texts(),
  principles: texts(),
  structures: texts(),
});
export type ProtectedByReceiver = z.infer<typeof ProtectedByReceiverSchema>;

export const KeyStateEntrySchema = z.strictObject({ state: z.enum(KeyState), note: Text.optional() });
export type KeyStateEntry = z.infer<typeof KeyStateEntrySchema>;

/** One dated assessment of the implementation keys; keys not assessed are left out. */
export const KeyAssessmentSchema = z.strictObject({
  date: IsoDate,
  keys: z.strictObject({
    viability: KeyStateEntrySchema.optional(),
    learning_community: KeyStateEntrySchema.optional(),
    leadership: KeyStateEntrySchema.optional(),
    guidance_education: KeyStateEntrySchema.optional(),
    people_move_people: KeyStateEntrySchema.optional(),
    contagious_stories: KeyStateEntrySchema.optional(),
    documentation: KeyStateEntrySchema.optional(),
  }),
});
export type KeyAssessment = z.infer<typeof KeyAssessmentSchema>;

export const RecommendationStatusEntrySchema = z.strictObject({
  year: z.int().min(1900).max(2200),
  recommendation: Id,
  status: z.enum(RecommendationStatus),
  note: Text.optional(),
});
export type RecommendationStatusEntry = z.infer<typeof RecommendationStatusEntrySchema>;

/** The intervention's own cost in one adoption (seed 003: "faglig og økonomisk gennemsigtighed"). */
export const AdoptionCostSchema = z.strictObject({
  one_off: z.number().min(0).default(0).meta({ description: "One-off cost in DKK (start-up, education)" }),
  per_year: z.number().min(0).default(0).meta({ description: "Running cost in DKK per year of operation" }),
  note: Text.optional(),
  illustrative: Illustrative,
});
export type AdoptionCost = z.infer<typeof AdoptionCostSchema>;

/** The decision to spread (seed 003, "Beslutningen om spredning"). */
export const SpreadDecisionSchema = z.strictObject({
  basis: z.enum(SpreadDecisionBasis).meta({ description: "obligatory (under the health agreement) or own_initiative" }),
  approved_by: Text.optional().meta({ description: "Body that approved the spread, e.g. Sundhedskoordinationsudvalget" }),
  date: IsoDate.optional(),
  note: Text.optional(),
});
export type SpreadDecision = z.infer<typeof SpreadDecisionSchema>;

export const AdoptionSchema = z.strictObject({
  cluster: Text,
  municipality: z.int().min(1).max(9999).optional().meta({ description: "Municipality code when one municipality adopts (a pilot)" }),
  hospital: Text.optional().meta({ description: "Hospital unit when one hospital adopts (a pilot); its catchment is the municipalities with this hospital_unit in the geography" }),
  start: IsoDate,
  phase: z.enum(InterventionPhase),
  pull: z.array(IncentiveSchema).default([]).meta({ description: "Pull of this receiver: who wants the solution here, and why (seed 003)" }),
  cost: AdoptionCostSchema.optional(),
  illustrative: Illustrative,
  fidelity: z.array(FidelitySchema).default([]),
  adaptations: z.array(LocalAdaptationSchema).default([]),
  protected: ProtectedByReceiverSchema.optional(),
  key_assessments: z.array(KeyAssessmentSchema).default([]),
  recommendation_status: z.array(RecommendationStatusEntrySchema).default([]),
  note: Text.optional(),
});
export type Adoption = z.infer<typeof AdoptionSchema>;

export const InterventionSchema = z.strictObject({
  $schema: z.string().optional(),
  id: Id,
  kind: z.enum(InterventionKind).default("intervention").meta({
    description: "intervention (a solution with a kernel) or programme (a common frame for local initiatives, seed 001)",
  }),
  programme: Id.optional().meta({ description: "Id of the programme this local initiative belongs to" }),
  name: Text,
  name_en: Text.optional().meta({ description: "The name in English, beside the Danish name (shown in English reports)" }),
  description: Text,
  description_en: Text.optional().meta({ description: "The description in English, beside the Danish one (shown in English reports)" }),
  owner: Text,
  sources: texts().meta({ description: "Where the intervention is described (documents, seeds)" }),
  decision: SpreadDecisionSchema.optional(),
  target_population: TargetPopulationSchema,
  kernel: z.array(KernelElementSchema).default([]).meta({ description: "Required (at least one element) for an intervention; a programme has none" }),
  local_variation: z.array(LocalVariationSchema).default([]),
  targets: z.array(TripleAimTargetSchema).default([]),
  spread_platform: SpreadPlatformSchema.optional(),
  phase: z.enum(InterventionPhase),
  pdsa_cycles: z.array(PdsaCycleSchema).default([]),
  status_reports: z.array(StatusReportSchema).default([]),
  milestones: z.array(MilestoneSchema).default([]),
  critical_success_factors: z.array(CriticalSuccessFactorSchema).default([]),
  risks: z.array(RiskSchema).default([]),
  recommendations: z.array(RecommendationSchema).default([]),
  adoptions: z.array(AdoptionSchema).default([]),
});
type ParsedIntervention = z.infer<typeof InterventionSchema>;
/** A validated intervention: every target carries its Triple Aim dimension (the documented default filled in). */
export type Intervention = Omit<ParsedIntervention, "targets"> & { readonly targets: readonly TripleAimTarget[] };
/** The file as written (fields with defaults may be left out). */
export type InterventionInput = z.input<typeof InterventionSchema>;
