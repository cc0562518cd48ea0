/**
 * care_status.csv (optional; issue 17): citizens' municipal care status by period — living in a
 * nursing home (plejehjem/plejebolig) or receiving home care (hjemmepleje) — which registers do not
 * hold. With it, "who" and "from where" (seed 002: "almen praksis, plejecenter?") can name them:
 * each admission gets the status that covers its day (who_care).
 */

import { z } from "zod";
import { FIELD_EXPECTED, parseCareStatus, parseDate, parseOptionalDate, parsePatientId } from "../fields.js";
import { MISSING, formatDay } from "../time.js";
import { cell, optionalCell, rowIssue } from "./cell.js";
import type { SchemaContext } from "./cell.js";

export const CARE_STATUS_COLUMNS = ["patient_id", "status", "from", "to"] as const;
export const CARE_STATUS_REQUIRED = ["patient_id", "status", "from"] as const;

/** The zod schema of one care_status.csv row: to (when given) not before from. */
export function makeCareStatusSchema(context: SchemaContext = {}) {
  const allowCpr = context.allowCprLikeIds ?? false;
  return z
    .object({
      patient_id: cell((s) => parsePatientId(s, allowCpr), { description: `Pseudonymous patient id: ${FIELD_EXPECTED.patient_id}.` }),
      status: cell(parseCareStatus, { description: `Care status: ${FIELD_EXPECTED.care_status}.` }),
      from: cell(parseDate, { description: `First day: ${FIELD_EXPECTED.date}.` }),
      to: optionalCell(parseOptionalDate, { description: `Last day: ${FIELD_EXPECTED.date}, or empty while it lasts.` }),
    })
    .transform((r, ctx) => {
      if (r.to !== MISSING && r.to < r.from) rowIssue(ctx, "to", "end_before_start", "to on or after from", formatDay(r.to), formatDay(r.from));
      return r;
    });
}

export const CareStatusSchema = makeCareStatusSchema();
export type CareStatusRecord = z.infer<typeof CareStatusSchema>;
export type CareStatusInput = z.input<typeof CareStatusSchema>;
