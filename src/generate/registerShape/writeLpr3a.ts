/**
 * lpr3-a: LPR3's current delivery LPR_A, `lpr_a_kontakt.csv` (one row per contact, in the
 * contract's row order) and `drg.csv` (price per hospital course). Mapping (the reverse of
 * docs/registers.md, lpr3-a):
 * - `pnr` = the contract patient id; `dw_ek_kontakt` = running number 1…n (row order);
 *   `dw_sk_sygehusophold` = the hospital course (hospitalCourses.ts, 4-hour rule);
 * - `kont_starttidspunkt`/`kont_sluttidspunkt` = admitted_at/discharged_at as date-times, empty
 *   when still open; `kont_type` = ALCA00 (physical attendance); `kont_patient_type` empty (its
 *   codes were not found, so none is made up: the importer then classifies by duration);
 * - `prioritet` ATA1 acute / ATA3 planned; `adiag` = "D" + ICD-10 (SKS, DJ189);
 * - `borger_koen` M/K; `borger_foedselsdato`; `borger_bo_kom` 4 digits (0751); `borger_bo_reg`
 *   the region code (1082 Midtjylland; empty for a code outside Denmark's 98 municipalities);
 *   `lprindberetningssystem` = LPR3.
 * Not carried: hospital, referral_source (LPR_A has none), and inpatient/outpatient as registered
 * (LPR3 does not separate them).
 */

import { MISSING } from "../../contract/time.js";
import { asciiBytes } from "./byteOutput.js";
import { writeCourseCostFile } from "./courseCostFile.js";
import { hospitalCourses } from "./hospitalCourses.js";
import { regionOfMunicipality } from "./regionCode.js";
import { municipalityBytes, openRegisterFile, type RegisterContext } from "./registerContext.js";
import { LPR3A_CONTACT_COLUMNS, LPR3A_COST_COLUMNS } from "./registerColumns.js";

/** Write the lpr3-a files; returns their paths. */
export async function writeLpr3a(ctx: RegisterContext): Promise<string[]> {
  const c = ctx.contacts;
  const d = ctx.d;
  const sep = ctx.sep;
  const dates = ctx.dates;
  const courses = hospitalCourses(c, ctx.order);
  const place = municipalityBytes((code) => `${String(code).padStart(4, "0")}${d}${regionOfMunicipality(code) ?? ""}`);
  const acute = asciiBytes(`${d}ALCA00${d}${d}ATA1${d}`);
  const planned = asciiBytes(`${d}ALCA00${d}${d}ATA3${d}`);
  const male = asciiBytes(`${d}M${d}`);
  const female = asciiBytes(`${d}K${d}`);
  const tail = asciiBytes(`${d}LPR3\n`);
  const { out, path } = openRegisterFile(ctx, "lpr_a_kontakt", LPR3A_CONTACT_COLUMNS);
  const { patient, admittedAt, dischargedAt, diagnosis, sex, birthDate, municipality } = c;
  const course = courses.courseOfRow;
  for (let i = 0; i < c.length; i++) {
    out.entry(ctx.ids, patient[i]);
    out.byte(sep);
    out.int(i + 1);
    out.byte(sep);
    out.int(course[i]);
    out.byte(sep);
    dates.dateTime(out, admittedAt[i]);
    out.byte(sep);
    const dis = dischargedAt[i];
    if (dis !== MISSING) dates.dateTime(out, dis);
    out.bytes(c.acute[i] === 1 ? acute : planned);
    out.entry(ctx.sks, diagnosis[i]);
    out.bytes(sex[i] === 2 ? male : female);
    dates.date(out, birthDate[i]);
    out.byte(sep);
    out.bytes(place(municipality[i]));
    out.bytes(tail);
    if (out.full) await out.flush();
  }
  await out.close();
  const drg = await writeCourseCostFile(ctx, courses, LPR3A_COST_COLUMNS);
  return [path, drg];
}
