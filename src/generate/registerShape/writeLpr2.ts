/**
 * lpr2: LPR2's `t_adm.csv` (one row per contact), `personer.csv` and `drg.csv` (`v_pris` per
 * `recnum`, LPR2-era DRG being per contact). Mapping (the reverse of docs/registers.md, lpr2):
 * - `recnum` = running number 1…n (row order); `pnr` = the contract patient id;
 * - `d_inddto`, `v_indtime`, `v_indminut` = admitted_at; `d_uddto`, `v_udtime` = discharged_at
 *   to the hour: **LPR2 has no discharge minute**, so the discharge minutes are lost in a round
 *   trip (a 08:45 discharge comes back as 08:00; one in the admission's hour as the admission
 *   time). Empty when still open;
 * - `c_pattype` 0 inpatient / 2 outpatient; `c_indm` 1 acute / 2 planned; `c_adiag` SKS (DJ189);
 *   `c_kom` the 3-digit municipality; `c_sgh` the contract hospital (empty when not given);
 *   `v_sengdage` = discharge day − admission day (ignored by the importer);
 * - personer.csv (`pnr`, `koen`, `foed_dag`, `kom`): one row per person (personTable.ts).
 */

import { MINUTES_PER_DAY, MISSING } from "../../contract/time.js";
import { asciiBytes } from "./byteOutput.js";
import { priceText } from "./csvText.js";
import { writePersonTable } from "./personTable.js";
import { openRegisterFile, type RegisterContext } from "./registerContext.js";
import { LPR2_CONTACT_COLUMNS, LPR2_COST_COLUMNS, LPR2_PERSON_COLUMNS } from "./registerColumns.js";

/** Write the lpr2 files; returns their paths. */
export async function writeLpr2(ctx: RegisterContext): Promise<string[]> {
  const c = ctx.contacts;
  const d = ctx.d;
  const sep = ctx.sep;
  const dates = ctx.dates;
  const { out, path } = openRegisterFile(ctx, "t_adm", LPR2_CONTACT_COLUMNS);
  const { patient, admittedAt, dischargedAt, diagnosis, municipality, hospital, inpatient } = c;
  // c_pattype and c_indm: inpatient/outpatient × acute/planned
  const codes = [asciiBytes(`${d}2${d}2${d}`), asciiBytes(`${d}2${d}1${d}`), asciiBytes(`${d}0${d}2${d}`), asciiBytes(`${d}0${d}1${d}`)];
  for (let i = 0; i < c.length; i++) {
    out.int(i + 1);
    out.byte(sep);
    out.entry(ctx.ids, patient[i]);
    out.byte(sep);
    const a = admittedAt[i];
    const aDay = Math.floor(a / MINUTES_PER_DAY);
    const aMin = a - aDay * MINUTES_PER_DAY;
    dates.date(out, aDay);
    out.byte(sep);
    out.int(Math.floor(aMin / 60));
    out.byte(sep);
    out.int(aMin % 60);
    out.byte(sep);
    const dis = dischargedAt[i];
    let dDay = 0;
    if (dis === MISSING) out.byte(sep);
    else {
      dDay = Math.floor(dis / MINUTES_PER_DAY);
      dates.date(out, dDay);
      out.byte(sep);
      out.int(Math.floor((dis - dDay * MINUTES_PER_DAY) / 60));
    }
    out.bytes(codes[inpatient[i] * 2 + c.acute[i]]);
    out.entry(ctx.sks, diagnosis[i]);
    out.byte(sep);
    out.int(municipality[i]);
    out.byte(sep);
    const h = hospital[i];
    if (h >= 0) out.entry(ctx.hospitals, h);
    out.byte(sep);
    if (dis !== MISSING) out.int(dDay - aDay);
    out.byte(10);
    if (out.full) await out.flush();
  }
  await out.close();
  const persons = await writePersonTable(ctx, "personer", LPR2_PERSON_COLUMNS, false);
  const drg = openRegisterFile(ctx, "drg", LPR2_COST_COLUMNS);
  const cost = c.cost;
  for (let i = 0; i < c.length; i++) {
    if (Number.isNaN(cost[i])) continue;
    drg.out.int(i + 1);
    drg.out.byte(sep);
    drg.out.ascii(priceText(cost[i]));
    drg.out.byte(10);
    if (drg.out.full) await drg.out.flush();
  }
  await drg.out.close();
  return [path, persons, drg.path];
}
