/** deaths.csv (optional): patient_id, died_at (issue 2). */

import { z } from "zod";
import { FIELD_EXPECTED, parseDateOrDateTime, parsePatientId } from "../fields.js";
import { cell } from "./cell.js";
import type { SchemaContext } from "./cell.js";

export const DEATHS_COLUMNS = ["patient_id", "died_at"] as const;
export const DEATHS_REQUIRED = DEATHS_COLUMNS;

/** The zod schema of one deaths.csv row (died_at as a date; a date-time's day is taken). */
export function makeDeathsSchema(context: SchemaContext = {}) {
  const allowCpr = context.allowCprLikeIds ?? false;
  return z.object({
    patient_id: cell((s) => parsePatientId(s, allowCpr), { description: `Pseudonymous patient id: ${FIELD_EXPECTED.patient_id}.` }),
    died_at: cell(parseDateOrDateTime, { description: `${FIELD_EXPECTED.date} (a date-time's day is taken).` }),
  });
}

export const DeathsSchema = makeDeathsSchema();
export type DeathsRecord = z.infer<typeof DeathsSchema>;
export type DeathsInput = z.input<typeof DeathsSchema>;
