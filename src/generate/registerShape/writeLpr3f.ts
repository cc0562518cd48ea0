/**
 * lpr3-f: LPR3's research delivery LPR_F, `kontakter.csv`, `personer.csv` and `drg.csv`.
 * Mapping (the reverse of docs/registers.md, lpr3-f):
 * - `cpr_encrypted` = the contract patient id; `DW_EK_KONTAKT` = running number 1…n (row order);
 *   `DW_EK_FORLOEB` = the hospital course (hospitalCourses.ts, 4-hour rule), also the key of drg.csv;
 * - `dato_start`/`tidspunkt_start`, `dato_slut`/`tidspunkt_slut` = admitted_at/discharged_at as
 *   date and `HH:MM:SS` (both empty when still open);
 * - `kontakttype` ALCA00; `prioritet` ATA1/ATA3; `aktionsdiagnose` SKS (DJ189);
 *   `lprindberetningssytem` LPR3;
 * - sex, birth date and municipality in personer.csv (personTable.ts: one row per person, or one
 *   per person and year with `aar` when some patient moved).
 * Not carried: hospital, referral_source, inpatient/outpatient as registered.
 */

import { MINUTES_PER_DAY, MISSING } from "../../contract/time.js";
import { asciiBytes } from "./byteOutput.js";
import { writeCourseCostFile } from "./courseCostFile.js";
import { hospitalCourses } from "./hospitalCourses.js";
import { writePersonTable } from "./personTable.js";
import { openRegisterFile, type RegisterContext } from "./registerContext.js";
import { LPR3F_CONTACT_COLUMNS, LPR3F_COST_COLUMNS, LPR3F_PERSON_COLUMNS } from "./registerColumns.js";

/** Write the lpr3-f files; returns their paths. */
export async function writeLpr3f(ctx: RegisterContext): Promise<string[]> {
  const c = ctx.contacts;
  const d = ctx.d;
  const sep = ctx.sep;
  const dates = ctx.dates;
  const courses = hospitalCourses(c, ctx.order);
  const acute = asciiBytes(`${d}ALCA00${d}ATA1${d}`);
  const planned = asciiBytes(`${d}ALCA00${d}ATA3${d}`);
  const tail = asciiBytes(`${d}LPR3\n`);
  const { out, path } = openRegisterFile(ctx, "kontakter", LPR3F_CONTACT_COLUMNS);
  const { patient, admittedAt, dischargedAt, diagnosis } = c;
  const course = courses.courseOfRow;
  for (let i = 0; i < c.length; i++) {
    out.entry(ctx.ids, patient[i]);
    out.byte(sep);
    out.int(i + 1);
    out.byte(sep);
    out.int(course[i]);
    out.byte(sep);
    const a = admittedAt[i];
    dates.date(out, Math.floor(a / MINUTES_PER_DAY));
    out.byte(sep);
    dates.time(out, a);
    out.byte(sep);
    const dis = dischargedAt[i];
    if (dis === MISSING) out.byte(sep);
    else {
      dates.date(out, Math.floor(dis / MINUTES_PER_DAY));
      out.byte(sep);
      dates.time(out, dis);
    }
    out.bytes(c.acute[i] === 1 ? acute : planned);
    out.entry(ctx.sks, diagnosis[i]);
    out.bytes(tail);
    if (out.full) await out.flush();
  }
  await out.close();
  const persons = await writePersonTable(ctx, "personer", LPR3F_PERSON_COLUMNS, true);
  const drg = await writeCourseCostFile(ctx, courses, LPR3F_COST_COLUMNS);
  return [path, persons, drg];
}
