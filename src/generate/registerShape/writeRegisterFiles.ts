/**
 * writeRegisterFiles: write a contract dataset in the shape of a register extract (the reverse of
 * klynge's register import presets, docs/registers.md), for tests and benchmarks of the importer
 * on realistic generated data. The folder written holds the register's files with exactly the
 * documented columns, plus the contract's population.csv and geography.csv (and deaths.csv when
 * the dataset has deaths), so that it is importable as it is.
 *
 * Files per format (details in each writer's header):
 * - lpr3-a: lpr_a_kontakt.csv, drg.csv (price per hospital course, keyed by dw_sk_sygehusophold);
 * - lpr3-f: kontakter.csv, personer.csv, drg.csv (keyed by DW_EK_FORLOEB);
 * - lpr2: t_adm.csv, personer.csv, drg.csv (v_pris per recnum);
 * - npr: npr.csv (korrvekt from the option unitPrice).
 *
 * What a round trip (write, then import) does not give back exactly: referral source (in no
 * register file), hospital in LPR3 and NPR, inpatient/outpatient as registered in LPR3 (the
 * importer classifies by the 12-hour rule), discharge minutes in LPR2 (hour only), birth dates in
 * NPR (birth year only), a municipality change within a calendar year in LPR_F and sex or birth
 * date differing between one patient's contacts (personTable.ts), and costs per contact in LPR3
 * (a course's price is shared again by duration; the totals are kept).
 *
 * Speed and memory: one pass over the contact rows per file, bytes copied into 1 MiB chunks
 * (byteOutput.ts) and written with backpressure (gzip level 6 when asked); the contact columns
 * are read in place — only index arrays (patient order when the loader's is absent, course per
 * row) and the encoded dictionaries are allocated.
 *
 * @throws Error when a patient id, diagnosis, hospital or geography name is shaped like a CPR
 *   number (helper brief: such strings are never written), or on invalid options.
 * @example
 * const { files, rows } = await writeRegisterFiles(dataset, "lpr3-a", "out/lpr3a", { dateStyle: "sas" });
 */

import { mkdir } from "node:fs/promises";
import type { Dataset } from "../../contract/dataset.js";
import { byteDictionary } from "./byteOutput.js";
import { safeFields } from "./csvText.js";
import { writeContractTables } from "./contractTables.js";
import { REGISTER_SHAPE_MESSAGES } from "./messages.js";
import { patientContactOrder } from "./patientContactOrder.js";
import type { RegisterContext } from "./registerContext.js";
import { registerDateText } from "./registerDateText.js";
import { isRegisterShapeFormat, type RegisterShapeFormat, type RegisterWriteOptions, type RegisterWriteResult } from "./registerFormat.js";
import { writeLpr2 } from "./writeLpr2.js";
import { writeLpr3a } from "./writeLpr3a.js";
import { writeLpr3f } from "./writeLpr3f.js";
import { writeNpr } from "./writeNpr.js";

const WRITERS: Readonly<Record<RegisterShapeFormat, (ctx: RegisterContext) => Promise<string[]>>> = {
  "lpr3-a": writeLpr3a,
  "lpr3-f": writeLpr3f,
  lpr2: writeLpr2,
  npr: writeNpr,
};

/**
 * Write `dataset` as the files of register `format` into `outDir` (created if missing).
 * @example await writeRegisterFiles(await loadDataset("data/demo"), "lpr3-a", "out/lpr3")
 */
export async function writeRegisterFiles(
  dataset: Pick<Dataset, "contacts" | "population" | "geography" | "deaths">,
  format: RegisterShapeFormat,
  outDir: string,
  options: RegisterWriteOptions = {},
): Promise<RegisterWriteResult> {
  if (!isRegisterShapeFormat(format)) throw new Error(REGISTER_SHAPE_MESSAGES.unknownFormat(String(format)));
  const delimiter = options.delimiter ?? ",";
  if (delimiter !== "," && delimiter !== ";") throw new Error(REGISTER_SHAPE_MESSAGES.badDelimiter(String(delimiter)));
  const dateStyle = options.dateStyle ?? "iso";
  if (dateStyle !== "iso" && dateStyle !== "sas") throw new Error(REGISTER_SHAPE_MESSAGES.badDateStyle(String(dateStyle)));
  const unitPrice = options.unitPrice ?? null;
  if (unitPrice !== null && !(Number.isFinite(unitPrice) && unitPrice > 0)) throw new Error(REGISTER_SHAPE_MESSAGES.badUnitPrice(unitPrice));
  const contacts = dataset.contacts;
  // Running ids (dw_ek_kontakt, recnum, course numbers) stay below ten digits, so never CPR-shaped.
  if (contacts.length >= 1e9) throw new Error(REGISTER_SHAPE_MESSAGES.tooManyRows(contacts.length));

  const ids = safeFields(contacts.patientIds, delimiter, "patient id");
  const icd = safeFields(contacts.diagnoses, delimiter, "diagnosis");
  const ctx: RegisterContext = {
    contacts,
    d: delimiter,
    sep: delimiter.charCodeAt(0),
    dates: registerDateText(dateStyle),
    ids: byteDictionary(ids),
    icd: byteDictionary(icd),
    sks: byteDictionary(icd.map((code) => (code.startsWith('"') ? `"D${code.slice(1)}` : `D${code}`))),
    hospitals: byteDictionary(safeFields(contacts.hospitals, delimiter, "hospital")),
    order: patientContactOrder(contacts),
    outDir,
    gzip: options.gzip ?? false,
    unitPrice,
  };
  await mkdir(outDir, { recursive: true });
  const files = await WRITERS[format](ctx);
  files.push(...(await writeContractTables(dataset, outDir, delimiter, ctx.gzip, ids)));
  return { files, rows: contacts.length };
}
