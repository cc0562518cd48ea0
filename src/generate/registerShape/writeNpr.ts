/**
 * npr: Norway's Norsk pasientregister somatic episodes, `npr.csv` (one row per contact).
 * Mapping (the reverse of docs/registers.md, npr):
 * - `pid` = the contract patient id; `innDato`/`innTid`, `utDato`/`utTid` = admitted_at and
 *   discharged_at as date and `HH:MM:SS` (empty when still open);
 * - `kjonn` 1 man / 2 woman; `fodselsar` = birth year (NPR's birth year only: the importer sets
 *   1 January, so the birth date is not carried exactly); `komNrHjem2` = municipality, 4 digits;
 * - `Hdiag` = ICD-10 as in the contract (J189); `omsorgsniva` 1 inpatient / 3 outpatient;
 *   `innmateHast` 1 acute / 4 planned; `drg` empty;
 * - `korrvekt` = cost_dkk / unitPrice (8 decimals) when the option unitPrice is given, else empty
 *   (NPR has no prices; the importer's `--drg-unit-price` multiplies back);
 * - `liggetid` = discharge day − admission day (ignored by the importer).
 * Not carried: hospital, referral_source.
 */

import { MINUTES_PER_DAY, MISSING } from "../../contract/time.js";
import { asciiBytes } from "./byteOutput.js";
import { decimalText } from "./csvText.js";
import { yearOfDay } from "./registerDateText.js";
import { municipalityBytes, openRegisterFile, type RegisterContext } from "./registerContext.js";
import { NPR_CONTACT_COLUMNS } from "./registerColumns.js";

/** Write npr.csv; returns its path. */
export async function writeNpr(ctx: RegisterContext): Promise<string[]> {
  const c = ctx.contacts;
  const d = ctx.d;
  const sep = ctx.sep;
  const dates = ctx.dates;
  const kom = municipalityBytes((code) => String(code).padStart(4, "0"));
  const { out, path } = openRegisterFile(ctx, "npr", NPR_CONTACT_COLUMNS);
  const { patient, admittedAt, dischargedAt, diagnosis, municipality, inpatient, sex, birthDate, cost } = c;
  const unit = ctx.unitPrice;
  const male = asciiBytes(`${d}1${d}`);
  const female = asciiBytes(`${d}2${d}`);
  // omsorgsniva and innmateHast (then the empty drg): outpatient/inpatient × planned/acute
  const codes = [asciiBytes(`${d}3${d}4${d}${d}`), asciiBytes(`${d}3${d}1${d}${d}`), asciiBytes(`${d}1${d}4${d}${d}`), asciiBytes(`${d}1${d}1${d}${d}`)];
  for (let i = 0; i < c.length; i++) {
    out.entry(ctx.ids, patient[i]);
    out.byte(sep);
    const a = admittedAt[i];
    const aDay = Math.floor(a / MINUTES_PER_DAY);
    dates.date(out, aDay);
    out.byte(sep);
    dates.time(out, a);
    out.byte(sep);
    const dis = dischargedAt[i];
    let dDay = 0;
    if (dis === MISSING) out.byte(sep);
    else {
      dDay = Math.floor(dis / MINUTES_PER_DAY);
      dates.date(out, dDay);
      out.byte(sep);
      dates.time(out, dis);
    }
    out.bytes(sex[i] === 2 ? male : female);
    out.int(yearOfDay(birthDate[i]));
    out.byte(sep);
    out.bytes(kom(municipality[i]));
    out.byte(sep);
    out.entry(ctx.icd, diagnosis[i]);
    out.bytes(codes[inpatient[i] * 2 + c.acute[i]]);
    if (unit !== null && !Number.isNaN(cost[i])) {
      const w = cost[i] / unit;
      if (!out.fixed(w, 8)) out.ascii(decimalText(w, 8));
    }
    out.byte(sep);
    if (dis !== MISSING) out.int(dDay - aDay);
    out.byte(10);
    if (out.full) await out.flush();
  }
  await out.close();
  return [path];
}
