/**
 * zod building blocks: a CSV cell (text) read by one field rule of fields.ts. A failing rule adds
 * a zod issue whose `params` carry the klynge code, the expected text and the text found, so the
 * loader can turn it into a Problem; the zod message is the expected text.
 */

import { z } from "zod";
import type { FieldCode, FieldResult } from "../fields.js";

/** What a klynge zod issue carries in `params`. */
export interface CellIssueParams {
  readonly klynge: FieldCode | RowRuleCode;
  readonly expected: string;
  readonly found: string;
  /** Second value of a row rule (e.g. admitted_at for discharge_before_admission). */
  readonly other?: string;
}

/** Codes of row rules (checks across fields or against the geography). */
export const RowRuleCode = {
  unknown_municipality: "unknown_municipality",
  unknown_cluster: "unknown_cluster",
  discharge_before_admission: "discharge_before_admission",
  birth_after_admission: "birth_after_admission",
  positive_above_total: "positive_above_total",
  unknown_hospital_unit: "unknown_hospital_unit",
  no_unit: "no_unit",
  end_before_start: "end_before_start",
  no_area: "no_area",
} as const;
export type RowRuleCode = keyof typeof RowRuleCode;

/** Context a schema may check against: the geography and the privacy switch. */
export interface SchemaContext {
  /** Known municipality codes; when given, other codes are `unknown_municipality`. */
  readonly municipalities?: ReadonlySet<number>;
  /** Known cluster names (experience.csv). */
  readonly clusters?: ReadonlySet<string>;
  /** Known hospital units of the geography (adverse_events.csv). */
  readonly hospitalUnits?: ReadonlySet<string>;
  /** Accept patient ids shaped like CPR numbers (default false: refuse them). */
  readonly allowCprLikeIds?: boolean;
}

export interface CellMeta {
  readonly description: string;
  readonly pattern?: string;
  readonly examples?: readonly string[];
}

type Ctx = z.RefinementCtx;

function run<T>(rule: (s: string) => FieldResult<T>, s: string, ctx: Ctx): T {
  const r = rule(s);
  if (r.ok) return r.value;
  const params: CellIssueParams = { klynge: r.code, expected: r.expected, found: s };
  ctx.addIssue({ code: "custom", message: r.expected, params, input: s });
  return z.NEVER;
}

/** A required cell read by `rule`. */
export function cell<T>(rule: (s: string) => FieldResult<T>, meta: CellMeta) {
  return z
    .string()
    .meta({ ...meta, examples: meta.examples ? [...meta.examples] : undefined })
    .transform((s, ctx) => run(rule, s, ctx));
}

/** An optional cell (column may be absent; empty text is "not given" for the rule to decide). */
export function optionalCell<T>(rule: (s: string) => FieldResult<T>, meta: CellMeta) {
  return z
    .string()
    .meta({ ...meta, examples: meta.examples ? [...meta.examples] : undefined })
    .optional()
    .transform((s, ctx) => run(rule, s ?? "", ctx));
}

/** Add a row-rule issue on `column`. */
export function rowIssue(
  ctx: unknown,
  column: string,
  code: RowRuleCode,
  expected: string,
  found: string,
  other?: string,
): void {
  const params: CellIssueParams = other === undefined ? { klynge: code, expected, found } : { klynge: code, expected, found, other };
  (ctx as Ctx).addIssue({ code: "custom", message: expected, params, input: found, path: [column] });
}

/** Three-digit text of a municipality code (e.g. 751 → "751", 85 → "085"). */
export function municipalityText(code: number): string {
  return String(code).padStart(3, "0");
}
