/**
 * The annual sector checklist of a pathway programme as a table (seed 000: "årlig
 * statusopgørelse på anbefalingerne i forløbsprogrammet — sektorvis tjekliste"): one row per
 * year × adopting cluster (or municipality) × recommendation, with the reported status or
 * "not_reported", and a summary per year × adopter × sector.
 *
 * Years: `options.years`, else every year for which any adopter reported a status; an adopter
 * appears only for years from its start year. The share implemented is
 * implemented / (recommendations − not_relevant): "partly" and "not_reported" count as not
 * implemented (what is not reported is not shown to be in place); null when nothing is relevant.
 */
import type { Intervention } from "./interventionSchema.js";
import type { RecommendationSector, RecommendationStatus } from "./vocabulary.js";
import { RECOMMENDATION_SECTORS } from "./vocabulary.js";

export type RecommendationStatusCell = RecommendationStatus | "not_reported";

export interface RecommendationStatusRow {
  readonly year: number;
  readonly cluster: string;
  readonly municipality: number | null;
  readonly sector: RecommendationSector;
  readonly recommendation: string;
  readonly text: string;
  readonly status: RecommendationStatusCell;
  readonly note: string | null;
}

export interface RecommendationStatusSummaryRow {
  readonly year: number;
  readonly cluster: string;
  readonly municipality: number | null;
  readonly sector: RecommendationSector;
  readonly recommendations: number;
  readonly implemented: number;
  readonly partly: number;
  readonly not_implemented: number;
  readonly not_relevant: number;
  readonly not_reported: number;
  /** implemented / (recommendations − not_relevant), or null when that is 0. */
  readonly share_implemented: number | null;
}

export interface RecommendationStatusTable {
  readonly intervention: string;
  readonly years: readonly number[];
  readonly rows: readonly RecommendationStatusRow[];
  readonly summary: readonly RecommendationStatusSummaryRow[];
}

/**
 * @example recommendationStatusTable(lowBackPain, { years: [2014] }).summary
 */
export function recommendationStatusTable(
  intervention: Intervention,
  options: { readonly years?: readonly number[] } = {},
): RecommendationStatusTable {
  const reported = new Set<number>();
  for (const a of intervention.adoptions) for (const s of a.recommendation_status) reported.add(s.year);
  const years = [...(options.years ?? reported)].sort((a, b) => a - b);
  const recs = [...intervention.recommendations].sort(
    (a, b) => RECOMMENDATION_SECTORS.indexOf(a.sector) - RECOMMENDATION_SECTORS.indexOf(b.sector),
  );
  const rows: RecommendationStatusRow[] = [];
  const summary: RecommendationStatusSummaryRow[] = [];
  for (const year of years) {
    for (const a of intervention.adoptions) {
      if (year < Number(a.start.slice(0, 4))) continue;
      const byRec = new Map(a.recommendation_status.filter((s) => s.year === year).map((s) => [s.recommendation, s]));
      for (const sector of RECOMMENDATION_SECTORS) {
        const counts = { implemented: 0, partly: 0, not_implemented: 0, not_relevant: 0, not_reported: 0 };
        let n = 0;
        for (const r of recs) {
          if (r.sector !== sector) continue;
          const s = byRec.get(r.id);
          const status: RecommendationStatusCell = s ? s.status : "not_reported";
          counts[status] += 1;
          n += 1;
          rows.push({
            year,
            cluster: a.cluster,
            municipality: a.municipality ?? null,
            sector,
            recommendation: r.id,
            text: r.text,
            status,
            note: s?.note ?? null,
          });
        }
        if (n === 0) continue;
        const relevant = n - counts.not_relevant;
        summary.push({
          year,
          cluster: a.cluster,
          municipality: a.municipality ?? null,
          sector,
          recommendations: n,
          ...counts,
          share_implemented: relevant === 0 ? null : counts.implemented / relevant,
        });
      }
    }
  }
  return { intervention: intervention.id, years, rows, summary };
}
