/**
 * The person table of LPR_F and LPR2 extracts (`personer.csv`: person id, `koen`, `foed_dag`,
 * `kom`), derived from the contacts, since the contract holds sex, birth date and municipality
 * per contact. Sex and birth date are those of the patient's first contact.
 *
 * Municipality (`byYear`): when no patient's contacts name more than one municipality, one row
 * per person with that municipality. When some patient moved, every person gets one row per
 * calendar year with contacts, with a column `aar` and the municipality of that year's first
 * contact: the importer takes for a contact the row of its year (docs/registers.md, lpr3-f), so
 * each contact gets its own municipality back — exactly, unless a patient moved within a year
 * (then that year's later contacts take the year's first municipality). Without `byYear` (LPR2,
 * where `c_kom` carries the municipality) one row per person with the first contact's.
 */

import { MINUTES_PER_DAY } from "../../contract/time.js";
import { yearOfDay } from "./registerDateText.js";
import { openRegisterFile, type RegisterContext } from "./registerContext.js";
import { PERSON_YEAR_COLUMN } from "./registerColumns.js";

/** True when some patient's contacts name more than one municipality. */
export function somePatientMoved(ctx: RegisterContext): boolean {
  const { start, order, patients } = ctx.order;
  const mun = ctx.contacts.municipality;
  for (let p = 0; p < patients; p++) {
    const lo = start[p];
    const hi = start[p + 1];
    if (hi - lo < 2) continue;
    const first = mun[order[lo]];
    for (let k = lo + 1; k < hi; k++) if (mun[order[k]] !== first) return true;
  }
  return false;
}

/** Write the person table; returns its path. */
export async function writePersonTable(
  ctx: RegisterContext,
  name: string,
  columns: readonly string[],
  byYear: boolean,
): Promise<string> {
  const withYear = byYear && somePatientMoved(ctx);
  const { out, path } = openRegisterFile(ctx, name, withYear ? [...columns, PERSON_YEAR_COLUMN] : columns);
  const { start, order, patients } = ctx.order;
  const c = ctx.contacts;
  const sep = ctx.sep;
  const dates = ctx.dates;
  const person = (p: number, first: number, municipality: number): void => {
    out.entry(ctx.ids, p);
    out.byte(sep);
    out.byte(c.sex[first] === 2 ? 77 : 75); // M or K
    out.byte(sep);
    dates.date(out, c.birthDate[first]);
    out.byte(sep);
    out.int(municipality);
  };
  for (let p = 0; p < patients; p++) {
    const lo = start[p];
    const hi = start[p + 1];
    if (hi === lo) continue;
    const first = order[lo];
    if (!withYear) {
      person(p, first, c.municipality[first]);
      out.byte(10);
    } else {
      let year = -1;
      for (let k = lo; k < hi; k++) {
        const i = order[k];
        const y = yearOfDay(Math.floor(c.admittedAt[i] / MINUTES_PER_DAY));
        if (y === year) continue;
        year = y;
        person(p, first, c.municipality[i]);
        out.byte(sep);
        out.int(y);
        out.byte(10);
      }
    }
    if (out.full) await out.flush();
  }
  await out.close();
  return path;
}
