/**
 * The diagnosis mix of a focus area ("hvilke borgere drejer det sig om", seed 002): the categories
 * its admissions are split into by primary diagnosis, so that an area is described beyond age.
 *
 * - An area whose code list names sites or causes (fractures: S02 … S92, T08, T10, T12; lower
 *   respiratory infections: J12 … J22) gets one category per listed prefix (S72 = fracture of the
 *   femur, the hip fracture).
 * - A prefix that is a whole chapter is split into the chapter's blocks where klynge knows them:
 *   chapter XVIII (R) into its WHO ICD-10 blocks R00-R09 … R95-R99 (WHO, ICD-10 2019, chapter XVIII
 *   "Symptoms, signs and abnormal clinical and laboratory findings, not elsewhere classified").
 * - The 0–2-year-olds (no diagnosis list) are split by ICD-10 chapter, the chapters that matter for
 *   small children on their own (infections A00-B99, respiratory J, digestive K, perinatal P,
 *   congenital Q, symptoms R, injuries S00-T98, contact with health services Z) and the rest as
 *   `other` (WHO, ICD-10 2019, chapter ranges).
 * A diagnosis that matches no category falls in `other`, so the categories add up to the area.
 */
import { codeMatchesPrefix, normaliseDiagnosisCode, type DiagnosisGroup } from "../stays/diagnosisGroups.js";

export interface MixCategory {
  /** Category code used in indicator ids: a prefix ("S72"), a block ("R50-R69") or "other". */
  readonly code: string;
  readonly prefixes: readonly string[];
}

/** WHO ICD-10 (2019) blocks of chapter XVIII. */
const R_BLOCKS = ["R00-R09", "R10-R19", "R20-R23", "R25-R29", "R30-R39", "R40-R46", "R47-R49", "R50-R69", "R70-R79", "R80-R82", "R83-R89", "R90-R94", "R95-R99"];

/** Chapters shown for the 0–2-year-olds (WHO ICD-10 2019 chapter ranges). */
const CHILD_CHAPTERS = ["A00-B99", "J", "K", "P", "Q", "R", "S00-T98", "Z"];

/** The mix categories of a focus area's diagnosis group (null: the 0–2-year-olds, by chapter). */
export function mixCategories(group: DiagnosisGroup | null): MixCategory[] {
  const out: MixCategory[] = [];
  if (group === null) for (const c of CHILD_CHAPTERS) out.push({ code: c, prefixes: [c] });
  else
    for (const p of group.prefixes) {
      if (p === "R") for (const b of R_BLOCKS) out.push({ code: b, prefixes: [b] });
      else out.push({ code: p, prefixes: [p] });
    }
  out.push({ code: "other", prefixes: [] });
  return out;
}

/** For each entry of a diagnosis dictionary, its mix category (the last, `other`, when none matches). */
export function mixIndexByDiagnosis(diagnoses: readonly string[], categories: readonly MixCategory[]): Int16Array {
  const out = new Int16Array(diagnoses.length).fill(categories.length - 1);
  for (let d = 0; d < diagnoses.length; d++) {
    const code = normaliseDiagnosisCode(diagnoses[d]);
    search: for (let k = 0; k < categories.length - 1; k++)
      for (const p of categories[k].prefixes)
        if (codeMatchesPrefix(code, p)) {
          out[d] = k;
          break search;
        }
  }
  return out;
}
